"""The real worker (``flask helix worker``, a huey consumer in a subprocess) delivers the
outbox to a real SMTP server on loopback, on SQLite and on Redis queue storage."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable
from email import message_from_bytes, policy
from typing import Any

from flask import Flask
from sqlalchemy import func, select

from core.extensions import db
from invitations.models import Invitation
from outbox.models import OutboxMessage
from participants.models import Participant
from tests.outbox.conftest import Mailbox, Worker, wait_for

N = 20


def _people(n: int) -> list[Participant]:
    people = [Participant(name=f"Delegate {i}", email=f"d{i}@example.org",
                          helix_role="government", language="en" if i % 2 else "zh")
              for i in range(n)]
    db.session.add_all(people)
    db.session.commit()
    return people


def _invite_all(event: Any, people: list[Participant]) -> None:
    db.session.add_all(Invitation(event=event, participant=p) for p in people)
    db.session.commit()


def _statuses() -> dict[str, int]:
    db.session.rollback()  # see what the worker committed
    rows = db.session.execute(select(OutboxMessage.status, func.count()).group_by(
        OutboxMessage.status))
    return dict(rows.all())


def test_worker_delivers_each_mail_once(
    queue_url: str, mailbox: tuple[Mailbox, int], start_worker: Callable[..., Worker],
    make_event: Callable[..., Any],
) -> None:
    handler, port = mailbox
    start_worker(queue_url, port)
    # A title typed with a line break (issue #11): the mail must still go out.
    event = make_event(title_en="MoU signing\r\nBcc: mallory@evil.example",
                       title_zh="签约仪式\r\n第二行")
    people = _people(N)
    started = time.monotonic()
    _invite_all(event, people)
    wait_for(lambda: len(handler.received) >= N, 60)
    elapsed = time.monotonic() - started
    time.sleep(0.5)  # nothing more arrives
    assert len(handler.received) == N
    print(f"\n{N} mails delivered in {elapsed:.2f} s ({queue_url.split(':')[0]})")
    recipients = Counter(r for _f, rcpts, _raw in handler.received for r in rcpts)
    assert recipients == Counter(p.email for p in people)  # each exactly once, no Bcc
    assert len(set(handler.message_ids())) == N
    assert _statuses() == {"sent": N}
    english = next(raw for _f, r, raw in handler.received if r == ["d1@example.org"])
    message = message_from_bytes(english, policy=policy.default)
    assert str(message["Subject"]) == "Invitation: MoU signing Bcc: mallory@evil.example"
    assert message["Bcc"] is None
    ics = next(p for p in message.walk() if p.get_content_type() == "text/calendar")
    assert b"SUMMARY;LANGUAGE=en:MoU signing\\nBcc: mallory@evil.example" in \
        ics.get_payload(decode=True).replace(b"\r\n ", b"")


def test_worker_killed_mid_send_delivers_everything_once(
    app: Flask, queue_url: str, mailbox: tuple[Mailbox, int],
    start_worker: Callable[..., Worker], make_event: Callable[..., Any],
) -> None:
    """SIGKILL while the SMTP server still holds the 3rd message (not yet accepted)."""
    handler, port = mailbox
    handler.hold = 3
    worker = start_worker(queue_url, port, threads=1, OUTBOX_LEASE="2")
    _invite_all(make_event(), _people(6))
    wait_for(handler.holding.is_set, 60)
    worker.kill()
    handler.release.set()
    assert len(handler.received) == 2
    assert _statuses() == {"sent": 2, "sending": 1, "pending": 3}
    start_worker(queue_url, port, OUTBOX_LEASE="2")  # its start-up sweep finds all four
    wait_for(lambda: len(handler.received) >= 6, 60)
    time.sleep(0.5)
    assert sorted(Counter(handler.message_ids()).values()) == [1] * 6  # none twice
    assert _statuses() == {"sent": 6}


def test_the_sweep_delivers_rows_whose_enqueue_was_lost(
    app: Flask, queue_url: str, mailbox: tuple[Mailbox, int],
    start_worker: Callable[..., Worker], make_event: Callable[..., Any],
) -> None:
    handler, port = mailbox
    app.config["HELIX_QUEUE_URL"] = "redis://127.0.0.1:9/0"  # nothing listens: kick fails
    app.extensions.pop("helix_queue", None)
    _invite_all(make_event(), _people(3))
    assert _statuses() == {"pending": 3}  # committed although the worker was unreachable
    start_worker(queue_url, port)
    wait_for(lambda: len(handler.received) >= 3, 60)
    wait_for(lambda: _statuses() == {"sent": 3}, 30)  # marked just after the server's 250


def test_temporary_failures_back_off_then_fail(
    queue_url: str, mailbox: tuple[Mailbox, int], start_worker: Callable[..., Worker],
    make_event: Callable[..., Any], invite: Callable[..., Any],
) -> None:
    handler, port = mailbox
    handler.answer = "451 4.7.1 Try again later"
    start_worker(queue_url, port, OUTBOX_BACKOFF="0.5", OUTBOX_MAX_ATTEMPTS="3")
    invite(make_event())
    wait_for(lambda: _statuses() == {"failed": 1}, 60)
    row = db.session.scalars(select(OutboxMessage)).one()
    assert row.attempts == 3 and "451" in (row.last_error or "")
    assert len(handler.tries) == 3 and handler.received == []
    gaps = [b - a for a, b in zip(handler.tries, handler.tries[1:], strict=False)]
    assert gaps[0] >= 0.5 and gaps[1] >= 1.0  # 0.5 s, then 1 s: doubling


def _lock_outbox(database_url: str) -> Callable[[], None]:
    """Hold a write lock that blocks the worker's "sent" UPDATE; returns the release."""
    if database_url.startswith("sqlite"):
        import sqlite3

        conn = sqlite3.connect(database_url.removeprefix("sqlite:///"), isolation_level=None,
                               check_same_thread=False)  # taken in the SMTP server's thread
        conn.execute("BEGIN IMMEDIATE")
    else:
        import psycopg

        conn = psycopg.connect(database_url.replace("postgresql+psycopg", "postgresql"),
                               autocommit=True)
        conn.execute("BEGIN")
        conn.execute("LOCK TABLE outbox_message IN EXCLUSIVE MODE")

    def release() -> None:
        conn.execute("ROLLBACK")
        conn.close()

    return release


