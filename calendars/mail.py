"""iTIP invitations by e-mail (RFC 6047): build the message, send it or file it.

A message is multipart/mixed: a multipart/alternative with the text body and the
``text/calendar; method=REQUEST`` part that mail clients turn into an invitation, plus the
same data as an ``invite.ics`` attachment for clients that only show attachments. The
calendar parts are base64-encoded so their CRLF line endings and UTF-8 survive transport.

Where messages go is read from the environment (:meth:`MailConfig.from_env`): with
``MAIL_SERVER`` set they are sent by SMTP, otherwise they are written as ``.eml`` files to
``instance/outbox/`` so development needs no mail server. No Flask import here.
"""

from __future__ import annotations

import re
import smtplib
import ssl
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from pathlib import Path

from outbox.retry import header_text

TRUE_VALUES = {"1", "true", "yes", "on"}

#: Sender (and so ORGANIZER) when ``MAIL_SENDER`` is not set.
DEFAULT_SENDER = "helix@localhost"


@dataclass(frozen=True)
class MailConfig:
    """Where and how to deliver mail."""

    sender: str
    sender_name: str = "Helix"
    server: str | None = None
    port: int = 25
    username: str | None = None
    password: str | None = None
    use_tls: bool = False
    use_ssl: bool = False
    timeout: float = 30.0
    outbox: Path = Path("instance/outbox")

    @classmethod
    def from_env(cls, environ: Mapping[str, str], outbox: Path) -> MailConfig:
        """Read ``MAIL_SERVER``, ``MAIL_PORT``, ``MAIL_USERNAME``, ``MAIL_PASSWORD``,
        ``MAIL_USE_TLS``, ``MAIL_USE_SSL``, ``MAIL_SENDER`` and ``MAIL_SENDER_NAME``."""
        use_ssl = environ.get("MAIL_USE_SSL", "").lower() in TRUE_VALUES
        default_port = 465 if use_ssl else 25
        return cls(
            sender=environ.get("MAIL_SENDER", DEFAULT_SENDER),
            sender_name=environ.get("MAIL_SENDER_NAME", "Helix"),
            server=environ.get("MAIL_SERVER") or None,
            port=int(environ.get("MAIL_PORT") or default_port),
            username=environ.get("MAIL_USERNAME") or None,
            password=environ.get("MAIL_PASSWORD") or None,
            use_tls=environ.get("MAIL_USE_TLS", "").lower() in TRUE_VALUES,
            use_ssl=use_ssl,
            outbox=outbox,
        )


def _address(email: str, name: str = "") -> Address:
    username, _, domain = email.rpartition("@")
    return Address(display_name=name, username=username, domain=domain)


def build_invitation(
    *,
    config: MailConfig,
    to_email: str,
    to_name: str,
    subject: str,
    body: str,
    ics: bytes,
    method: str,
    now: datetime | None = None,
) -> EmailMessage:
    """An iTIP message carrying ``ics`` (a VCALENDAR with METHOD ``method``).

    Header text is cleaned first (:func:`outbox.retry.header_text`): a title or name typed
    with CR/LF would otherwise make the message impossible to build.
    """
    message = EmailMessage()
    message["Subject"] = header_text(subject)
    message["From"] = _address(config.sender, header_text(config.sender_name))
    message["To"] = _address(to_email, header_text(to_name))
    message["Date"] = format_datetime(now or datetime.now(UTC))
    message["Message-ID"] = make_msgid(domain=config.sender.rpartition("@")[2] or None)
    message.set_content(body, subtype="plain", charset="utf-8")
    message.add_alternative(
        ics,
        maintype="text",
        subtype="calendar",
        cte="base64",
        params={"method": method, "charset": "utf-8"},
    )
    message.add_attachment(
        ics,
        maintype="application",
        subtype="ics",
        filename="invite.ics",
        cte="base64",
    )
    return message


def _safe(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "_", text)[:60]


def write_to_outbox(message: EmailMessage, outbox: Path) -> Path:
    """Write ``message`` as an ``.eml`` file in ``outbox``; returns its path."""
    outbox.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    path = outbox / f"{stamp}-{_safe(str(message['To']))}-{uuid.uuid4().hex[:8]}.eml"
    path.write_bytes(message.as_bytes())
    return path


def send(message: EmailMessage, config: MailConfig) -> Path | None:
    """Deliver ``message`` by SMTP when a server is configured, else to the outbox.

    Returns the outbox file, or None when the message went out by SMTP.
    """
    if not config.server:
        return write_to_outbox(message, config.outbox)
    if config.use_ssl:
        smtp: smtplib.SMTP = smtplib.SMTP_SSL(
            config.server,
            config.port,
            timeout=config.timeout,
            context=ssl.create_default_context(),
        )
    else:
        smtp = smtplib.SMTP(config.server, config.port, timeout=config.timeout)
    with smtp:
        if config.use_tls and not config.use_ssl:
            smtp.starttls(context=ssl.create_default_context())
        if config.username and config.password:
            smtp.login(config.username, config.password)
        smtp.send_message(message)
    return None
