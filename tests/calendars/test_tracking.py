"""SEQUENCE, DTSTAMP and the feed generation follow every change made through the ORM."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest

from calendars.http import feed_state
from calendars.tracking import bump_sequence_if_needed
from core.extensions import db


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("title_en", "New title"),
        ("title_zh", "新标题"),
        ("venue", "City Hall"),
        ("status", "cancelled"),
        ("timezone", "Europe/London"),
        ("join_url", "https://meet.example/new"),
    ],
)
def test_visible_changes_raise_sequence_and_dtstamp(
    make_event: Callable[..., Any], field: str, value: Any
) -> None:
    event = make_event()
    stamp = event.dtstamp
    setattr(event, field, value)
    db.session.commit()
    assert event.sequence == 1
    assert event.dtstamp > stamp


def test_moving_an_event_raises_sequence(make_event: Callable[..., Any]) -> None:
    event = make_event()
    event.starts_at = event.starts_at + timedelta(hours=1)
    event.ends_at = event.ends_at + timedelta(hours=1)
    db.session.commit()
    event.city = None
    db.session.commit()
    assert event.sequence == 2


def test_invisible_changes_keep_sequence(make_event: Callable[..., Any]) -> None:
    event = make_event()
    stamp = event.dtstamp
    event.description_en = "More detail"
    event.reported_attendance = 40
    event.title_en = event.title_en  # same value
    db.session.commit()
    assert event.sequence == 0
    assert event.dtstamp == stamp


def test_explicit_sequence_is_respected(make_event: Callable[..., Any]) -> None:
    event = make_event()
    event.title_en = "Changed"
    event.sequence = 5
    assert bump_sequence_if_needed(event, {"title_en": "Before"}) == {}
    db.session.commit()
    assert event.sequence == 5


def test_scope_versions_change_with_their_data(
    make_event: Callable[..., Any], invite: Callable[..., Any], world: dict[str, Any]
) -> None:
    scope = f"participant:{world['delegate'].id}"
    before, _ = feed_state(scope)
    programme_before, _ = feed_state("programme")
    event = make_event()
    assert feed_state(scope)[0] == before  # not invited yet: not in the delegate's feed
    assert feed_state("programme")[0] != programme_before
    invite(event)
    after_invite, changed_at = feed_state(scope)
    assert after_invite != before
    world["chongqing"].name_en = "Chongqing Municipality"  # names appear in every feed
    db.session.commit()
    assert feed_state(scope)[0] != after_invite
    assert feed_state(scope)[1] >= changed_at


def test_a_flush_reads_the_stored_events_once(
    make_event: Callable[..., Any], count_queries: Callable[[], Any]
) -> None:
    """SEQUENCE and the feed scopes share one read of the edited events' stored rows."""
    first, second = make_event(), make_event(days=2)
    first.title_en, second.venue = "Renamed", "City Hall"
    with count_queries() as statements:
        db.session.commit()
    partial = [s for s in statements if s.startswith("SELECT") and "event.slug" not in s]
    reads = [s for s in partial if "FROM event" in s and "FROM event_" not in s]
    assert len(reads) == 1, statements
    assert (first.sequence, second.sequence) == (1, 1)
