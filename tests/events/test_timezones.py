"""events.timezones: zone validation, abbreviations, city times, tolerant resolution."""

from datetime import UTC, date, datetime

import pytest

from core.timefmt import AmbiguousTimeError, NonexistentTimeError
from events.timezones import (
    UnknownTimeZoneError,
    abbreviation,
    city_times,
    common_zones,
    date_at,
    day_offset,
    get_zone,
    is_known_zone,
    resolve_local,
    summary_line,
    utc_range_for_local_dates,
)


def test_zone_validation():
    assert is_known_zone("Asia/Shanghai")
    assert not is_known_zone("Mars/Olympus_Mons")
    assert not is_known_zone("")
    assert not is_known_zone(None)
    assert not is_known_zone("../etc/passwd")
    with pytest.raises(UnknownTimeZoneError):
        get_zone("Europe/Atlantis")
    assert "Europe/Rome" in common_zones()
    assert "US/Eastern" not in common_zones()


def test_abbreviations_follow_dst():
    assert abbreviation(datetime(2018, 1, 10, 9, tzinfo=UTC), "Europe/Rome") == "CET"
    assert abbreviation(datetime(2018, 7, 10, 9, tzinfo=UTC), "Europe/Rome") == "CEST"
    assert abbreviation(datetime(2018, 7, 10, 9, tzinfo=UTC), "Asia/Shanghai") == "CST"


def test_webinar_city_times_winter_and_summer():
    places = [("Rome", "Europe/Rome"), ("Liuzhou", "Asia/Shanghai"), ("Chengdu", "Asia/Shanghai")]
    winter = city_times(datetime(2018, 2, 6, 9, tzinfo=UTC), places)
    assert summary_line(winter) == "10:00 CET · 17:00 CST"
    assert [t.label for t in winter] == ["Rome", "Liuzhou"]
    summer = city_times(datetime(2018, 7, 3, 8, tzinfo=UTC), places)
    assert summary_line(summer) == "10:00 CEST · 16:00 CST"


def test_city_times_mark_the_next_day_across_the_date_line():
    instant = datetime(2018, 7, 3, 20, 0, tzinfo=UTC)  # 22:00 Rome, 04:00 Beijing
    times = city_times(instant, [("Rome", "Europe/Rome"), ("Beijing", "Asia/Shanghai")])
    assert [t.day_offset for t in times] == [0, 1]
    assert summary_line(times) == "22:00 CEST · 04:00 CST (+1)"
    la_first = city_times(
        instant, [("LA", "America/Los_Angeles"), ("Auckland", "Pacific/Auckland")]
    )
    assert [t.day_offset for t in la_first] == [0, 1]


def test_local_dates_and_day_offsets():
    start = datetime(2018, 7, 3, 21, 0, tzinfo=UTC)
    end = datetime(2018, 7, 3, 23, 30, tzinfo=UTC)
    assert date_at(start, "Europe/Rome") == date(2018, 7, 3)
    assert day_offset(start, end, "Europe/Rome") == 1  # 23:00 -> 01:30 crosses midnight
    # Flight Beijing 2018-07-10 13:00 CST -> Los Angeles 10:00 PDT the same date.
    departs = datetime(2018, 7, 10, 5, 0, tzinfo=UTC)
    arrives = datetime(2018, 7, 10, 17, 0, tzinfo=UTC)
    assert day_offset(departs, arrives, "Asia/Shanghai", "America/Los_Angeles") == 0
    # Samoa is a day ahead of American Samoa although 100 km apart.
    instant = datetime(2018, 7, 10, 5, 0, tzinfo=UTC)
    assert day_offset(instant, instant, "Pacific/Pago_Pago", "Pacific/Apia") == 1


def test_resolve_local_modes():
    gap = datetime(2018, 3, 25, 2, 30)
    with pytest.raises(NonexistentTimeError):
        resolve_local(gap, "Europe/Rome")
    assert resolve_local(gap, "Europe/Rome", gap="forward") == datetime(
        2018, 3, 25, 1, 30, tzinfo=UTC
    )
    repeat = datetime(2018, 10, 28, 2, 30)
    with pytest.raises(AmbiguousTimeError):
        resolve_local(repeat, "Europe/Rome")
    assert resolve_local(repeat, "Europe/Rome", repeat="earlier") == datetime(
        2018, 10, 28, 0, 30, tzinfo=UTC
    )
    assert resolve_local(repeat, "Europe/Rome", repeat="later") == datetime(
        2018, 10, 28, 1, 30, tzinfo=UTC
    )
    with pytest.raises(UnknownTimeZoneError):
        resolve_local(datetime(2018, 1, 1), "Nowhere/Town")


def test_utc_range_for_local_days_spanning_a_switch():
    start, end = utc_range_for_local_dates(date(2018, 3, 25), date(2018, 3, 25), "Europe/Rome")
    assert (end - start).total_seconds() == 23 * 3600
    start, end = utc_range_for_local_dates(date(2018, 10, 28), date(2018, 10, 28), "Europe/Rome")
    assert (end - start).total_seconds() == 25 * 3600
