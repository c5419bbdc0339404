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


def show_error(form: Any, error: HelixError, default: str | None = None) -> None:
    """Put ``error`` next to its field (``error.field``, else ``default``) on ``form``;
    flash it when the form has no such field."""
    target = getattr(form, error.field or default or "", None)
    if target is None:
        flash(str(error), "danger")
    else:
        target.errors = [*target.errors, str(error)]
