"""calendars.mail: iTIP messages through a real SMTP server on loopback, and the outbox."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from datetime import UTC, datetime
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller

from calendars.ical import FeedCalendar, FeedEvent, Person, build_calendar
from calendars.mail import MailConfig, build_invitation, send
from tests.calendars.verify import byte_problems, libical_available, libical_problems

STAMP = datetime(2026, 1, 5, 8, 0, tzinfo=UTC)


class Collect:
    """aiosmtpd handler that keeps every message it receives."""

    def __init__(self) -> None:
        self.received: list[tuple[str, list[str], bytes]] = []

    async def handle_DATA(self, server, session, envelope) -> str:  # noqa: N802 (aiosmtpd API)
        self.received.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.content))
        return "250 Message accepted for delivery"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def smtp_server() -> Iterator[tuple[Collect, int]]:
    handler = Collect()
    port = _free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield handler, port
    finally:
        controller.stop()


def _ics(method: str = "REQUEST", status: str = "confirmed", sequence: int = 0) -> bytes:
    event = FeedEvent(
        uid="event-7@helix.example",
        summary="成都代表团会见",
        start=datetime(2026, 4, 1, 2, 0, tzinfo=UTC),
        end=datetime(2026, 4, 1, 4, 0, tzinfo=UTC),
        tzid="Asia/Shanghai",
        dtstamp=STAMP,
        status=status,  # type: ignore[arg-type]
        sequence=sequence,
        language="zh",
        organizer=Person("helix@helix.example", "Helix"),
    )
    calendar = FeedCalendar(
        name="x",
        method=method,
        attendees=(Person("li.wei@example.cn", "李伟"),),  # type: ignore[arg-type]
    )
    return build_calendar(calendar, [event], tz_year=2026)


def _message(config: MailConfig, method: str = "REQUEST", **kwargs) -> EmailMessage:
    return build_invitation(
        config=config,
        to_email="li.wei@example.cn",
        to_name="李伟",
        subject="邀请：成都代表团会见",
        body="您好，\n附件是会议邀请。",
        ics=_ics(method, **kwargs),
        method=method,
    )


def _calendar_parts(raw: bytes) -> tuple[bytes, bytes, str]:
    parsed = message_from_bytes(raw, policy=policy.default)
    inline = attachment = b""
    method = ""
    for part in parsed.walk():
        if part.get_content_type() == "text/calendar":
            inline = part.get_payload(decode=True)
            method = part.get_param("method")
        elif part.get_filename() == "invite.ics":
            attachment = part.get_payload(decode=True)
    return inline, attachment, method


def test_invitation_goes_through_smtp(smtp_server: tuple[Collect, int], tmp_path: Path) -> None:
    handler, port = smtp_server
    config = MailConfig.from_env(
        {"MAIL_SERVER": "127.0.0.1", "MAIL_PORT": str(port), "MAIL_SENDER": "helix@helix.example"},
        outbox=tmp_path,
    )
    assert send(_message(config), config) is None
    ((mail_from, rcpt_tos, raw),) = handler.received
    assert mail_from == "helix@helix.example"
    assert rcpt_tos == ["li.wei@example.cn"]
    inline, attachment, method = _calendar_parts(raw)
    assert method == "REQUEST"
    assert inline == attachment == _ics()
    assert byte_problems(inline) == []
    parsed = message_from_bytes(raw, policy=policy.default)
    assert str(parsed["Subject"]) == "邀请：成都代表团会见"
    assert "李伟" in str(parsed["To"])
    assert list(tmp_path.iterdir()) == []


def test_cancellation_goes_through_smtp(smtp_server: tuple[Collect, int], tmp_path: Path) -> None:
    handler, port = smtp_server
    config = MailConfig(sender="helix@helix.example", server="127.0.0.1", port=port)
    send(_message(config, "CANCEL", status="cancelled", sequence=3), config)
    inline, _, method = _calendar_parts(handler.received[0][2])
    assert method == "CANCEL"
    assert b"METHOD:CANCEL" in inline and b"SEQUENCE:3" in inline
    assert b"STATUS:CANCELLED" in inline


def test_without_server_messages_go_to_the_outbox(tmp_path: Path) -> None:
    config = MailConfig.from_env({}, outbox=tmp_path / "outbox")
    path = send(_message(config), config)
    assert path is not None and path.suffix == ".eml" and path.parent == tmp_path / "outbox"
    inline, attachment, method = _calendar_parts(path.read_bytes())
    assert method == "REQUEST" and inline == attachment == _ics()


def test_config_from_env_reads_every_setting(tmp_path: Path) -> None:
    config = MailConfig.from_env(
        {
            "MAIL_SERVER": "smtp.example",
            "MAIL_USE_SSL": "true",
            "MAIL_USERNAME": "u",
            "MAIL_PASSWORD": "p",
            "MAIL_SENDER": "a@b.example",
            "MAIL_SENDER_NAME": "Helix 项目",
        },
        outbox=tmp_path,
    )
    assert (config.server, config.port, config.use_ssl, config.use_tls) == (
        "smtp.example",
        465,
        True,
        False,
    )
    assert (config.username, config.password, config.sender_name) == ("u", "p", "Helix 项目")


@pytest.mark.skipif(not libical_available(), reason="libical GObject bindings not installed")
def test_itip_payloads_pass_libical() -> None:
    assert libical_problems(_ics()) == []
    assert libical_problems(_ics("CANCEL", status="cancelled", sequence=1)) == []
