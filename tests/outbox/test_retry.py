"""outbox.retry: keys, Message-IDs, back-off, error classes and header text (pure)."""

from __future__ import annotations

import smtplib
from datetime import timedelta

from outbox.retry import backoff, header_text, idempotency_key, is_permanent, message_id


def test_one_key_and_one_message_id_per_change() -> None:
    assert idempotency_key("update", 12, 3) == "update:12:3"
    first = message_id("update:12:3", "helix.example")
    assert first == message_id("update:12:3", "helix.example")  # every retry: the same
    assert first != message_id("update:12:4", "helix.example")
    assert first.startswith("<helix-") and first.endswith("@helix.example>")


def test_backoff_doubles_up_to_the_cap() -> None:
    delays = [backoff(n, 60, 3600) for n in range(1, 9)]
    assert delays[:4] == [timedelta(seconds=s) for s in (60, 120, 240, 480)]
    assert delays[-1] == timedelta(hours=1)
    assert backoff(10_000, 60, 3600) == timedelta(hours=1)  # no overflow


def test_only_5xx_and_unbuildable_messages_are_permanent() -> None:
    assert is_permanent(smtplib.SMTPDataError(550, b"no such user"))
    assert not is_permanent(smtplib.SMTPDataError(451, b"try later"))
    assert is_permanent(smtplib.SMTPRecipientsRefused({"a@b.example": (550, b"unknown")}))
    assert not is_permanent(smtplib.SMTPRecipientsRefused({"a@b.example": (450, b"busy")}))
    assert not is_permanent(ConnectionRefusedError(111, "refused"))
    assert not is_permanent(TimeoutError())
    assert is_permanent(ValueError("bad header"))


def test_header_text_has_no_line_breaks_or_controls() -> None:
    assert header_text("MoU signing\r\nBcc: x@evil.example") == "MoU signing Bcc: x@evil.example"
    assert header_text("签约\u2028仪式\x00\t ") == "签约 仪式"
    assert len(header_text("x" * 100_000)) == 250
