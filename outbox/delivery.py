"""Deliver outbox rows: claim one atomically, send it, record the outcome.

Used by the worker's tasks (:mod:`outbox.queue`) and by tests that drain the outbox
synchronously (:func:`drain`); both go through :func:`deliver_one`.

What this guarantees, and what SMTP cannot:

* A row is claimed by one ``UPDATE … WHERE id = :id AND status = 'pending' …`` (or a
  ``sending`` row whose lease expired); the database lets exactly one worker win, on
  SQLite and PostgreSQL alike. The claim is committed before any SMTP traffic.
* A worker killed before the SMTP server accepted the message (``250`` after DATA) leaves
  the row ``sending``; once its lease expires the sweep retries it, and the person gets
  it once.
* The one window for a duplicate: the server accepted the message and the worker died
  before committing ``sent``. The retry then sends a second copy. It carries the same
  ``Message-ID`` (derived from the row's key), and an iTIP REQUEST/CANCEL with the same
  UID and SEQUENCE is applied idempotently by calendar clients, but SMTP itself has no
  exactly-once delivery: at-least-once is the honest promise.
* The ``.eml`` folder transport (no ``MAIL_SERVER``) has the same window and writes a
  second file.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from email import message_from_bytes, policy
from typing import Any

from flask import current_app
from sqlalchemy import and_, or_, select, update

from core.extensions import db
from core.registry import provided
from core.types import utcnow
from outbox.models import OutboxMessage
from outbox.retry import FAILED, PENDING, SENDING, SENT, describe, is_permanent, next_attempt

STALE = "The worker stopped while sending this message; it was not retried again."


@dataclass(frozen=True)
class Outcome:
    """What :func:`deliver_one` did: ``sent``, ``retry`` (at ``retry_at``), ``failed``
    or ``skipped`` (another worker holds the row, or nothing was due)."""

    status: str
    retry_at: datetime | None = None


def settings() -> dict[str, Any]:
    """Attempts, back-off and lease from the app's ``OUTBOX_*`` configuration."""
    config = current_app.config
    return {
        "max_attempts": int(config["OUTBOX_MAX_ATTEMPTS"]),
        "base": float(config["OUTBOX_BACKOFF"]),
        "cap": float(config["OUTBOX_BACKOFF_CAP"]),
        "lease": timedelta(seconds=float(config["OUTBOX_LEASE"])),
    }


def _claimable(now: datetime) -> Any:
    return or_(
        and_(OutboxMessage.status == PENDING, OutboxMessage.next_attempt_at <= now),
        and_(OutboxMessage.status == SENDING, OutboxMessage.lease_until < now),
    )


def claim(row_id: int, lease: timedelta) -> str | None:
    """Claim row ``row_id`` for ``lease``; returns the claim token, or None when it is not
    due or another worker holds it. Commits, so other workers see the claim at once."""
    now, token = utcnow(), uuid.uuid4().hex
    result = db.session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.id == row_id, _claimable(now))
        .values(status=SENDING, attempts=OutboxMessage.attempts + 1,
                lease_until=now + lease, claim=token),
        execution_options={"synchronize_session": False},
    )
    db.session.commit()
    return token if result.rowcount == 1 else None


def _finish(row_id: int, token: str, **values: Any) -> None:
    """Record the outcome, unless the claim was lost (lease expired, row re-claimed)."""
    db.session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.id == row_id, OutboxMessage.claim == token)
        .values(lease_until=None, **values),
        execution_options={"synchronize_session": False},
    )
    db.session.commit()


def _send(raw: bytes) -> None:
    """Hand the stored message to the mail transport the calendars package provides."""
    provided("mail.send")(message_from_bytes(raw, policy=policy.default))


def deliver_one(row_id: int) -> Outcome:
    """Claim, send and mark one row (see the module docstring for the guarantees)."""
    rules = settings()
    token = claim(row_id, rules["lease"])
    if token is None:
        return Outcome("skipped")
    attempts, raw = db.session.execute(
        select(OutboxMessage.attempts, OutboxMessage.message).where(OutboxMessage.id == row_id)
    ).one()
    db.session.rollback()  # end the read transaction before the (slow) SMTP exchange
    if attempts > rules["max_attempts"]:
        _finish(row_id, token, status=FAILED, last_error=STALE)
        return Outcome(FAILED)
    try:
        _send(raw)
    except Exception as error:  # noqa: BLE001 - every failure is recorded on the row
        current_app.logger.warning("outbox: message %s failed: %s", row_id, describe(error))
        if is_permanent(error) or attempts >= rules["max_attempts"]:
            _finish(row_id, token, status=FAILED, last_error=describe(error))
            return Outcome(FAILED)
        retry_at = next_attempt(utcnow(), attempts, rules["base"], rules["cap"])
        _finish(row_id, token, status=PENDING, next_attempt_at=retry_at,
                last_error=describe(error))
        return Outcome("retry", retry_at)
    _finish(row_id, token, status=SENT, sent_at=utcnow(), last_error=None)
    return Outcome(SENT)


def due(horizon: timedelta = timedelta(0)) -> list[tuple[int, datetime]]:
    """Rows a worker may take within ``horizon`` from now, with the instant they become
    claimable: pending rows by ``next_attempt_at``, claimed rows by their lease's end."""
    limit = utcnow() + horizon
    pending = select(OutboxMessage.id, OutboxMessage.next_attempt_at).where(
        OutboxMessage.status == PENDING, OutboxMessage.next_attempt_at <= limit)
    stale = select(OutboxMessage.id, OutboxMessage.lease_until).where(
        OutboxMessage.status == SENDING, OutboxMessage.lease_until <= limit)
    rows = [(i, when) for i, when in (*db.session.execute(pending), *db.session.execute(stale))]
    db.session.rollback()
    return sorted(rows, key=lambda r: (r[1], r[0]))


def drain() -> list[Outcome]:
    """Deliver every row due now, in order, in this process (tests and ``--drain``)."""
    return [deliver_one(row_id) for row_id, _when in due()]
