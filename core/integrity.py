"""A write the database refuses (a unique key taken by a parallel request) as the
refused operation's own :class:`~core.errors.HelixError`, shown next to its form field.

A service checks uniqueness first (for the usual clear message) and then commits with
:func:`commit_or_fail`: a parallel request that wrote the same key between the check and
the commit ends in the same error instead of a 500. The view passes the error to
:func:`show_error`.
"""

from __future__ import annotations

from typing import Any

from flask import flash
from sqlalchemy import inspect, update
from sqlalchemy.exc import IntegrityError

from core.errors import HelixError
from core.extensions import db


def commit_or_fail(error: HelixError) -> None:
    """Commit, or roll back and raise ``error`` (the database refused the write)."""
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        raise error from None


def lock_row(obj: Any) -> None:
    """Hold ``obj``'s row for this transaction and re-read it, so a read-then-write (a
    status change and its audit entry) sees the last committed write of a parallel request.

    PostgreSQL: ``SELECT … FOR UPDATE`` waits for the other writers of the row. SQLite has
    no row locks: a no-op UPDATE of the row first takes the database's write lock.
    """
    if db.session.get_bind().dialect.name == "sqlite":
        state = inspect(obj)
        key = state.mapper.local_table.primary_key.columns[0]
        db.session.execute(update(state.mapper.local_table)
                           .where(key == state.identity[0]).values({key.name: key}))
    db.session.refresh(obj, with_for_update=True)


def show_error(form: Any, error: HelixError, default: str | None = None) -> None:
    """Put ``error`` next to its field (``error.field``, else ``default``) on ``form``;
    flash it when the form has no such field."""
    target = getattr(form, error.field or default or "", None)
    if target is None:
        flash(str(error), "danger")
    else:
        target.errors = [*target.errors, str(error)]
