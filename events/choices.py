"""Events chosen by search: the outcome form's event picker (a select of every event was
100,000 options in a programme of that size) and the labels of the invite page's targets."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import select

from core.extensions import db
from core.i18n import localized
from events.models import Event
from events.queries import visible_events
from missions.choices import title_holds


def event_label(event: Event) -> str:
    """``2020-11-05 · Title`` (the title in the page language)."""
    return f"{event.starts_at:%Y-%m-%d} · {localized(event, 'title')[0]}"


def event_labels(ids: Sequence[int]) -> dict[int, str]:
    """Labels of the events with these ids that exist (one query)."""
    return {e.id: event_label(e)
            for e in db.session.scalars(select(Event).where(Event.id.in_(ids)))}


def event_matches(text: str, limit: int, viewer: Any) -> list[tuple[int, str]]:
    """At most ``limit`` events the viewer may see whose title or slug holds ``text``,
    latest first."""
    return [(e.id, event_label(e)) for e in db.session.scalars(
        visible_events(viewer).where(title_holds(Event, text))
        .order_by(Event.starts_at.desc(), Event.id.desc()).limit(limit))]
