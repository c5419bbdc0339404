"""Invitations, updates and cancellations are e-mailed as iTIP: queued in the outbox with
the commit, then sent by the worker's delivery function (``drain`` runs it in-process)."""

from __future__ import annotations

from collections.abc import Callable
from email import message_from_bytes, policy
from pathlib import Path
from typing import Any

from flask import Flask

from core.extensions import db
from outbox.delivery import drain
from tests.calendars.test_mail import Collect, _free_port
from tests.calendars.verify import byte_problems, node_available, parse_with_icaljs


def _calendar_part(raw: bytes) -> tuple[str, bytes, Any]:
    message = message_from_bytes(raw, policy=policy.default)
    for part in message.walk():
        if part.get_content_type() == "text/calendar":
            return part.get_param("method"), part.get_payload(decode=True), message
    raise AssertionError("no text/calendar part")


def _outbox(app: Flask, tmp_path: Path) -> Path:
    app.config["MAIL_OUTBOX"] = str(tmp_path)
    return tmp_path


def test_invitation_writes_a_request_to_the_outbox(
    app: Flask, tmp_path: Path, make_event: Callable[..., Any], invite: Callable[..., Any]
) -> None:
    outbox = _outbox(app, tmp_path)
    event = make_event(title_zh="布鲁塞尔研讨会")
    invite(event)
    assert list(outbox.glob("*.eml")) == []  # queued, not sent inside the request
    drain()
    (path,) = outbox.glob("*.eml")
    method, ics, message = _calendar_part(path.read_bytes())
    assert method == "REQUEST"
    assert byte_problems(ics) == []
    assert b"METHOD:REQUEST" in ics and b"ATTENDEE;CN=" in ics
    assert "mailto:li.wei@example.cn" in ics.decode()
    assert str(message["Subject"]) == "邀请：布鲁塞尔研讨会"  # the delegate reads Chinese
    if node_available():
        seen = parse_with_icaljs(ics)["events"][0]
        assert seen["uid"] == event.uid and seen["summary"] == "布鲁塞尔研讨会"


def test_declined_and_past_invitations_send_nothing(
    app: Flask, tmp_path: Path, make_event: Callable[..., Any], invite: Callable[..., Any]
) -> None:
    outbox = _outbox(app, tmp_path)
    invite(make_event(), status="declined")
    invite(make_event(days=-10))
    assert drain() == []
    assert list(outbox.glob("*.eml")) == []


def test_update_and_cancel_through_a_real_smtp_server(
    app: Flask,
    tmp_path: Path,
    make_event: Callable[..., Any],
    invite: Callable[..., Any],
    world: dict[str, Any],
) -> None:
    from aiosmtpd.controller import Controller

    handler = Collect()
    port = _free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=port, MAIL_OUTBOX=str(tmp_path))
        event = make_event()
        invite(event)
        invite(event, participant=world["other"], status="declined")
        drain()
        event.venue = "Berlaymont"
        db.session.commit()
        drain()
        event.status = "cancelled"
        db.session.commit()
        drain()
    finally:
        controller.stop()
    assert list(tmp_path.glob("*.eml")) == []
    methods = []
    for _sender, recipients, raw in handler.received:
        assert recipients == ["li.wei@example.cn"]  # never the participant who declined
        method, ics, _message = _calendar_part(raw)
        methods.append((method, ics))
    assert [m for m, _ in methods] == ["REQUEST", "REQUEST", "CANCEL"]
    assert b"SEQUENCE:0" in methods[0][1]
    assert b"SEQUENCE:1" in methods[1][1] and b"Berlaymont" in methods[1][1]
    assert b"SEQUENCE:2" in methods[2][1] and b"STATUS:CANCELLED" in methods[2][1]


def test_tentative_event_changes_are_not_mailed(
    app: Flask, tmp_path: Path, make_event: Callable[..., Any], invite: Callable[..., Any]
) -> None:
    outbox = _outbox(app, tmp_path)
    event = make_event(status="tentative")
    invite(event)
    event.venue = "Elsewhere"
    db.session.commit()
    drain()
    assert len(list(outbox.glob("*.eml"))) == 1  # only the invitation


def test_cancelling_a_tentative_event_tells_its_invitees(
    app: Flask, tmp_path: Path, make_event: Callable[..., Any], invite: Callable[..., Any]
) -> None:
    outbox = _outbox(app, tmp_path)
    event = make_event(status="tentative")
    invite(event)
    event.status = "cancelled"
    db.session.commit()
    drain()
    methods = sorted(_calendar_part(p.read_bytes())[0] for p in outbox.glob("*.eml"))
    assert methods == ["CANCEL", "REQUEST"]


def test_mail_can_be_switched_off(
    app: Flask, tmp_path: Path, make_event: Callable[..., Any], invite: Callable[..., Any]
) -> None:
    outbox = _outbox(app, tmp_path)
    app.config["CALENDAR_MAIL_ENABLED"] = False
    invite(make_event())
    assert drain() == []
    assert list(outbox.glob("*.eml")) == []
