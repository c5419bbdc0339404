"""The reports' data generation: heavy aggregates computed once per change of the data.

This reuses the feeds' generation mechanism (:class:`calendars.models.FeedScope`,
:func:`calendars.http.feed_state`) with one more scope, ``reports``. Session hooks
(:func:`install`) raise it in the transaction of any ORM change to the rows the reports
count; :func:`cached` keys a computed value on that scope's version (with the global
scope's), so a value is built once after each change and never served stale: this
worker's commits are seen at once, other workers' within ``CALENDAR_STATE_TTL``.

The scope is raised once per transaction, just before the commit, after every other
feed scope: a writer then never waits for another lock while holding this row, so the
shared row cannot take part in a deadlock.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from flask import Flask, current_app
from sqlalchemy.orm import Session

from calendars.http import FeedCache, feed_state, make_etag, validators
from calendars.scopes import raise_scopes
from core.session_hooks import listen_once
from events.models import Event
from invitations.models import Invitation
from missions.models import DelegationMember, Mission
from organisations.models import Organisation
from outcomes.models import Outcome
from participants.models import Participant
from programme.models import City, Partnership, Theme

#: The feed scope whose generation the reports' cached aggregates follow.
REPORTS_SCOPE = "reports"
#: Models whose rows some report counts or names (mission cities and themes, event
#: cities and partnership cities are collections of these, so they mark them changed).
COUNTED = (Event, Invitation, Mission, DelegationMember, Participant, Organisation, Outcome,
           Partnership, City, Theme)
#: Aggregates kept per app (each is small: counts keyed by ids).
CACHE_ENTRIES = 512
EXTENSION_KEY = "helix_reports_cache"
CHANGED = "helix_reports_changed"

T = TypeVar("T")


def cached(key: tuple[Hashable, ...], build: Callable[[], T]) -> T:
    """``build()``'s value for ``key`` at the current reports generation (built at most
    once per generation and worker; one indexed read of the generation otherwise)."""
    version, _changed_at = feed_state(REPORTS_SCOPE)
    cache: FeedCache[Any] = current_app.extensions[EXTENSION_KEY]
    value: T = cache.get_or_build(make_etag(REPORTS_SCOPE, version, *key), build)
    return value


def _before_flush(session: Session, _context: Any, _instances: Any) -> None:
    if session.info.get(CHANGED):
        return
    if any(isinstance(obj, COUNTED) for obj in (*session.new, *session.dirty, *session.deleted)):
        session.info[CHANGED] = True


def _before_commit(session: Session) -> None:
    if session.new or session.dirty or session.deleted:
        session.flush()
    if session.info.get(CHANGED):
        with session.no_autoflush:
            raise_scopes(session, {REPORTS_SCOPE})


def _after_commit(session: Session) -> None:
    if session.info.pop(CHANGED, False):
        validators.clear()  # this worker reads the new generation at once


def _after_soft_rollback(session: Session, _previous: Any) -> None:
    session.info.pop(CHANGED, None)


def install(app: Flask) -> None:
    """Give ``app`` its aggregate cache; register the session hooks (idempotent)."""
    app.extensions[EXTENSION_KEY] = FeedCache(CACHE_ENTRIES)
    listen_once((
        ("before_flush", _before_flush),
        ("before_commit", _before_commit),
        ("after_commit", _after_commit),
        ("after_soft_rollback", _after_soft_rollback),
    ))
