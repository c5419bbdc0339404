"""Reminder e-mails before each event, queued in the outbox by the worker's periodic task.

Two kinds, for confirmed and tentative (never cancelled) events:

* ``reminder``: every accepted invitee gets each reminder (default 24 h and 1 h before,
  per event adjustable) once, in their language, with the time in their zone and the
  venue's, the join link of an online event and the event as an .ics (METHOD:PUBLISH);
* ``rsvp``: whoever has not answered an invitation made at least :data:`RSVP_GRACE` ago
  is asked once, :data:`RSVP_LEAD` before the event, with the link to "My schedule".

The outbox key (``reminder:<invitation>:<hours>:<start>``, ``rsvp:<invitation>:<start>``)
is the idempotency key: a second run (or a second worker) writes nothing, and a moved
event is reminded of again at its new time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime, timedelta
from email.message import EmailMessage

from flask_babel import force_locale, gettext, ngettext
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import joinedload

from calendars.feeds import absolute_url
from calendars.notify import published_ics
from core.extensions import db
from core.i18n import localized
from core.types import utcnow
from events.models import Event, EventStatus
from invitations.models import Invitation, InvitationStatus
from outbox.enqueue import add
from participants.models import Participant
from registrations.mail import join_lines, plain, times
from registrations.models import RegistrationSettings
from registrations.schedule import due_offset, parse_hours

#: How far ahead events are looked at (the largest reminder anyone sets).
LOOKAHEAD = timedelta(days=15)
#: How long before the event an unanswered invitation is asked about.
RSVP_LEAD = timedelta(hours=72)
#: Nobody is asked again within this time of being invited.
RSVP_GRACE = timedelta(hours=24)


def _reader(participant: Participant) -> tuple[str, str]:
    """The participant's language (en or zh) and the name to greet them with in it."""
    lang = participant.language if participant.language in ("en", "zh") else "en"
    name = participant.name_zh if lang == "zh" and participant.name_zh else participant.name
    return lang, name


def _written(invitation: Invitation,
             parts: Callable[[str], tuple[str, str, list[str]]]) -> tuple[str, EmailMessage]:
    """The e-mail to the invitee, in their language: ``parts(title)`` gives the subject, the
    opening line and the lines after the event's times (called in the reader's locale)."""
    participant, event = invitation.participant, invitation.event
    lang, name = _reader(participant)
    with force_locale(lang):
        title = localized(event, "title", lang)[0]
        subject, opening, closing = parts(title)
        body = "\n\n".join([
            gettext("Hello %(name)s,", name=name),
            opening,
            "\n".join(times(event, participant.timezone or "UTC")),
            *closing,
        ])
        return lang, plain(participant.email, name, subject, body)


def _reminder(invitation: Invitation, hours: int) -> tuple[str, EmailMessage]:
    event = invitation.event
    lang, message = _written(invitation, lambda title: (
        gettext("Reminder: %(title)s", title=title),
        ngettext("%(title)s starts in %(num)d hour.",
                 "%(title)s starts in %(num)d hours.", hours, title=title),
        [*([event.venue] if event.venue else []), *join_lines(event)],
    ))
    message.add_attachment(published_ics(event, invitation.participant), maintype="text",
                           subtype="calendar", filename="event.ics",
                           params={"method": "PUBLISH", "charset": "utf-8"})
    return lang, message


def _rsvp(invitation: Invitation) -> tuple[str, EmailMessage]:
    return _written(invitation, lambda title: (
        gettext("Please answer: %(title)s", title=title),
        gettext("You have not answered the invitation to %(title)s yet.", title=title),
        [*join_lines(invitation.event),
         gettext("Please accept or decline on your schedule: %(url)s",
                 url=absolute_url("delegates.schedule", lang=_reader(invitation.participant)[0]))],
    ))


def _invitations(event: Event, status: InvitationStatus,
                 invited_before: datetime | None = None) -> Iterable[Invitation]:
    query = (select(Invitation)
             .where(Invitation.event_id == event.id, Invitation.status == status.value)
             .options(joinedload(Invitation.participant)))
    if invited_before is not None:
        query = query.where(Invitation.invited_at <= invited_before)
    return db.session.scalars(query)


def _queue(key: str, kind: str, invitation: Invitation, mail: tuple[str, EmailMessage]) -> bool:
    lang, message = mail
    event = invitation.event
    row = add(db.session, key=key, kind=kind, recipient=invitation.participant.email,
              language=lang, message=message, event_id=event.id,
              mission_id=event.mission_id, invitation_id=invitation.id)
    return row is not None


def send_due(now: datetime | None = None) -> int:
    """Queue every reminder and RSVP reminder due at ``now``; returns how many were new.
    Commits."""
    now = now or utcnow()
    events = db.session.scalars(select(Event).where(
        Event.status != EventStatus.CANCELLED.value,
        Event.starts_at > now, Event.starts_at <= now + LOOKAHEAD)).all()
    settings = {s.event_id: s.reminder_hours for s in db.session.scalars(
        select(RegistrationSettings).where(
            RegistrationSettings.event_id.in_([e.id for e in events])))}
    queued = 0
    for event in events:
        start = int(event.starts_at.timestamp())
        hours = due_offset(event.starts_at, parse_hours(settings.get(event.id)), now)
        if hours is not None:
            for invitation in _invitations(event, InvitationStatus.ACCEPTED):
                queued += _queue(f"reminder:{invitation.id}:{hours}:{start}", "reminder",
                                 invitation, _reminder(invitation, hours))
        if event.starts_at - RSVP_LEAD <= now:
            for invitation in _invitations(event, InvitationStatus.INVITED, now - RSVP_GRACE):
                queued += _queue(f"rsvp:{invitation.id}:{start}", "rsvp", invitation,
                                 _rsvp(invitation))
    db.session.commit()
    return queued


def periodic() -> int:
    """The worker's minute task: queue due reminders, then hand them to delivery."""
    try:
        queued = send_due()
    except IntegrityError:  # another worker queued the same reminder first
        db.session.rollback()
        return 0
    return queued
