"""The outbox in-process: rows are written with the change's transaction (and vanish with
its rollback), one per person and change; delivery claims each row once; organisers see
and retry failures on the event page."""

from __future__ import annotations

from collections.abc import Callable
from email import message_from_bytes, policy
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from audit.models import AuditEntry
from core.extensions import db
from invitations.models import Invitation
from outbox.delivery import claim, deliver_one, drain
from outbox.models import OutboxMessage
from tests.outbox.conftest import Mailbox


def _rows() -> list[tuple[str, str, str]]:
    db.session.rollback()
    return [(r.key, r.recipient, r.status) for r in
            db.session.scalars(select(OutboxMessage).order_by(OutboxMessage.id))]


def test_a_rollback_writes_no_outbox_row(
    make_event: Callable[..., Any], world: dict[str, Any]
) -> None:
    event = make_event()
    db.session.add(Invitation(event=event, participant=world["delegate"]))
    db.session.flush()
    event.venue = "Berlaymont"
    db.session.flush()
    db.session.rollback()
    assert _rows() == []


def test_a_failed_commit_writes_no_outbox_row(
    make_event: Callable[..., Any], world: dict[str, Any]
) -> None:
    event = make_event()
    db.session.add(Invitation(event=event, participant=world["delegate"]))
    db.session.commit()
    db.session.add(Invitation(event=event, participant=world["other"]))
    db.session.add(Invitation(event=event, participant=world["delegate"]))  # duplicate
    with pytest.raises(Exception):  # noqa: B017,PT011 - the unique constraint, any driver
        db.session.commit()
    db.session.rollback()
    assert [k for k, _r, _s in _rows()] == [f"invite:{event.invitations[0].id}:0"]


def test_a_commit_writes_exactly_the_expected_rows(
    make_event: Callable[..., Any], invite: Callable[..., Any], world: dict[str, Any]
) -> None:
    event = make_event()
    mine = invite(event)
    theirs = invite(event, participant=world["other"], status="declined")
    invite(make_event(days=-10))  # no mail for an event that is over
    invite(make_event(status="cancelled"))  # nor for a cancelled one
    assert _rows() == [(f"invite:{mine.id}:0", "li.wei@example.cn", "pending")]
    event.venue = "Berlaymont"
    event.title_en = "Workshop, new title"  # two changes, one commit: one update
    db.session.commit()
    event.status = "cancelled"
    db.session.commit()
    assert [k for k, _r, _s in _rows()] == [
        f"invite:{mine.id}:0", f"update:{mine.id}:1", f"cancel:{mine.id}:2"]
    assert theirs.id not in {r.invitation_id for r in db.session.scalars(select(OutboxMessage))}
    row = db.session.scalars(select(OutboxMessage)).first()
    assert row is not None
    assert (row.event_id, row.language, row.subject) == (event.id, "zh", "邀请：研讨会 1")
    assert str(message_from_bytes(row.message, policy=policy.default)["Message-ID"]) == \
        row.message_id


def test_a_row_is_claimed_once(make_event: Callable[..., Any], invite: Callable[..., Any],
                               app: Flask) -> None:
    invite(make_event())
    (row_id,) = db.session.scalars(select(OutboxMessage.id)).all()
    lease = __import__("datetime").timedelta(minutes=5)
    assert claim(row_id, lease) is not None
    assert claim(row_id, lease) is None  # another worker loses
    assert deliver_one(row_id).status == "skipped"  # the lease has not expired


def test_drain_sends_through_smtp_with_a_clean_subject(
    app: Flask, mailbox: tuple[Mailbox, int], make_event: Callable[..., Any],
    invite: Callable[..., Any], world: dict[str, Any],
) -> None:
    handler, port = mailbox
    app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=port)
    invite(make_event(title_zh="第一行\r\n第二行\x1b"))
    assert [o.status for o in drain()] == ["sent"]
    assert drain() == []  # sent rows are never sent again
    ((_sender, recipients, raw),) = handler.received
    assert recipients == ["li.wei@example.cn"]
    assert str(message_from_bytes(raw, policy=policy.default)["Subject"]) == "邀请：第一行 第二行"


