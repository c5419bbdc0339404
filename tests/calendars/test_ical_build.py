"""calendars.ical: VCALENDAR bytes from FeedEvent values, read back by three parsers."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from calendars.ical import FeedCalendar, FeedEvent, Person, build_calendar
from tests.calendars.verify import (
    byte_problems,
    libical_available,
    libical_problems,
    node_available,
    parse_with_icaljs,
    parse_with_vobject,
)

ORGANIZER = Person("programme@helix.example", "Helix 秘书处")
STAMP = datetime(2026, 1, 5, 8, 0, tzinfo=UTC)
LONG_ZH = "重庆与布鲁塞尔城市合作研讨会：绿色交通、低碳城市发展与数字化治理的实践经验分享"
needs_node = pytest.mark.skipif(not node_available(), reason="ical.js not installed (make test)")


def _events() -> list[FeedEvent]:
    return [
        FeedEvent(
            uid="event-1@helix.example",
            summary=LONG_ZH,
            # Saturday before the spring change in Brussels, ends after it.
            start=datetime(2026, 3, 28, 9, 0, tzinfo=UTC),
            end=datetime(2026, 3, 29, 10, 0, tzinfo=UTC),
            tzid="Europe/Brussels",
            dtstamp=STAMP,
            created=STAMP,
            last_modified=STAMP,
            description="第一行\n第二行; with, punctuation",
            location="欧洲议会, Brussels",
            geo=(50.8503, 4.3517),
            url="https://helix.example/events/1",
            categories=("Workshop", "绿色交通"),
            language="zh",
            organizer=ORGANIZER,
        ),
        FeedEvent(
            uid="event-2@helix.example",
            summary="Smart city webinar",
            start=datetime(2026, 6, 1, 6, 0, tzinfo=UTC),
            end=datetime(2026, 6, 1, 8, 0, tzinfo=UTC),
            tzid="Asia/Shanghai",
            dtstamp=STAMP,
            sequence=2,
            status="cancelled",
            join_url="https://meet.example/j/123?pwd=x",
            join_label="Join the webinar",
            url="https://helix.example/events/2",
            organizer=ORGANIZER,
        ),
    ]


def _publish() -> bytes:
    calendar = FeedCalendar(
        name="Helix programme", url="https://helix.example/calendar/programme.ics"
    )
    return build_calendar(calendar, _events(), tz_year=2026)


def test_bytes_are_clean_and_folded() -> None:
    data = _publish()
    assert byte_problems(data) == []
    assert b"\r\n " in data  # the long Chinese summary was folded
    assert b"\n" not in data.replace(b"\r\n", b"")


def test_same_data_gives_same_bytes() -> None:
    assert _publish() == _publish()


def test_publish_has_organizer_and_no_attendee() -> None:
    data = _publish().decode()
    assert "METHOD:PUBLISH" in data
    assert "ORGANIZER;CN=" in data
    assert "ATTENDEE" not in data
    assert "REFRESH-INTERVAL;VALUE=DURATION:PT1H" in data
    assert "X-PUBLISHED-TTL:PT1H" in data
    assert "X-WR-CALNAME:Helix programme" in data
    assert data.count("BEGIN:VTIMEZONE") == 2
    assert "RDATE" not in data
    assert "DTSTART;TZID=Europe/Brussels:20260328T100000" in data


def test_request_and_cancel_carry_the_attendee() -> None:
    attendee = Person("li.wei@example.cn", "李伟")
    for method in ("REQUEST", "CANCEL"):
        calendar = FeedCalendar(name="x", method=method, attendees=(attendee,))
        data = build_calendar(calendar, _events()[:1], tz_year=2026).decode()
        assert f"METHOD:{method}" in data
        assert "ATTENDEE;CN=李伟;CUTYPE=INDIVIDUAL;PARTSTAT=NEEDS-ACTION" in data
        assert "NAME" not in data.split("BEGIN:VTIMEZONE")[0]
    cancel = build_calendar(
        FeedCalendar(name="x", method="CANCEL", attendees=(attendee,)), _events()[:1], tz_year=2026
    )
    assert b"STATUS:CANCELLED" in cancel


def test_request_without_attendee_or_for_a_cancelled_event_is_refused() -> None:
    with pytest.raises(ValueError, match="attendee"):
        build_calendar(FeedCalendar(name="x", method="REQUEST"), _events())
    calendar = FeedCalendar(name="x", method="REQUEST", attendees=(Person("a@b.example"),))
    with pytest.raises(ValueError, match="CANCEL"):
        build_calendar(calendar, _events())


def test_naive_and_unknown_values_are_refused() -> None:
    base = _events()[1]
    with pytest.raises(ValueError, match="aware"):
        FeedEvent(
            uid="u",
            summary="s",
            start=datetime(2026, 1, 1),
            end=base.end,
            tzid="UTC",
            dtstamp=STAMP,
        )
    with pytest.raises(ValueError, match="before"):
        FeedEvent(
            uid="u",
            summary="s",
            start=base.end,
            end=base.end - timedelta(hours=1),
            tzid="UTC",
            dtstamp=STAMP,
        )
    with pytest.raises(Exception, match="No time zone"):
        FeedEvent(
            uid="u", summary="s", start=base.start, end=base.end, tzid="Nowhere/City", dtstamp=STAMP
        )


@needs_node
def test_icaljs_reads_times_status_and_chinese() -> None:
    parsed = parse_with_icaljs(_publish())
    assert parsed["method"] == "PUBLISH"
    assert parsed["name"] == "Helix programme"
    first, webinar = parsed["events"]
    assert first["uid"] == "event-1@helix.example"
    assert first["summary"] == LONG_ZH
    assert first["start_utc"] == "2026-03-28T09:00:00Z"
    assert first["end_utc"] == "2026-03-29T10:00:00Z"  # after the DST change: 12:00 CEST
    assert first["start_tzid"] == "Europe/Brussels"
    assert first["status"] == "CONFIRMED"
    assert first["description"] == "第一行\n第二行; with, punctuation"
    assert first["categories"] == ["Workshop", "绿色交通"]
    assert first["geo"] == [50.8503, 4.3517]
    assert webinar["status"] == "CANCELLED"
    assert webinar["sequence"] == 2
    assert webinar["start_utc"] == "2026-06-01T06:00:00Z"
    assert webinar["conference"] == ["https://meet.example/j/123?pwd=x"]
    assert webinar["url"] == "https://meet.example/j/123?pwd=x"
    assert "https://meet.example/j/123?pwd=x" in webinar["location"]


def test_vobject_reads_the_feed() -> None:
    cal = parse_with_vobject(_publish())
    events = cal.vevent_list
    assert [e.uid.value for e in events] == ["event-1@helix.example", "event-2@helix.example"]
    assert events[0].summary.value == LONG_ZH
    assert events[0].dtstart.value.astimezone(UTC) == datetime(2026, 3, 28, 9, 0, tzinfo=UTC)
    assert events[0].dtend.value.astimezone(UTC) == datetime(2026, 3, 29, 10, 0, tzinfo=UTC)
    assert events[1].status.value == "CANCELLED"


@pytest.mark.skipif(not libical_available(), reason="libical GObject bindings not installed")
def test_libical_finds_no_restriction_errors() -> None:
    assert libical_problems(_publish()) == []
    attendee = Person("li.wei@example.cn", "李伟")
    for method in ("REQUEST", "CANCEL"):
        calendar = FeedCalendar(name="x", method=method, attendees=(attendee,))
        events = _events() if method == "CANCEL" else _events()[:1]
        assert libical_problems(build_calendar(calendar, events, tz_year=2026)) == []
