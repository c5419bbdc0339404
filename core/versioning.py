"""Optimistic locking: a save made from an outdated version of a record is refused.

Models declare ``version_id_col``; forms carry the version the user started from. The
caller passes the exception to raise, so each domain keeps its own error type.
"""

from sqlalchemy.orm.exc import StaleDataError

from core.extensions import db


def check_version(current: int, expected: int | str | None, stale: Exception) -> None:
    """Raise ``stale`` when the form's ``expected`` version is not the stored ``current``.

    No expected version (``None`` or an empty form field) means no check.
    """
    if expected in (None, ""):
        return
    if int(expected) != current:
        raise stale


def commit_or_stale(stale: Exception) -> None:
    """Commit; when someone saved in between (the versioned UPDATE matched no row), roll
    back and raise ``stale`` instead."""
    try:
        db.session.commit()
    except StaleDataError as exc:
        db.session.rollback()
        raise stale from exc
