"""Optimistic locking: a save made from an outdated version of a record is refused.

Models declare ``version_id_col``; forms carry the version the user started from. The
caller passes the exception to raise, so each domain keeps its own error type. The commit
itself stays in the domain's service: ``with stale_as(error): db.session.commit()``.
"""

from collections.abc import Iterator
from contextlib import contextmanager

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
    """Around a commit: when someone saved in between (the versioned UPDATE matched no
    row), roll back and raise ``stale`` instead."""
    try:
        yield
    except StaleDataError as exc:
        db.session.rollback()
        raise stale from exc
