"""VTIMEZONE generation: RRULE form, checked against zoneinfo and against ical.js."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo, available_timezones

import pytest
from icalendar import Calendar

from calendars.tz_rules import transitions_in_year
from calendars.vtimezone import is_rrule_form, vtimezone
from tests.calendars.verify import node_available, parse_with_icaljs

YEAR = 2026


def _observances(tzid: str) -> dict[str, list]:
    tz = vtimezone(tzid, YEAR)
    found: dict[str, list] = {"STANDARD": [], "DAYLIGHT": []}
    for sub in tz.subcomponents:
        found[sub.name].append(sub)
    return found


def test_brussels_has_two_rrule_observances() -> None:
    obs = _observances("Europe/Brussels")
    (daylight,) = obs["DAYLIGHT"]
    (standard,) = obs["STANDARD"]
    assert daylight["RRULE"].to_ical() == b"FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3"
    assert standard["RRULE"].to_ical() == b"FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10"
    assert daylight["TZOFFSETFROM"].td == timedelta(hours=1)
    assert daylight["TZOFFSETTO"].td == timedelta(hours=2)
    assert daylight["DTSTART"].dt == datetime(1996, 3, 31, 2, 0)
    assert standard["DTSTART"].dt == datetime(1996, 10, 27, 3, 0)
    assert str(daylight["TZNAME"]) == "CEST"


def test_shanghai_is_one_standard_observance() -> None:
    obs = _observances("Asia/Shanghai")
    assert obs["DAYLIGHT"] == []
    (standard,) = obs["STANDARD"]
    assert "RRULE" not in standard and "RDATE" not in standard
    assert standard["TZOFFSETFROM"].td == standard["TZOFFSETTO"].td == timedelta(hours=8)


@pytest.mark.parametrize(
    ("tzid", "rules"),
    [
        (
            "America/New_York",
            {b"FREQ=YEARLY;BYDAY=2SU;BYMONTH=3", b"FREQ=YEARLY;BYDAY=1SU;BYMONTH=11"},
        ),
        (
            "Australia/Sydney",
            {b"FREQ=YEARLY;BYDAY=1SU;BYMONTH=4", b"FREQ=YEARLY;BYDAY=1SU;BYMONTH=10"},
        ),
        (
            "Asia/Jerusalem",
            {
                b"FREQ=YEARLY;BYDAY=FR;BYMONTHDAY=23,24,25,26,27,28,29;BYMONTH=3",
                b"FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10",
            },
        ),
    ],
)
def test_other_rule_shapes(tzid: str, rules: set[bytes]) -> None:
    tz = vtimezone(tzid, YEAR)
    assert {sub["RRULE"].to_ical() for sub in tz.subcomponents} == rules


def test_transitions_are_found_to_the_second() -> None:
    spring, autumn = transitions_in_year(ZoneInfo("Europe/Brussels"), YEAR)
    assert spring.at_utc == datetime(2026, 3, 29, 1, 0, tzinfo=UTC)
    assert autumn.at_utc == datetime(2026, 10, 25, 1, 0, tzinfo=UTC)
    assert spring.local == datetime(2026, 3, 29, 2, 0)
    assert autumn.local == datetime(2026, 10, 25, 3, 0)


def test_unknown_zone_raises() -> None:
    with pytest.raises(Exception, match="No time zone"):
        vtimezone("Mars/Olympus_Mons", YEAR)


def _sample_instants() -> list[datetime]:
    start = datetime(YEAR - 1, 1, 1, 0, 17, tzinfo=UTC)  # off the hour: not on a transition
    return [start + timedelta(hours=61 * i) for i in range(0, 24 * 4 * 365 // 61)]


def test_every_iana_zone_matches_zoneinfo() -> None:
    """Expanded by icalendar, every generated VTIMEZONE gives zoneinfo's offsets.

    The ical.js test below covers the instants right at the transitions.
    """
    instants = _sample_instants()
    rrule_zones = 0
    for tzid in sorted(available_timezones()):
        if tzid.startswith(("Etc/", "SystemV/")) or "/" not in tzid:
            continue
        tz = vtimezone(tzid, YEAR)
        rrule_zones += is_rrule_form(tz)
        ours = tz.to_tz(lookup_tzid=False)
        real = ZoneInfo(tzid)
        for instant in instants:
            if instant.year > YEAR + 2:
                break
            expected = instant.astimezone(real).utcoffset()
            near = {(instant + timedelta(hours=h)).astimezone(real).utcoffset() for h in (-3, 3)}
            if len(near) > 1:
                continue  # dateutil's VTIMEZONE expansion is unreliable in a repeated hour
            assert instant.astimezone(ours).utcoffset() == expected, (tzid, instant)
    assert rrule_zones > 300


@pytest.mark.skipif(not node_available(), reason="ical.js not installed (run make test)")
def test_icaljs_reads_our_vtimezones_right_across_dst() -> None:
    """ical.js converts wall-clock times to UTC using only the VTIMEZONE we wrote."""
    zones = [
        "Europe/Brussels",
        "Europe/London",
        "America/New_York",
        "Australia/Sydney",
        "Asia/Shanghai",
        "America/Santiago",
        "Asia/Jerusalem",
    ]
    cal = Calendar()
    cal.add("PRODID", "-//test//EN")
    cal.add("VERSION", "2.0")
    expected = {}
    for tzid in zones:
        cal.add_component(vtimezone(tzid, YEAR))
        zone = ZoneInfo(tzid)
        for t in transitions_in_year(zone, YEAR):
            for delta in (timedelta(hours=-3), timedelta(hours=3)):
                local = (t.at_utc + delta).astimezone(zone)
                uid = f"{tzid}-{local:%Y%m%dT%H%M}"
                expected[uid] = (t.at_utc + delta).strftime("%Y-%m-%dT%H:%M:%SZ")
                cal.add_component(_event(uid, local))
    parsed = parse_with_icaljs(cal.to_ical())
    got = {e["uid"]: e["start_utc"] for e in parsed["events"]}
    assert got == expected
    assert all(e["start_tzid"] != "floating" for e in parsed["events"])


def _event(uid: str, start: datetime):
    from icalendar import Event

    event = Event()
    event.add("UID", uid)
    event.add("DTSTAMP", datetime(2026, 1, 1, tzinfo=UTC))
    event.add("DTSTART", start)
    event.add("DURATION", timedelta(hours=1))
    event.add("SUMMARY", uid)
    return event


def test_since_lists_older_transitions_before_the_rules() -> None:
    """Asia/Shanghai had DST until 1991: a definition asked to cover 1988 lists it."""
    tz = vtimezone("Asia/Shanghai", YEAR, since=1988)
    ours = tz.to_tz(lookup_tzid=False)
    summer_1990 = datetime(1990, 7, 1, 4, 0, tzinfo=UTC)
    assert summer_1990.astimezone(ours).utcoffset() == timedelta(hours=9)
    assert datetime(2026, 7, 1, tzinfo=UTC).astimezone(ours).utcoffset() == timedelta(hours=8)
    assert is_rrule_form(tz)
    # New York's current rules date from 2007: 2005 is listed, later years are RRULEs.
    ny = vtimezone("America/New_York", YEAR, since=2005)
    assert any("RRULE" in sub for sub in ny.subcomponents)
    ny_tz = ny.to_tz(lookup_tzid=False)
    april_2005 = datetime(2005, 4, 1, 12, 0, tzinfo=UTC)  # still EST under the old rules
    assert april_2005.astimezone(ny_tz).utcoffset() == timedelta(hours=-5)
    assert april_2005.astimezone(ZoneInfo("America/New_York")).utcoffset() == timedelta(hours=-5)
