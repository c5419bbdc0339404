"""Optimistic locking: a save made from an outdated version of a record is refused.

Models declare ``version_id_col``; forms carry the version the user started from. A
versioned write runs whole inside :func:`versioned_save` (the caller passes the exception
to raise, so each domain keeps its own error type)::

    with versioned_save(event, form_version, StaleEventError(event.id)):
        with tracking(actor, event):   # the audit record flushes: still inside
            ...

Why it holds whatever the interleaving: every save bumps the version itself, so every save
emits ``UPDATE … SET version_id = n + 1 WHERE id = ? AND version_id = n`` (even when only a
many-to-many collection changed). On PostgreSQL a second writer's UPDATE waits for the
first one's row lock, then re-reads the row and matches nothing; SQLAlchemy raises
``StaleDataError``, at whichever flush that happens (an audit record's or the commit's), and
it becomes the domain's stale error, after a rollback that leaves nothing written.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import inspect
from sqlalchemy.orm.exc import StaleDataError

from core.errors import HelixError
from core.extensions import db


class StaleError(HelixError):
    """A save made from an outdated version; ``record_id`` names the record. Each domain
    subclasses it with its own message."""

    def __init__(self, record_id: int) -> None:
        super().__init__()
        self.record_id = record_id


def check_version(current: int, expected: int | str | None, stale: Exception) -> None:
    """Raise ``stale`` when the form's ``expected`` version is not the stored ``current``.

    ``None`` (a caller outside any form, e.g. a command) means no check; a form's empty
    or malformed version (``""``, ``"abc"``) is stale, never a skipped check. The session
    is rolled back first, so the page shows the stored record again.
    """
    if expected is None:
        return
    text = str(expected).strip()
    if not (text.isascii() and text.isdigit() and len(text) <= 10) or int(text) != current:
        db.session.rollback()
        raise stale


@contextmanager
def stale_as(stale: Exception) -> Iterator[None]:
    """Around any flush or commit: when someone saved in between (the versioned UPDATE
    matched no row), roll back and raise ``stale`` instead."""
    try:
        yield
    except StaleDataError as exc:
        db.session.rollback()
        raise stale from exc


def _version_key(record: Any) -> str:
    column = inspect(type(record)).version_id_col
    if column is None:
        raise TypeError(f"{type(record).__name__} has no version_id_col")
    return str(inspect(type(record)).get_property_by_column(column).key)


@contextmanager
def versioned_save(record: Any, expected: int | str | None, stale: Exception) -> Iterator[None]:
    """Check ``expected``, bump the version, run the block, commit: one transaction.

    A stale form, or a parallel save committed between our read and our write, raises
    ``stale`` with nothing written (see the module docstring).
    """
    key = _version_key(record)
    current = getattr(record, key)
    check_version(current, expected, stale)
    try:
        with stale_as(stale):
            setattr(record, key, current + 1)  # UPDATE … WHERE version_id = current, always
            yield
            db.session.commit()
    except BaseException:
        db.session.rollback()  # a refusal inside the block writes nothing either
        raise
