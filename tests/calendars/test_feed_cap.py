"""Windowed feeds hold at most CALENDAR_FEED_MAX_EVENTS events and say where the rest are."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from calendars.views import cache
from events.models import Event
from tests.calendars.verify import (
    byte_problems,
    libical_available,
    libical_problems,
    node_available,
    parse_with_icaljs,
    parse_with_vobject,
)

CAP = 3


@pytest.fixture
def capped(app: Flask, make_event: Callable[..., Event]) -> list[Event]:
    """Five public Brussels events, a cap of three."""
    app.config["CALENDAR_FEED_MAX_EVENTS"] = CAP
    cache.clear()
    return [make_event(days=day) for day in (5, 1, 9, 3, 7)]


def test_programme_and_city_feeds_keep_the_earliest_events_and_a_note(
        client: FlaskClient, capped: list[Event]) -> None:
    earliest = sorted(capped, key=lambda e: e.starts_at)[:CAP]
    for url in ("/calendar/programme.ics", "/calendar/cities/brussels.ics",
                "/calendar/themes/green-mobility.ics"):
        data = client.get(url).data
        assert byte_problems(data) == [], url
        calendar = parse_with_vobject(data)
        assert sorted(v.uid.value for v in calendar.vevent_list) == sorted(
            e.uid for e in earliest), url
        note = calendar.contents["x-wr-caldesc"][0].value
        assert "first 3 events" in note and "/events/calendar" in note, url


def test_the_note_is_in_the_feed_language(client: FlaskClient, capped: list[Event]) -> None:
    note = parse_with_vobject(client.get("/calendar/programme.ics?lang=zh").data
                              ).contents["x-wr-caldesc"][0].value
    assert "lang=zh" in note and "web calendar" not in note


def test_a_feed_under_the_cap_has_no_note(client: FlaskClient, app: Flask,
                                           capped: list[Event]) -> None:
    app.config["CALENDAR_FEED_MAX_EVENTS"] = 5
    cache.clear()
    data = client.get("/calendar/programme.ics").data
    assert b"X-WR-CALDESC" not in data and data.count(b"BEGIN:VEVENT") == 5


@pytest.mark.skipif(not node_available(), reason="ical.js not installed (make test)")
def test_icaljs_reads_a_capped_feed(client: FlaskClient, capped: list[Event]) -> None:
    assert len(parse_with_icaljs(client.get("/calendar/programme.ics").data)["events"]) == CAP


@pytest.mark.skipif(not libical_available(), reason="libical GObject bindings not installed")
def test_libical_accepts_a_capped_feed(client: FlaskClient, capped: list[Event]) -> None:
    assert libical_problems(client.get("/calendar/programme.ics").data) == []


def test_personal_feeds_are_not_capped(client: FlaskClient, app: Flask, world: dict[str, Any],
                                       invite: Callable[..., Any],
                                       capped: list[Event]) -> None:
    for event in capped:
        invite(event, world["delegate"])
    data = client.get(f"/calendar/u/{world['delegate'].feed_token}.ics").data
    assert data.count(b"BEGIN:VEVENT") == 5 and b"X-WR-CALDESC" not in data
