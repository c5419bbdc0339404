"""Keep subscribers right on every change, whoever makes it.

Session hooks (installed once by :func:`install`) do three things for any ORM change,
so the events and participants code need not remember to:

* :func:`bump_sequence_if_needed`: an event whose time, place, status or title changes
  gets SEQUENCE + 1 and a new DTSTAMP (RFC 5545 §3.8.7.4), so clients replace their copy.
* the generations of the feed scopes the change touches (:mod:`calendars.scopes`) are
  raised in the same transaction, which changes those feeds' ETag and Last-Modified and
  no other feed's.
* just before the commit, new invitations and updates or cancellations of confirmed events
  are written to the outbox by :func:`calendars.notify.enqueue` (the e-mail iTIP messages),
  in the same transaction; after the commit the worker is asked to send them.

Bulk ``UPDATE`` statements bypass the ORM and so these hooks; Helix code uses the ORM.
"""

from __future__ import annotations

from typing import Any

from flask import current_app, has_app_context
from sqlalchemy import inspect
from sqlalchemy.orm import Session

from calendars.http import validators
from calendars.scopes import PLACEMENT, raise_scopes, read_stored, touched_scopes
from core.session_hooks import listen_once
from core.types import utcnow
from events.models import Event, EventStatus
from invitations.models import Invitation, InvitationStatus
from missions.models import Mission
from outbox import enqueue as outbox_enqueue
from programme.models import City, Theme

#: Event attributes whose change a subscriber should see (time, place, status, title).
SIGNIFICANT = (
    "starts_at",
    "ends_at",
    "timezone",
    "venue",
    "city_id",
    "online",
    "hybrid",
    "join_url",
    "status",
    "title_en",
    "title_zh",
)
#: The stored columns one SELECT per flush reads: for SEQUENCE and for the feed scopes.
STORED_COLUMNS = tuple(dict.fromkeys((*SIGNIFICANT, *PLACEMENT)))
#: Models whose changes can alter some feed's content (a participant's own fields never
#: appear in a feed: their token and language are read on every request).
FEED_MODELS = (Event, Invitation, Mission, City, Theme)
PENDING_MAIL = "helix_calendar_mail"
TOUCHED = "helix_calendar_touched"
SEQUENCE_SEEN = "helix_calendar_sequence"
ACTIVE_INVITATIONS = (
    InvitationStatus.INVITED.value,
    InvitationStatus.ACCEPTED.value,
    InvitationStatus.TENTATIVE.value,
)


def _current(event: Event) -> dict[str, Any]:
    """The same fields as they will be written (a changed ``city`` decides ``city_id``)."""
    values = {name: getattr(event, name) for name in SIGNIFICANT}
    if inspect(event).attrs.city.history.has_changes():
        values["city_id"] = event.city.id if event.city is not None else None
    return values


def _visible_changes(event: Event, stored: dict[str, Any]) -> dict[str, tuple[Any, Any]]:
    """``{field: (stored, new)}`` for each subscriber-visible field that changed."""
    state = inspect(event)
    if not any(state.attrs[n].history.has_changes() for n in (*SIGNIFICANT, "city")):
        return {}
    current = _current(event)
    return {n: (stored[n], current[n]) for n in SIGNIFICANT if stored[n] != current[n]}


def bump_sequence_if_needed(event: Event, stored: dict[str, Any]) -> dict[str, tuple[Any, Any]]:
    """Raise SEQUENCE and renew DTSTAMP when a subscriber-visible field changed from its
    ``stored`` value (the row before this flush, :func:`calendars.scopes.read_stored`).

    Does nothing for a new event, or when the caller already set ``sequence``.
    Returns the changes that caused a bump (empty when there was none).
    """
    state = inspect(event)
    if not state.persistent or state.attrs.sequence.history.has_changes():
        return {}
    changes = _visible_changes(event, stored)
    if changes:
        event.sequence = (event.sequence or 0) + 1
        event.dtstamp = utcnow()
    return changes


def _mail_kind(event: Event, changes: dict[str, tuple[Any, Any]]) -> str | None:
    """``update`` or ``cancel`` when a change of ``event`` must be e-mailed, else None.

    Invitations are mailed whatever the event's status, so cancelling a tentative event
    tells its invitees too; other changes are mailed once the event is (or was) confirmed.
    """
    old, new = changes.get("status", (event.status, event.status))
    confirmed = EventStatus.CONFIRMED.value
    cancelled = EventStatus.CANCELLED.value
    if new == cancelled and old != cancelled:
        return "cancel"
    if new != cancelled and confirmed in (old, new):
        return "update"
    return None


def _before_flush(session: Session, _context: Any, _instances: Any) -> None:
    touched = [
        o for o in (*session.new, *session.dirty, *session.deleted) if isinstance(o, FEED_MODELS)
    ]
    if not touched:
        return
    session.info[TOUCHED] = True
    pending = session.info.setdefault(PENDING_MAIL, [])
    events = [o for o in touched if isinstance(o, Event)]
    stored = read_stored(session, events, STORED_COLUMNS)
    for obj in session.dirty:
        if isinstance(obj, Event) and obj.id in stored:
            changes = bump_sequence_if_needed(obj, stored[obj.id])
            kind = _mail_kind(obj, changes) if changes else None
            if kind:
                pending.append((kind, obj.id))
    with session.no_autoflush:
        raise_scopes(session, touched_scopes(session, touched, stored))


def _after_flush(session: Session, _context: Any) -> None:
    pending = session.info.setdefault(PENDING_MAIL, [])
    for obj in session.new:
        if isinstance(obj, Invitation) and obj.status in ACTIVE_INVITATIONS:
            pending.append(("invite", obj.id))


def _before_commit(session: Session) -> None:
    """Write the e-mails of this transaction to the outbox, so they commit with it."""
    if session.new or session.dirty or session.deleted:
        session.flush()  # new invitations get their ids (``_after_flush``)
    work = session.info.pop(PENDING_MAIL, [])
    if not work or not has_app_context():
        return
    if not current_app.config.get("CALENDAR_MAIL_ENABLED", True):
        return
    from calendars.notify import enqueue

    enqueue(session, list(dict.fromkeys(work)))


def _after_commit(session: Session) -> None:
    if session.info.pop(TOUCHED, False):
        validators.clear()
    outbox_enqueue.after_commit(session)


def _after_soft_rollback(session: Session, _previous: Any) -> None:
    session.info.pop(PENDING_MAIL, None)
    session.info.pop(TOUCHED, None)
    outbox_enqueue.forget(session)


def install() -> None:
    """Register the session hooks on Flask-SQLAlchemy's session (idempotent)."""
    listen_once((
        ("before_flush", _before_flush),
        ("after_flush", _after_flush),
        ("before_commit", _before_commit),
        ("after_commit", _after_commit),
        ("after_soft_rollback", _after_soft_rollback),
    ))
