"""Reminders: each one once, at the right instants across a DST change, in the reader's
language and zone with the venue's; never for a cancelled event or a declined person;
scheduled by the worker's periodic task."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from flask import Flask
from icalendar import Calendar

from core.extensions import db
from events.models import Event
from outbox.queue import build
from registrations.reminders import RSVP_LEAD, send_due
from registrations.schedule import due_offset, parse_hours
from tests.registrations.conftest import mails, text_of

#: 09:00 in Rome on the Sunday summer time starts (CET → CEST at 02:00): 07:00 UTC.
START = datetime(2027, 3, 28, 7, 0, tzinfo=UTC)


def _event(make_event: Callable[..., Event], invite: Callable[..., Any],
           world: dict[str, Any], **fields: Any) -> Event:
    event = make_event(starts_at=START, ends_at=START + timedelta(hours=2),
                       timezone="Europe/Rome", online=True,
                       join_url="https://meet.example.eu/helix", **fields)
    invite(event, status="accepted")  # Li Wei, Chinese, Asia/Shanghai
    invite(event, participant=world["other"], status="declined")
    return event


def test_each_reminder_goes_once_at_its_instant_across_dst(
    make_event: Callable[..., Event], invite: Callable[..., Any], world: dict[str, Any]
) -> None:
    _event(make_event, invite, world)
    day_before = START - timedelta(hours=24)  # 2027-03-27 07:00 UTC = 08:00 CET in Rome
    assert send_due(day_before - timedelta(minutes=1)) == 0
    assert send_due(day_before) == 1
    assert send_due(day_before + timedelta(minutes=5)) == 0  # the next tick: nothing twice
    assert send_due(START - timedelta(hours=2)) == 0
    assert send_due(START - timedelta(hours=1)) == 1
    assert send_due(START - timedelta(minutes=1)) == 0
    assert send_due(START) == 0
    sent = mails("reminder")
    assert [row.recipient for row, _m in sent] == ["li.wei@example.cn"] * 2
    (_row, first), (_row2, last) = sent
    assert str(first["Subject"]).startswith("提醒：")
    body = text_of(first)
    assert "24 小时后开始" in body and "1 小时后开始" in text_of(last)
    assert "2027-03-28 15:00–17:00 CST (Asia/Shanghai)" in body  # the reader's zone
    assert "2027-03-28 09:00–11:00 CEST (Europe/Rome)" in body  # the venue's, after DST
    assert "https://meet.example.eu/helix" in body


def test_a_reminder_carries_the_event_as_a_published_ics(
    make_event: Callable[..., Event], invite: Callable[..., Any], world: dict[str, Any]
) -> None:
    event = _event(make_event, invite, world)
    assert send_due(START - timedelta(hours=1)) == 1
    (_row, message), = mails("reminder")
    (part,) = [p for p in message.iter_attachments() if p.get_filename() == "event.ics"]
    assert part.get_content_type() == "text/calendar"
    calendar = Calendar.from_ical(part.get_content())
    assert calendar["METHOD"] == "PUBLISH"
    (vevent,) = calendar.walk("VEVENT")
    assert str(vevent["UID"]) == event.uid
    assert vevent.decoded("DTSTART").astimezone(UTC) == START


def test_unanswered_invitations_are_asked_about_once_three_days_before(
    make_event: Callable[..., Event], invite: Callable[..., Any], world: dict[str, Any]
) -> None:
    event = make_event(starts_at=START, ends_at=START + timedelta(hours=2),
                       timezone="Europe/Rome", online=True,
                       join_url="https://meet.example.eu/helix")
    invite(event)  # Li Wei, not answered
    invite(event, participant=world["other"], status="declined")
    assert send_due(START - RSVP_LEAD - timedelta(minutes=1)) == 0
    assert send_due(START - RSVP_LEAD) == 1
    assert send_due(START - timedelta(hours=30)) == 0  # once only
    (row, message), = mails("rsvp")
    assert row.recipient == "li.wei@example.cn"
    assert str(message["Subject"]).startswith("请回复：")
    body = text_of(message)
    assert "/account/schedule?lang=zh" in body and "https://meet.example.eu/helix" in body
    assert "2027-03-28 15:00–17:00 CST (Asia/Shanghai)" in body


def test_no_rsvp_reminder_right_after_the_invitation_or_once_answered(
    make_event: Callable[..., Event], invite: Callable[..., Any], world: dict[str, Any]
) -> None:
    event = make_event(starts_at=START, ends_at=START + timedelta(hours=2))
    late = invite(event)
    late.invited_at = START - timedelta(hours=30)  # invited 6 hours before "now" below
    invite(event, participant=world["other"], status="accepted")
    db.session.commit()
    assert send_due(START - timedelta(hours=36)) == 0
    assert mails("rsvp") == []
    assert send_due(START - timedelta(hours=5)) == 2  # a day later: asked; other reminded
    assert sorted(row.kind for row, _m in mails() if row.kind != "invite") == ["reminder", "rsvp"]


def test_a_worker_that_was_down_sends_only_the_latest_reminder(
    make_event: Callable[..., Event], invite: Callable[..., Any], world: dict[str, Any]
) -> None:
    _event(make_event, invite, world)
    assert send_due(START - timedelta(minutes=30)) == 1
    assert "1 小时后开始" in text_of(mails("reminder")[0][1])


def test_no_reminder_for_a_cancelled_event(
    make_event: Callable[..., Event], invite: Callable[..., Any], world: dict[str, Any]
) -> None:
    event = _event(make_event, invite, world)
    event.status = "cancelled"
    db.session.commit()
    assert send_due(START - timedelta(hours=1)) == 0
    assert mails("reminder") == []


def test_english_reader_in_the_venue_zone(
    make_event: Callable[..., Event], invite: Callable[..., Any], world: dict[str, Any]
) -> None:
    event = make_event(starts_at=START, ends_at=START + timedelta(hours=1),
                       timezone="Europe/Rome", venue="Palazzo Vecchio")
    world["other"].timezone = "Europe/Rome"
    invite(event, participant=world["other"], status="accepted")
    assert send_due(START - timedelta(hours=1)) == 1
    (_row, message), = mails("reminder")
    body = text_of(message)
    assert str(message["Subject"]) == f"Reminder: {event.title_en}"
    assert "starts in 1 hour." in body and "Palazzo Vecchio" in body
    assert "Local time at the venue" not in body  # same zone: said once
    assert "Join online" not in body


def test_the_rules_are_pure() -> None:
    assert parse_hours(" 1, 24,24,0") == [24, 1]
    assert parse_hours(None) == [24, 1]
    assert due_offset(START, [24, 1], START - timedelta(hours=25)) is None
    assert due_offset(START, [24, 1], START - timedelta(hours=3)) == 24
    assert due_offset(START, [24, 1], START - timedelta(minutes=59)) == 1


def test_the_worker_runs_reminders_every_minute(
    app: Flask, make_event: Callable[..., Event], invite: Callable[..., Any]
) -> None:
    invite(make_event(days=0.02), status="accepted")  # starts in about half an hour
    huey = build(app)
    tasks = {task.__name__: task for task in huey._registry._periodic_tasks}
    assert {"sweep", "reminders"} <= set(tasks)
    assert tasks["reminders"]().execute() == 1
    assert tasks["reminders"]().execute() == 0
    assert [row.kind for row, _m in mails("reminder")] == ["reminder"]