def test_a_permanent_refusal_fails_at_once(
    app: Flask, mailbox: tuple[Mailbox, int], make_event: Callable[..., Any],
    invite: Callable[..., Any],
) -> None:
    handler, port = mailbox
    handler.answer = "550 5.1.1 No such mailbox"
    app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=port)
    invite(make_event())
    assert [o.status for o in drain()] == ["failed"]
    row = db.session.scalars(select(OutboxMessage)).one()
    assert row.attempts == 1 and "550" in (row.last_error or "")


def test_a_temporary_failure_is_retried_later(
    app: Flask, make_event: Callable[..., Any], invite: Callable[..., Any],
) -> None:
    from tests.calendars.test_mail import _free_port

    app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=_free_port())  # nobody listens
    invite(make_event())
    (outcome,) = drain()
    assert outcome.status == "retry" and outcome.retry_at is not None
    row = db.session.scalars(select(OutboxMessage)).one()
    assert row.status == "pending" and row.attempts == 1 and row.next_attempt_at > row.created_at
    assert "ConnectionRefusedError" in (row.last_error or "")
    assert drain() == []  # not due yet


def _failed_mail(app: Flask, make_event: Callable[..., Any], invite: Callable[..., Any],
                 **event: Any) -> OutboxMessage:
    from tests.calendars.test_mail import _free_port

    app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=_free_port(), OUTBOX_MAX_ATTEMPTS=1)
    invite(make_event(**event))
    drain()
    return db.session.scalars(select(OutboxMessage)).one()


def test_organisers_see_and_retry_failed_mail_on_the_event_page(
    app: Flask, client: FlaskClient, login: Callable[..., Any],
    make_event: Callable[..., Any], invite: Callable[..., Any],
) -> None:
    row = _failed_mail(app, make_event, invite)
    assert row.status == "failed"
    login("organiser")
    page = client.get(f"/events/{row.event_id}?lang=zh").get_data(as_text=True)
    assert 'id="event-mail"' in page and "li.wei@example.cn" in page
    assert "ConnectionRefusedError" in page and "立即重试" in page
    response = client.post(f"/events/{row.event_id}/mail/{row.id}/retry")
    assert response.status_code == 302 and response.location.endswith("#event-mail")
    db.session.rollback()
    again = db.session.get(OutboxMessage, row.id)
    assert again is not None and (again.status, again.attempts) == ("pending", 0)
    entry = db.session.scalars(select(AuditEntry).where(
        AuditEntry.object_type == "outboxmessage")).one()
    assert entry.changes["status"] == ["failed", "pending"]
    other = make_event()
    assert client.post(f"/events/{other.id}/mail/{row.id}/retry").status_code == 404


def test_delegates_do_not_see_the_mail_panel(
    app: Flask, client: FlaskClient, login: Callable[..., Any],
    make_event: Callable[..., Any], invite: Callable[..., Any],
) -> None:
    row = _failed_mail(app, make_event, invite)
    login("delegate")
    page = client.get(f"/events/{row.event_id}").get_data(as_text=True)
    assert 'id="event-mail"' not in page and "li.wei@example.cn" not in page
    assert client.post(f"/events/{row.event_id}/mail/{row.id}/retry").status_code == 403
    db.session.rollback()
    assert db.session.get(OutboxMessage, row.id).status == "failed"  # type: ignore[union-attr]


def test_the_invite_page_says_queued(
    app: Flask, client: FlaskClient, login: Callable[..., Any],
    make_event: Callable[..., Any], world: dict[str, Any],
) -> None:
    event = make_event()
    login("organiser")
    page = client.post("/participants/invite", data={
        "target": f"event:{event.id}",
        "participant_ids": [world["delegate"].id, world["other"].id]},
        follow_redirects=True).get_data(as_text=True)
    assert "2 invitations created." in page
    assert "2 e-mails queued for sending" in page and "sent." not in page
    assert len(_rows()) == 2
