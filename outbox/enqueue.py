"""Write outbox rows inside the caller's transaction, and hand them to the worker after it.

:func:`add` is called while a session is being committed (from ``before_commit`` hooks),
so the rows commit or roll back with the change that caused them. :func:`after_commit`
asks the worker to deliver them at once; when that fails (queue down, process killed) the
worker's periodic sweep still finds them in the table.
"""

from __future__ import annotations

from email.message import EmailMessage

from flask import current_app, g, has_app_context, has_request_context
from sqlalchemy import select
from sqlalchemy.orm import Session

from outbox.models import OutboxMessage
from outbox.retry import header_text, message_id

#: ``session.info`` key: ids of the rows this transaction wrote.
NEW_ROWS = "helix_outbox_new"


def add(
    session: Session,
    *,
    key: str,
    kind: str,
    recipient: str,
    language: str,
    message: EmailMessage,
    event_id: int | None = None,
    mission_id: int | None = None,
    invitation_id: int | None = None,
) -> OutboxMessage | None:
    """Queue ``message`` under ``key`` in ``session``'s transaction.

    Returns the new row, or None when a row with ``key`` exists already (the same
    change is never mailed twice). The message gets a Message-ID derived from ``key``.
    """
    if session.scalar(select(OutboxMessage.id).where(OutboxMessage.key == key)) is not None:
        return None
    domain = str(message["From"].addresses[0].domain) if message["From"] else ""
    del message["Message-ID"]
    message["Message-ID"] = message_id(key, domain)
    row = OutboxMessage(
        key=key,
        kind=kind,
        recipient=recipient,
        language=language,
        subject=header_text(str(message["Subject"] or "")),
        message_id=str(message["Message-ID"]),
        message=message.as_bytes(),
        event_id=event_id,
        mission_id=mission_id,
        invitation_id=invitation_id,
    )
    session.add(row)
    session.flush()
    session.info.setdefault(NEW_ROWS, []).append(row.id)
    return row


def forget(session: Session) -> None:
    """Drop the ids of rows a rolled-back transaction wrote (they no longer exist)."""
    session.info.pop(NEW_ROWS, None)


def after_commit(session: Session) -> None:
    """Ask the worker to deliver the rows just committed (best effort, never raises)."""
    ids = session.info.pop(NEW_ROWS, [])
    if not ids or not has_app_context():
        return
    if has_request_context():
        g.setdefault("outbox_queued", []).extend(ids)
    from outbox.queue import kick

    try:
        kick(current_app, ids)
    except Exception:  # noqa: BLE001 - the periodic sweep delivers what this misses
        current_app.logger.warning("outbox: could not notify the worker; the sweep will",
                                   exc_info=True)


def queued_in_request() -> int:
    """How many e-mails the current request queued (for an honest flash message)."""
    return len(g.get("outbox_queued", [])) if has_request_context() else 0
