"""The e-mails of a registration: the confirmation link, the result (with the .ics when a
seat was given) and the reminders. Written to the outbox in the caller's transaction."""

from __future__ import annotations

from email.headerregistry import Address
from email.message import EmailMessage
from zoneinfo import ZoneInfo

from flask_babel import force_locale, gettext
from sqlalchemy.orm import Session

from calendars.feeds import absolute_url
from calendars.notify import mail_config, message_for
from core.i18n import localized
from events.models import Event
from invitations.models import Invitation
from outbox.enqueue import add
from outbox.retry import header_text, idempotency_key
from registrations.models import Registration, RegistrationStatus
from registrations.tokens import make_token


def _lang(code: str) -> str:
    return code if code in ("en", "zh") else "en"


def when(event: Event, zone_name: str) -> str:
    """``2026-10-25 09:00 CET (Europe/Rome)`` – the start and end in zone ``zone_name``."""
    zone = ZoneInfo(zone_name)
    start, end = event.starts_at.astimezone(zone), event.ends_at.astimezone(zone)
    return f"{start:%Y-%m-%d %H:%M}–{end:%H:%M} {start.tzname()} ({zone_name})"


def times(event: Event, zone_name: str) -> list[str]:
    """The event's time in the reader's zone and, when different, in the venue's."""
    lines = [gettext("Your time: %(when)s", when=when(event, zone_name))]
    if zone_name != event.timezone:
        lines.append(gettext("Local time at the venue: %(when)s",
                             when=when(event, event.timezone)))
    return lines


def join_lines(event: Event) -> list[str]:
    """The join link of an online or hybrid event, in the text."""
    if (event.online or event.hybrid) and event.join_url:
        return [gettext("Join online: %(url)s", url=event.join_url)]
    return []


def _address(email: str, name: str) -> Address:
    username, _, domain = email.rpartition("@")
    return Address(display_name=name, username=username, domain=domain)


def plain(to_email: str, to_name: str, subject: str, body: str) -> EmailMessage:
    """A text-only e-mail from the configured sender."""
    config = mail_config()
    message = EmailMessage()
    message["Subject"] = header_text(subject)
    message["From"] = _address(config.sender, header_text(config.sender_name))
    message["To"] = _address(to_email, header_text(to_name))
    message.set_content(body, subtype="plain", charset="utf-8")
    return message


def _queue(session: Session, registration: Registration, key: str, kind: str,
           message: EmailMessage, invitation_id: int | None = None) -> None:
    add(session, key=key, kind=kind, recipient=registration.email,
        language=_lang(registration.language), message=message,
        event_id=registration.event_id, invitation_id=invitation_id)


def queue_confirm_link(session: Session, registration: Registration, attempt: int) -> None:
    """The e-mail with the link that confirms the registration (the address is real)."""
    lang = _lang(registration.language)
    with force_locale(lang):
        title = localized(registration.event, "title", lang)[0]
        link = absolute_url("registrations.confirm", token=make_token(registration.id, "confirm"))
        body = "\n\n".join([
            gettext("Hello %(name)s,", name=registration.name),
            gettext("Please confirm your registration for %(title)s by opening this link:",
                    title=title),
            link,
            gettext("If you did not register, ignore this e-mail: nothing happens."),
        ])
        subject = gettext("Confirm your registration: %(title)s", title=title)
    _queue(session, registration, f"registration-confirm:{registration.id}:{attempt}",
           "registration", plain(registration.email, registration.name, subject, body))


def _footer(registration: Registration) -> list[str]:
    cancel = absolute_url("registrations.cancel", token=make_token(registration.id, "cancel"))
    return [gettext("To cancel your registration, open: %(url)s", url=cancel)]


def queue_outcome(session: Session, registration: Registration,
                  invitation: Invitation | None) -> None:
    """Tell the registrant where they stand; an accepted one gets the iTIP REQUEST, the
    personal feed link and the cancel link. The message takes the invitation e-mail's
    idempotency key, so the automatic invitation mail is not sent as well."""
    event, lang = registration.event, _lang(registration.language)
    status = registration.status
    with force_locale(lang):
        title = localized(event, "title", lang)[0]
        if invitation is not None and status == RegistrationStatus.ACCEPTED.value:
            participant = invitation.participant
            message = message_for(event, participant, "invite", mail_config())
            feed = absolute_url("calendars.personal", token=participant.feed_token)
            extra = "\n\n".join([
                gettext("Your registration is confirmed."),
                *times(event, registration.timezone), *join_lines(event),
                gettext("Your personal calendar feed: %(url)s", url=feed),
                *_footer(registration)])
            _prepend_text(message, extra)
            del message["Subject"]
            message["Subject"] = header_text(
                gettext("Registration confirmed: %(title)s", title=title))
            key = idempotency_key("invite", invitation.id, event.sequence or 0)
            if add(session, key=key, kind="registration", recipient=registration.email,
                   language=lang, message=message, event_id=event.id,
                   invitation_id=invitation.id) is None:
                _queue(session, registration, f"registration-accepted:{registration.id}:"
                       f"{invitation.id}", "registration", message, invitation.id)
            return
        intro = {
            RegistrationStatus.PENDING.value: gettext(
                "Your registration is confirmed and waits for the organisers' approval."),
            RegistrationStatus.WAITING.value: gettext(
                "The event is full: you are on the waiting list. We will write if a place "
                "becomes free."),
        }.get(status, gettext("Your registration is cancelled."))
        body = "\n\n".join([gettext("Hello %(name)s,", name=registration.name), intro,
                            f"{title}\n{when(event, registration.timezone)}",
                            *(_footer(registration) if status != "cancelled" else [])])
        subject = gettext("Registration: %(title)s", title=title)
    _queue(session, registration, f"registration-{status}:{registration.id}", "registration",
           plain(registration.email, registration.name, subject, body))


def _prepend_text(message: EmailMessage, text: str) -> None:
    """Put ``text`` at the top of the message's plain-text part."""
    for part in message.walk():
        if part.get_content_type() == "text/plain" and not part.get_filename():
            part.set_content(text + "\n\n" + part.get_content(), subtype="plain",
                             charset="utf-8")
            return
