"""Organiser actions on the outbox: see an event's troubled e-mails, retry one now."""

from __future__ import annotations

from typing import Any

from flask import current_app
from flask_babel import lazy_gettext as _l
from sqlalchemy import or_, select

from audit.services import record
from core.errors import HelixError
from core.extensions import db
from core.types import utcnow
from outbox.models import OutboxMessage
from outbox.retry import FAILED, PENDING, SENDING

#: Most rows listed on an event page (the newest first).
LIMIT = 50


class NotRetryable(HelixError):
    """The message was sent (or is being sent) meanwhile."""

    message = _l("This e-mail is no longer waiting for a retry.")


def troubled(event_id: int) -> list[OutboxMessage]:
    """The event's e-mails that failed, or are still waiting after a failed attempt."""
    query = (
        select(OutboxMessage)
        .where(OutboxMessage.event_id == event_id,
               or_(OutboxMessage.status == FAILED,
                   OutboxMessage.status.in_((PENDING, SENDING))
                   & (OutboxMessage.attempts > 0)))
        .order_by(OutboxMessage.id.desc())
        .limit(LIMIT)
    )
    return list(db.session.scalars(query))


def retry_now(row: OutboxMessage, actor: Any) -> None:
    """Put a failed or waiting message back in the queue with a fresh set of attempts.

    One transaction with its audit entry; the worker is asked to send it after the commit.
    """
    if row.status not in (FAILED, PENDING):
        raise NotRetryable()
    before = (row.status, row.attempts)
    row.status, row.attempts, row.next_attempt_at = PENDING, 0, utcnow()
    record(actor, "changed", row, {"status": (before[0], PENDING),
                                   "attempts": (before[1], 0)})
    db.session.commit()
    from outbox.queue import kick

    try:
        kick(current_app, [row.id])
    except Exception:  # noqa: BLE001 - the periodic sweep picks it up
        current_app.logger.warning("outbox: worker not reachable for retry", exc_info=True)
