"""Reminder e-mails before each event, queued in the outbox by the worker's periodic task.

Every accepted invitee of a confirmed or tentative (never a cancelled) event gets each
reminder once, in their language, with the time in their zone and the venue's and the
join link of an online event. The outbox key ``reminder:<invitation>:<hours>:<start>`` is
the idempotency key: a second run (or a second worker) writes nothing.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from flask_babel import force_locale, gettext, ngettext
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import joinedload

from core.extensions import db
from core.i18n import localized
from core.types import utcnow
from events.models import Event, EventStatus
from invitations.models import Invitation, InvitationStatus
from outbox.enqueue import add
from registrations.mail import join_lines, plain, times
from registrations.models import RegistrationSettings
from registrations.schedule import due_offset, parse_hours

#: How far ahead events are looked at (the largest reminder anyone sets).
LOOKAHEAD = timedelta(days=15)


def _message(invitation: Invitation, hours: int) -> tuple[str, object]:
    participant, event = invitation.participant, invitation.event
    lang = participant.language if participant.language in ("en", "zh") else "en"
    with force_locale(lang):
        title = localized(event, "title", lang)[0]
        name = participant.name_zh if lang == "zh" and participant.name_zh else participant.name
        body = "\n\n".join([
            gettext("Hello %(name)s,", name=name),
            ngettext("%(title)s starts in %(num)d hour.",
                     "%(title)s starts in %(num)d hours.", hours, title=title),
            "\n".join(times(event, participant.timezone or "UTC")),
            *([event.venue] if event.venue else []),
            *join_lines(event),
        ])
        subject = gettext("Reminder: %(title)s", title=title)
    return lang, plain(participant.email, name, subject, body)


def send_due(now: datetime | None = None) -> int:
    """Queue every reminder due at ``now``; returns how many were new. Commits."""
    now = now or utcnow()
    events = db.session.scalars(select(Event).where(
        Event.status != EventStatus.CANCELLED.value,
        Event.starts_at > now, Event.starts_at <= now + LOOKAHEAD)).all()
    queued = 0
    for event in events:
        settings = db.session.get(RegistrationSettings, event.id)
        hours = due_offset(event.starts_at, parse_hours(
            settings.reminder_hours if settings else None), now)
        if hours is None:
            continue
        invitations = db.session.scalars(select(Invitation).where(
            Invitation.event_id == event.id,
            Invitation.status == InvitationStatus.ACCEPTED.value)
            .options(joinedload(Invitation.participant))).all()
        for invitation in invitations:
            key = f"reminder:{invitation.id}:{hours}:{int(event.starts_at.timestamp())}"
            lang, message = _message(invitation, hours)
            row = add(db.session, key=key, kind="reminder",
                      recipient=invitation.participant.email, language=lang,
                      message=message, event_id=event.id, mission_id=event.mission_id,
                      invitation_id=invitation.id)
            queued += row is not None
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
