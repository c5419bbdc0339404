"""E-mail invitations, updates and cancellations (iTIP), queued in the outbox.

Called by :mod:`calendars.tracking` while a change is committed, with a list of ``(kind, id)``:
``("invite", invitation_id)``, ``("update", event_id)`` or ``("cancel", event_id)``.
Each participant gets the event in their own language; events already over are skipped.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from email.message import EmailMessage
from pathlib import Path
from zoneinfo import ZoneInfo

from flask import current_app
from flask_babel import force_locale, gettext
from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from calendars.feeds import LANGS, Feed, calendar_data
from calendars.ical import FeedEvent, Method, Person, build_calendar
from calendars.mail import MailConfig, build_invitation, send
from core.i18n import localized
from core.types import utcnow
from events.models import Event, EventStatus
from invitations.models import Invitation, InvitationStatus
from outbox.enqueue import add
from outbox.retry import idempotency_key
from participants.models import Participant

ACTIVE = (
    InvitationStatus.INVITED.value,
    InvitationStatus.ACCEPTED.value,
    InvitationStatus.TENTATIVE.value,
)
_TEST_OUTBOX: Path | None = None


def outbox_path() -> Path:
    """Where unsent messages go: ``MAIL_OUTBOX``, else ``instance/outbox`` (a temporary
    folder under ``TESTING``, so test runs leave nothing behind)."""
    global _TEST_OUTBOX
    configured = current_app.config.get("MAIL_OUTBOX")
    if configured:
        return Path(configured)
    if current_app.testing:
        if _TEST_OUTBOX is None:
            _TEST_OUTBOX = Path(tempfile.mkdtemp(prefix="helix-outbox-"))
        return _TEST_OUTBOX
    return Path(current_app.instance_path) / "outbox"


def mail_config() -> MailConfig:
    """SMTP settings from the environment, overridden by ``MAIL_*`` app settings."""
    settings = dict(os.environ)
    settings.update(
        {k: str(v) for k, v in current_app.config.items() if k.startswith("MAIL_") and v}
    )
    return MailConfig.from_env(settings, outbox_path())


def send_now(message: EmailMessage) -> None:
    """Send ``message`` through the configured transport (the outbox worker's sender)."""
    send(message, mail_config())


def _lang(participant: Participant) -> str:
    return participant.language if participant.language in LANGS else "en"


def _when(event: Event) -> str:
    zone = ZoneInfo(event.timezone)
    start, end = event.starts_at.astimezone(zone), event.ends_at.astimezone(zone)
    return f"{start:%Y-%m-%d %H:%M}–{end:%H:%M} {start.tzname()} ({event.timezone})"


def _subject_and_intro(kind: str, title: str) -> tuple[str, str]:
    if kind == "cancel":
        return (
            gettext("Cancelled: %(title)s", title=title),
            gettext("This event has been cancelled."),
        )
    if kind == "update":
        return (
            gettext("Updated: %(title)s", title=title),
            gettext("This event has changed. The attached invitation replaces the old one."),
        )
    return (
        gettext("Invitation: %(title)s", title=title),
        gettext("You are invited to this event."),
    )


def _calendar(
    event: Event, lang: str, method: Method, attendees: list[Person]
) -> tuple[bytes, FeedEvent]:
    """The VCALENDAR of ``event`` alone, in ``lang``, and the event as it holds it."""
    with force_locale(lang):
        title = localized(event, "title", lang)[0]
        feed = Feed(
            "event",
            str(event.id),
            lang,
            lambda: title,
            lambda: select(Event),
            "invite.ics",
            private=True,
            windowed=False,
        )
        calendar, events = calendar_data(feed, [event], method=method, attendees=attendees)
    return build_calendar(calendar, events, tz_year=event.starts_at.year), events[0]


def published_ics(event: Event, participant: Participant) -> bytes:
    """``event`` as a METHOD:PUBLISH calendar in the participant's language: attached to
    reminders, it updates the copy a client holds (same UID and SEQUENCE) without asking
    for an answer again, as a second REQUEST would in Outlook."""
    return _calendar(event, _lang(participant), "PUBLISH", [])[0]


def message_for(
    event: Event, participant: Participant, kind: str, config: MailConfig
) -> EmailMessage:
    """The e-mail telling ``participant`` about ``event`` (kind: invite, update, cancel)."""
    lang = _lang(participant)
    method: Method = "CANCEL" if kind == "cancel" else "REQUEST"
    name = participant.name_zh if lang == "zh" and participant.name_zh else participant.name
    ics, feed_event = _calendar(event, lang, method, [Person(participant.email, name)])
    with force_locale(lang):
        title = localized(event, "title", lang)[0]
        subject, intro = _subject_and_intro(kind, title)
        body = "\n\n".join(
            [
                gettext("Hello %(name)s,", name=name),
                intro,
                f"{title}\n{_when(event)}\n{feed_event.location}".strip(),
                gettext("Event page: %(url)s", url=feed_event.url or ""),
            ]
        )
    return build_invitation(
        config=config,
        to_email=participant.email,
        to_name=name,
        subject=subject,
        body=body,
        ics=ics,
        method=method,
    )


def _targets(
    session: Session, work: Iterable[tuple[str, int]]
) -> Iterable[tuple[str, Event, Participant, Invitation]]:
    for kind, ident in work:
        if kind == "invite":
            invitation = session.get(Invitation, ident)
            if invitation is None or invitation.event.status == EventStatus.CANCELLED.value:
                continue
            yield kind, invitation.event, invitation.participant, invitation
            continue
        rows = session.scalars(
            select(Invitation)
            .where(Invitation.event_id == ident, Invitation.status.in_(ACTIVE))
            .options(joinedload(Invitation.participant), joinedload(Invitation.event))
        ).all()
        for invitation in rows:
            yield kind, invitation.event, invitation.participant, invitation


def enqueue(session: Session, work: list[tuple[str, int]]) -> int:
    """Write the messages for ``work`` to the outbox in ``session``'s transaction.

    Called while the change is being committed, so the rows commit with it; the worker
    (:mod:`outbox.queue`) sends them. Returns how many rows were written.
    """
    config = mail_config()
    now = utcnow()
    queued = 0
    for kind, event, participant, invitation in _targets(session, work):
        if event.ends_at < now:
            continue
        row = add(
            session,
            key=idempotency_key(kind, invitation.id, event.sequence or 0),
            kind=kind,
            recipient=participant.email,
            language=_lang(participant),
            message=message_for(event, participant, kind, config),
            event_id=event.id,
            mission_id=event.mission_id,
            invitation_id=invitation.id,
        )
        queued += row is not None
    return queued
