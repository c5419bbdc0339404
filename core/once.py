"""One-time form tokens: a create form sent twice (a double click, a reload, eight parallel
posts) creates one record.

A create form carries a fresh random token in a hidden field (:class:`OnceForm`). The view
calls :func:`claim` on every submit, before validating the form (a repeat must not be
refused by a check the first submit made true, such as "this e-mail is taken"): it inserts
the token into ``used_form_token`` (the token is the primary key) and flushes at once. The
row commits in the same transaction as the created record: its location (the created
record's page) is filled in just before the commit (:func:`_locate`). So:

- a repeated submit finds the token already used and is sent to that page, with a
  localised "already saved" message, instead of creating a second record;
- parallel submits are settled by the database: on PostgreSQL the second INSERT of the
  same key waits for the first transaction and fails when it commits, on SQLite writers
  take turns; the loser rolls back and redirects like a repeated submit;
- a submit that fails (a field error, a refused write) commits nothing, token included (a
  commit that created no record drops the token): the form keeps its token and the
  corrected resubmit still works.

Tokens older than :data:`KEEP` are deleted whenever a new one is used.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from flask import flash, redirect, request
from flask_babel import gettext as _
from sqlalchemy import String, delete, event, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, Session, mapped_column
from werkzeug.wrappers import Response
from wtforms import HiddenField

from core.extensions import db
from core.types import UTCDateTime, utcnow

KEEP = timedelta(days=1)
"""How long a used token is remembered (a resubmit after that creates a new record)."""

TOKEN = re.compile(r"[A-Za-z0-9_-]{32}")
"""The shape of a token made by :func:`new_token`."""

_PENDING = "helix_once"
"""The key of the session's pending :class:`_Claim` in ``Session.info``."""


def new_token() -> str:
    """A fresh random token (32 URL-safe characters)."""
    return secrets.token_urlsafe(24)


class UsedFormToken(db.Model):
    """A create form's token, used once; ``location`` is the page of what it created."""

    __tablename__ = "used_form_token"

    token: Mapped[str] = mapped_column(String(32), primary_key=True)
    location: Mapped[str] = mapped_column(String(500), default="")
    used_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)


class OnceTokenField(HiddenField):
    """The hidden token field: keeps a well-formed posted token, else makes a new one (a
    form posted without it, or with a forged value, still works, once per submit)."""

    def process_formdata(self, valuelist: list[Any]) -> None:  # noqa: D102
        posted = valuelist[0] if valuelist else ""
        self.data = posted if isinstance(posted, str) and TOKEN.fullmatch(posted) \
            else new_token()


class OnceForm:
    """Mix into a create form: its ``once_token`` field (render it with the form)."""

    once_token = OnceTokenField(default=new_token)


@dataclass
class _Claim:
    """A token claimed in the current transaction, waiting for the record it creates."""

    row: UsedFormToken
    model: type
    locate: Callable[[Any], str]
    created: Any = None


def claim(form: Any, model: type, locate: Callable[[Any], str]) -> Response | None:
    """On a submit of ``form``, use its token for the ``model`` record the view may create.

    None: not a submit, or the token is new; handle the form as usual and create the record
    in this transaction (``locate(record)`` gives its page, stored with the token at the
    commit). A redirect: the form was already saved (in turn or in parallel); answer with it
    instead of validating or creating anything.
    """
    if not form.is_submitted():
        return None
    token = form.once_token.data
    if _location(token) is None:
        row = UsedFormToken(token=token, used_at=utcnow())
        db.session.add(row)
        try:
            db.session.flush()  # a parallel submit of this token waits here, then fails
        except IntegrityError:
            db.session.rollback()
        else:
            db.session.execute(delete(UsedFormToken)
                               .where(UsedFormToken.used_at < row.used_at - KEEP))
            db.session.info[_PENDING] = _Claim(row, model, locate)
            return None
    flash(_("This form had already been saved: here is the result."), "info")
    return redirect(_location(token) or request.path)


def _location(token: str) -> str | None:
    return db.session.scalar(select(UsedFormToken.location)
                             .where(UsedFormToken.token == token))


@event.listens_for(Session, "after_flush")
def _note(session: Session, _context: Any) -> None:
    """Remember the claimed model's first record inserted in this transaction."""
    pending: _Claim | None = session.info.get(_PENDING)
    if pending is not None and pending.created is None:
        pending.created = next((o for o in session.new if isinstance(o, pending.model)),
                               None)


@event.listens_for(Session, "before_commit")
def _locate(session: Session) -> None:
    """Store the created record's page with the token (a commit that created nothing
    releases the token)."""
    pending: _Claim | None = session.info.get(_PENDING)
    if pending is None:
        return
    session.flush()
    session.info.pop(_PENDING)
    if pending.created is None:
        session.delete(pending.row)
    else:
        pending.row.location = pending.locate(pending.created)


@event.listens_for(Session, "after_rollback")
def _release(session: Session) -> None:
    """A rolled-back create leaves its token unused."""
    session.info.pop(_PENDING, None)
