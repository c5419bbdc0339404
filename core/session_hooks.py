"""Session event hooks registered once, whatever the number of apps created (tests make
many): the feed tracking and the report generation both follow every commit."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from sqlalchemy import event as sa_event

from core.extensions import db


def listen_once(hooks: Iterable[tuple[str, Callable[..., Any]]]) -> None:
    """Listen on Flask-SQLAlchemy's session for each ``(event name, hook)`` not yet
    listening (idempotent)."""
    for name, hook in hooks:
        if not sa_event.contains(db.session, name, hook):
            sa_event.listen(db.session, name, hook)
