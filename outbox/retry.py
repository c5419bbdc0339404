"""Pure rules of the outbox: idempotency keys, back-off, which SMTP errors are final,
and header text that cannot break a message (no Flask or SQLAlchemy import)."""

from __future__ import annotations

import hashlib
import smtplib
from datetime import datetime, timedelta

PENDING, SENDING, SENT, FAILED = "pending", "sending", "sent", "failed"
STATUSES = (PENDING, SENDING, SENT, FAILED)


def idempotency_key(kind: str, invitation_id: int, sequence: int) -> str:
    """One key per message a person may receive: ``invite:12:0``, ``update:12:3``…

    The event's SEQUENCE is part of it, so each change is one message and the same
    change is never queued twice.
    """
    return f"{kind}:{invitation_id}:{sequence}"


def message_id(key: str, domain: str) -> str:
    """A stable Message-ID for the row with ``key``: every retry carries the same one,
    so receiving servers and clients can recognise a copy."""
    digest = hashlib.sha256(key.encode()).hexdigest()[:24]
    return f"<helix-{digest}@{domain or 'localhost'}>"


def backoff(attempts: int, base: float, cap: float) -> timedelta:
    """Delay before the next attempt after ``attempts`` failed ones: base·2^(n−1), capped."""
    exponent = max(attempts - 1, 0)
    return timedelta(seconds=min(base * (2**min(exponent, 30)), cap))


def next_attempt(now: datetime, attempts: int, base: float, cap: float) -> datetime:
    """When a row that failed ``attempts`` times may be tried again."""
    return now + backoff(attempts, base, cap)


def is_permanent(error: BaseException) -> bool:
    """True for errors no retry can cure: a 5xx SMTP answer, a message that cannot be built.

    Connection trouble, timeouts and 4xx answers are temporary.
    """
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _msg in error.recipients.values()]
        return bool(codes) and all(500 <= code < 600 for code in codes)
    if isinstance(error, smtplib.SMTPResponseException):
        return 500 <= error.smtp_code < 600
    return isinstance(error, (ValueError, TypeError, UnicodeError))


def describe(error: BaseException, limit: int = 500) -> str:
    """The error as one line for the organiser (type and text, at most ``limit`` chars)."""
    text = " ".join(f"{type(error).__name__}: {error}".split())
    return text[:limit]


def header_text(text: str, limit: int = 250) -> str:
    """``text`` fit for a header: CR, LF, tabs and other control characters become one
    space (a title typed with a line break stays readable), at most ``limit`` chars."""
    cleaned = "".join(ch if ch.isprintable() else " " for ch in text)
    return " ".join(cleaned.split())[:limit]
