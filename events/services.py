"""Event operations: create, update, cancel, duplicate, delete — one transaction each.

Edits carry the version the organiser started from; when somebody saved in between,
:class:`StaleEventError` is raised and nothing is written (optimistic locking on
``Event.version_id``). Every write is recorded in the audit log, in the same transaction.
SEQUENCE/DTSTAMP for subscribers are bumped by ``calendars.tracking``'s session hooks on
any significant change, so this module does not touch them.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta
from typing import Any

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from audit.services import record, tracking
from core.errors import HelixError
from core.extensions import db
from core.versioning import StaleError, check_version, versioned_save
from events.models import Event, EventStatus, new_uid
from programme.models import City


class StaleEventError(StaleError):
    """The event changed since the organiser opened it; their save was refused."""

    message = _l("Someone else saved this event after you opened it, so your changes "
                 "were not saved.")


class NotADraftError(HelixError):
    """Only draft events (tentative, nobody invited) may be deleted."""

    message = _l("Only draft events (tentative, nobody invited) can be deleted; "
                 "cancel this one instead.")


def is_draft(event: Event) -> bool:
    """A draft: still tentative and nobody invited yet, so nobody can have relied on it."""
    return event.status == EventStatus.TENTATIVE.value and not event.invitations


def _apply(event: Event, data: Mapping[str, Any]) -> None:
    """Copy validated form data onto the event."""
    with db.session.no_autoflush:  # one UPDATE (one version bump) per save
        _assign(event, data)


def _assign(event: Event, data: Mapping[str, Any]) -> None:
    for key, value in data.items():
        if key == "city_ids":
            event.cities = list(db.session.scalars(select(City).where(City.id.in_(value))))
        else:
            setattr(event, key, value)


def create_event(data: Mapping[str, Any], actor: Any = None) -> Event:
    """Create and commit an event from validated form data."""
    event = Event()
    _apply(event, data)
    db.session.add(event)
    record(actor, "created", event)
    db.session.commit()
    return event


def update_event(event: Event, data: Mapping[str, Any],
                 expected_version: int | str | None, actor: Any = None) -> Event:
    """Apply an edit made from version ``expected_version``; refuse it when stale."""
    with versioned_save(event, expected_version, StaleEventError(event.id)):
        with db.session.no_autoflush, tracking(actor, event):
            _assign(event, data)
    return event


def cancel_event(event: Event, expected_version: int | str | None = None,
                 actor: Any = None) -> Event:
    """Mark the event cancelled (kept, so subscribers learn of the cancellation)."""
    stale = StaleEventError(event.id)
    if event.status == EventStatus.CANCELLED.value:
        check_version(event.version_id, expected_version, stale)  # nothing to write
        return event
    with versioned_save(event, expected_version, stale):
        record(actor, "cancelled", event, {"status": (event.status, "cancelled")})
        event.status = EventStatus.CANCELLED.value
    return event


def delete_event(event: Event, actor: Any = None) -> None:
    """Delete a draft event; anything else must be cancelled instead."""
    if not is_draft(event):
        raise NotADraftError()
    record(actor, "deleted", event)
    db.session.delete(event)
    db.session.commit()


def duplicate_event(event: Event, shift: timedelta = timedelta(0), actor: Any = None) -> Event:
    """Copy an event (e.g. the next cluster meeting) as a new tentative event.

    The copy gets a new UID and no invitations; ``shift`` moves it in time.
    """
    copy = Event(
        kind=event.kind, title_en=event.title_en, title_zh=event.title_zh,
        description_en=event.description_en, description_zh=event.description_zh,
        starts_at=event.starts_at + shift, ends_at=event.ends_at + shift,
        timezone=event.timezone, city_id=event.city_id, venue=event.venue,
        online=event.online, hybrid=event.hybrid, platform=event.platform,
        join_url=event.join_url, dial_in=event.dial_in, language=event.language,
        theme_id=event.theme_id, mission_id=event.mission_id,
        partnership_id=event.partnership_id, status=EventStatus.TENTATIVE.value,
        visibility=event.visibility, uid=new_uid(),
    )
    copy.cities = list(event.cities)
    db.session.add(copy)
    record(actor, "created", copy)
    db.session.commit()
    return copy
