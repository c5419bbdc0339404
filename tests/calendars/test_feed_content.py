"""What the feeds say, as read by ical.js, vobject and libical, checked against the database."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from flask.testing import FlaskClient

from core.extensions import db
from events.models import Event
from tests.calendars.verify import (
    byte_problems,
    libical_available,
    libical_problems,
    node_available,
    parse_with_icaljs,
    parse_with_vobject,
)

needs_node = pytest.mark.skipif(not node_available(), reason="ical.js not installed (make test)")


def _utc(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _next_dst_change() -> datetime:
    """The next spring-forward instant in Brussels (last Sunday of March, 01:00 UTC)."""
    now = datetime.now(UTC)
    for year in (now.year, now.year + 1):
        day = max(d for d in range(25, 32) if datetime(year, 3, d).weekday() == 6)
        change = datetime(year, 3, day, 1, 0, tzinfo=UTC)
        if change > now + timedelta(days=1):
            return change
    raise AssertionError("unreachable")


@pytest.fixture
def published(
    world: dict[str, Any], make_event: Callable[..., Any], invite: Callable[..., Any]
) -> dict[str, Event]:
    """Events for the delegate: across a DST change, in China, a webinar, one declined,
    one cancelled after publication, and one for somebody else."""
    change = _next_dst_change()
    days = (change - datetime.now(UTC)).total_seconds() / 86400
    across = make_event(
        days=days - 0.25,
        hours=24,
        title_zh="跨越夏令时的布鲁塞尔会议",
        title_en="Brussels meeting across the DST change",
    )
    china = make_event(days=12, city="chongqing", title_zh="重庆市政府代表团会见：绿色低碳城市发展")
    webinar = make_event(
        days=14,
        city=None,
        kind="webinar",
        online=True,
        join_url="https://meet.example/j/42?pwd=abc",
        title_zh="智慧城市网络研讨会",
    )
    declined = make_event(days=15, title_zh="已谢绝的活动")
    cancelled = make_event(days=16, title_zh="取消的活动")
    foreign = make_event(days=17, title_zh="别人的活动")
    for event in (across, china, webinar, cancelled):
        invite(event)
    invite(declined, status="declined")
    invite(foreign, participant=world["other"])
    cancelled.status = "cancelled"
    db.session.commit()
    return {
        "across": across,
        "china": china,
        "webinar": webinar,
        "declined": declined,
        "cancelled": cancelled,
        "foreign": foreign,
    }


def _personal(client: FlaskClient, world: dict[str, Any], query: str = "") -> bytes:
    response = client.get(f"/calendar/u/{world['delegate'].feed_token}.ics{query}")
    assert response.status_code == 200
    return response.data


def test_personal_feed_bytes_are_clean(
    client: FlaskClient, world: dict[str, Any], published: dict[str, Event]
) -> None:
    data = _personal(client, world)
    assert byte_problems(data) == []
    text = data.decode()
    assert "METHOD:PUBLISH" in text and "ATTENDEE" not in text
    assert "RDATE" not in text
    assert text.count("BEGIN:VTIMEZONE") == 3  # Brussels, Shanghai, UTC
    assert "TZID=Europe/Brussels" in text and "TZID=Asia/Shanghai" in text


@needs_node
def test_icaljs_sees_what_the_database_holds(
    client: FlaskClient, world: dict[str, Any], published: dict[str, Event]
) -> None:
    parsed = parse_with_icaljs(_personal(client, world))
    assert parsed["name"] == "我的 Helix 活动"
    by_uid = {e["uid"]: e for e in parsed["events"]}
    expected = ("across", "china", "webinar", "cancelled")
    assert set(by_uid) == {published[k].uid for k in expected}
    for key in expected:
        event = published[key]
        seen = by_uid[event.uid]
        assert seen["start_utc"] == _utc(event.starts_at), key
        assert seen["end_utc"] == _utc(event.ends_at), key
        assert seen["summary"] == event.title_zh, key
        assert seen["status"] == event.status.upper(), key
        assert seen["sequence"] == event.sequence, key
        assert seen["start_tzid"] == event.timezone, key
    assert by_uid[published["cancelled"].uid]["status"] == "CANCELLED"
    assert by_uid[published["cancelled"].uid]["sequence"] == 1
    webinar = by_uid[published["webinar"].uid]
    assert webinar["conference"] == ["https://meet.example/j/42?pwd=abc"]
    assert webinar["url"] == "https://meet.example/j/42?pwd=abc"
    assert "https://meet.example/j/42?pwd=abc" in webinar["location"]
    assert "https://meet.example/j/42?pwd=abc" in webinar["description"]
    china = by_uid[published["china"].uid]
    assert china["geo"] == [29.563, 106.5516]
    assert "重庆" in china["location"]
    assert f"/events/{published['china'].id}" in china["url"]


@needs_node
def test_across_dst_the_wall_clock_shifts(
    client: FlaskClient, world: dict[str, Any], published: dict[str, Event]
) -> None:
    """A 24-hour event across spring-forward starts and ends at different wall times."""
    across = published["across"]
    data = _personal(client, world, "?lang=en").decode()
    parsed = parse_with_icaljs(data.encode())
    seen = next(e for e in parsed["events"] if e["uid"] == across.uid)
    assert seen["start_utc"] == _utc(across.starts_at)
    assert seen["end_utc"] == _utc(across.ends_at)
    assert seen["summary"] == "Brussels meeting across the DST change"
    from zoneinfo import ZoneInfo

    zone = ZoneInfo("Europe/Brussels")
    local_start = across.starts_at.astimezone(zone)
    local_end = across.ends_at.astimezone(zone)
    assert local_end.hour == (local_start.hour + 1) % 24  # one hour lost overnight
    assert f"DTSTART;TZID=Europe/Brussels:{local_start:%Y%m%dT%H%M%S}" in data
    assert f"DTEND;TZID=Europe/Brussels:{local_end:%Y%m%dT%H%M%S}" in data


def test_vobject_reads_every_feed(
    client: FlaskClient, world: dict[str, Any], published: dict[str, Event]
) -> None:
    urls = [
        f"/calendar/u/{world['delegate'].feed_token}.ics",
        "/calendar/programme.ics?lang=zh",
        "/calendar/cities/chongqing.ics",
        "/calendar/themes/green-mobility.ics?lang=zh",
        f"/events/{published['china'].id}.ics",
    ]
    for url in urls:
        data = client.get(url).data
        assert byte_problems(data) == [], url
        calendar = parse_with_vobject(data)
        for vevent in calendar.vevent_list:
            event = db.session.scalar(db.select(Event).where(Event.uid == vevent.uid.value))
            assert event is not None, (vevent.uid.value, url)
            assert vevent.dtstart.value.astimezone(UTC) == event.starts_at, url
            assert vevent.dtend.value.astimezone(UTC) == event.ends_at, url
            assert vevent.status.value == event.status.upper()


@needs_node
def test_icaljs_reads_every_public_feed(
    client: FlaskClient, world: dict[str, Any], published: dict[str, Event]
) -> None:
    for url in (
        "/calendar/programme.ics",
        "/calendar/cities/brussels.ics?lang=zh",
        "/calendar/themes/green-mobility.ics",
        f"/events/{published['across'].id}.ics",
    ):
        parsed = parse_with_icaljs(client.get(url).data)
        assert parsed["events"], url
        for seen in parsed["events"]:
            event = db.session.scalar(db.select(Event).where(Event.uid == seen["uid"]))
            assert seen["start_utc"] == _utc(event.starts_at), url


@pytest.mark.skipif(not libical_available(), reason="libical GObject bindings not installed")
def test_libical_restrictions(
    client: FlaskClient, world: dict[str, Any], published: dict[str, Event]
) -> None:
    assert libical_problems(_personal(client, world)) == []
    assert libical_problems(client.get("/calendar/programme.ics").data) == []


def test_personal_feed_defaults_to_the_participants_language(
    client: FlaskClient, world: dict[str, Any], published: dict[str, Event]
) -> None:
    zh = _personal(client, world).decode().replace("\r\n ", "")
    assert "SUMMARY;LANGUAGE=zh-CN:重庆市政府代表团会见：绿色低碳城市发展" in zh
    en = _personal(client, world, "?lang=en").decode()
    assert "SUMMARY;LANGUAGE=en:Workshop" in en


def test_feed_never_shows_declined_or_other_peoples_events(
    client: FlaskClient, world: dict[str, Any], published: dict[str, Event]
) -> None:
    data = _personal(client, world)
    assert published["declined"].uid.encode() not in data
    assert published["foreign"].uid.encode() not in data
    assert world["other"].email.encode() not in data


def test_programme_feed_is_bounded_to_a_window(
    client: FlaskClient, make_event: Callable[..., Any]
) -> None:
    old = make_event(days=-400)
    recent = make_event(days=-30)
    data = client.get("/calendar/programme.ics").data
    assert old.uid.encode() not in data and recent.uid.encode() in data


def test_dtstamp_is_stored_not_the_request_time(
    client: FlaskClient, make_event: Callable[..., Any]
) -> None:
    event = make_event()
    first = client.get("/calendar/programme.ics").data
    assert f"DTSTAMP:{event.dtstamp:%Y%m%dT%H%M%SZ}".encode() in first
    from calendars.views import cache

    cache.clear()
    assert client.get("/calendar/programme.ics").data == first