def test_the_one_duplicate_window_accepted_but_not_yet_marked_sent(
    app: Flask, database_url: str, queue_url: str, mailbox: tuple[Mailbox, int],
    start_worker: Callable[..., Worker], make_event: Callable[..., Any],
) -> None:
    """Documents the window SMTP leaves open: the server accepted the 2nd message (250)
    and the worker was killed before its "sent" reached the database. The retry sends a
    second copy, with the same Message-ID, so the receiving side can recognise it."""
    handler, port = mailbox
    releases: list[Callable[[], None]] = []
    handler.on_accept = lambda n: releases.append(_lock_outbox(database_url)) if n == 2 else None
    worker = start_worker(queue_url, port, threads=1, OUTBOX_LEASE="2")
    _invite_all(make_event(), _people(3))
    wait_for(lambda: releases, 60)
    time.sleep(0.3)  # the worker now waits for the lock to record "sent"
    worker.kill()
    releases[0]()
    assert _statuses() == {"sent": 1, "sending": 1, "pending": 1}
    start_worker(queue_url, port, OUTBOX_LEASE="2")
    wait_for(lambda: len(handler.received) >= 4, 60)
    time.sleep(0.5)
    ids = handler.message_ids()
    assert len(ids) == 4 and ids.count(ids[1]) == 2  # the 2nd mail twice, same Message-ID
    assert sorted(Counter(ids).values()) == [1, 1, 2]
    assert _statuses() == {"sent": 3}
