"""Every registration write: settings, the public sign-up, confirmation, cancelling,
approval and the waiting list. Each public call is one transaction.

Seats are counted in ``registration_settings.taken`` and given by one conditional
``UPDATE … SET taken = taken + 1 WHERE taken < capacity``: the database lets exactly as
many confirmations win as there are seats, on SQLite and PostgreSQL alike.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, or_, select, update
from sqlalchemy.exc import IntegrityError

from audit.services import record
from core.errors import HelixError
from core.extensions import db
from core.types import utcnow
from events.models import Event, EventStatus
from invitations.models import Invitation, InvitationStatus
from organisations.models import Organisation
from participants.models import Participant
from registrations.mail import queue_confirm_link, queue_outcome
from registrations.models import LIVE, Registration, RegistrationSettings
from registrations.models import RegistrationStatus as S


class RegistrationError(HelixError):
    """A refused registration write."""


class RegistrationClosed(RegistrationError):
    """The event takes no registrations (closed, past the deadline, cancelled or over)."""

    message = _l("Registration for this event is closed.")


class EventFull(RegistrationError):
    """No seat left and no waiting list."""

    message = _l("The event is full.")


def settings_for(event: Event) -> RegistrationSettings | None:
    """The event's registration settings, if registration was ever set up."""
    return db.session.get(RegistrationSettings, event.id)


def is_open(settings: RegistrationSettings | None, now: datetime | None = None) -> bool:
    """Whether the public form takes registrations now."""
    now = now or utcnow()
    if settings is None or not settings.open:
        return False
    event = settings.event
    if event.status == EventStatus.CANCELLED.value or event.ends_at <= now:
        return False
    return settings.deadline is None or now <= settings.deadline


def save_settings(actor: Any, event: Event, data: dict[str, Any]) -> RegistrationSettings:
    """Create or change the event's registration settings."""
    settings = settings_for(event)
    if settings is None:
        settings = RegistrationSettings(event_id=event.id, taken=0)
        db.session.add(settings)
    capacity = data.get("capacity")
    if capacity is not None and capacity < settings.taken:
        raise RegistrationError(_l("%(taken)s people already have a seat: the capacity "
                                   "cannot be lower."), field="capacity", taken=settings.taken)
    for name in ("open", "capacity", "waiting_list", "approval_required", "deadline",
                 "reminder_hours"):
        if name in data:
            setattr(settings, name, data[name])
    db.session.flush()
    record(actor, "changed", event, {"registration": (None, "open" if settings.open
                                                      else "closed")})
    db.session.commit()
    return settings


def register(event: Event, data: dict[str, Any]) -> Registration:
    """Record a registration from the public form and queue its confirmation link.

    The same address registering again gets a new link for its live registration (no
    new row), so the form never tells a stranger who registered. The database keeps one
    live registration per address: a form sent twice at once makes one row and one link.
    """
    settings = settings_for(event)
    if not is_open(settings):
        raise RegistrationClosed()
    email = data["email"].strip().lower()
    existing = _live_registration(event.id, email)
    if existing is not None:
        if existing.status == S.UNCONFIRMED.value:
            # at most one new link per ten minutes (the outbox key repeats within them)
            try:
                queue_confirm_link(db.session, existing, int(utcnow().timestamp()) // 600)
                db.session.commit()
            except IntegrityError:  # a parallel request queued this very link
                db.session.rollback()
        return existing
    registration = Registration(event_id=event.id, email=email,
                                status=S.UNCONFIRMED.value,
                                **{k: data.get(k) for k in (
                                    "name", "name_zh", "organisation", "city_id",
                                    "helix_role", "language", "timezone")})
    db.session.add(registration)
    try:
        db.session.flush()
        queue_confirm_link(db.session, registration, 0)
        db.session.commit()
    except IntegrityError:  # the same address registered at the same time: that one stands
        db.session.rollback()
        return _live_registration(event.id, email) or register(event, data)
    return registration


def _live_registration(event_id: int, email: str) -> Registration | None:
    return db.session.scalar(select(Registration).where(
        Registration.event_id == event_id, Registration.email == email,
        Registration.status.in_(LIVE)))


def _participant(registration: Registration) -> Participant:
    """The participant with the registrant's e-mail, or a new one from the form."""
    found = db.session.scalar(select(Participant).where(
        func.lower(Participant.email) == registration.email))
    if found is not None:
        return found
    organisation = None
    if registration.organisation:
        text = registration.organisation.strip().lower()
        organisation = db.session.scalar(select(Organisation).where(or_(
            func.lower(Organisation.name_en) == text, Organisation.name_zh == text)).limit(1))
    participant = Participant(
        name=registration.name, name_zh=registration.name_zh or None,
        email=registration.email, helix_role=registration.helix_role,
        city_id=registration.city_id, language=registration.language,
        timezone=registration.timezone or "UTC",
        organisation_id=organisation.id if organisation else None)
    db.session.add(participant)
    db.session.flush()
    record(None, "created", participant)
    return participant


def take_seat(event_id: int) -> bool:
    """Give one seat if there is one left (atomic: never more seats than capacity)."""
    result = db.session.execute(
        update(RegistrationSettings)
        .where(RegistrationSettings.event_id == event_id,
               or_(RegistrationSettings.capacity.is_(None),
                   RegistrationSettings.taken < RegistrationSettings.capacity))
        .values(taken=RegistrationSettings.taken + 1),
        execution_options={"synchronize_session": False})
    return result.rowcount == 1


def _accept(registration: Registration) -> Invitation:
    """Make the registrant an accepted invitee (the seat is already taken)."""
    participant = db.session.get(Participant, registration.participant_id)
    invitation = db.session.scalar(select(Invitation).where(
        Invitation.event_id == registration.event_id,
        Invitation.participant_id == participant.id))
    if invitation is None:
        invitation = Invitation(event_id=registration.event_id, participant=participant,
                                status=InvitationStatus.ACCEPTED.value)
        db.session.add(invitation)
    else:
        invitation.status = InvitationStatus.ACCEPTED.value
    registration.status = S.ACCEPTED.value
    db.session.flush()
    return invitation


def _place(registration: Registration, settings: RegistrationSettings) -> Invitation | None:
    """Seat the registrant, or queue them on the waiting list; refuse when full."""
    if take_seat(registration.event_id):
        return _accept(registration)
    if settings.waiting_list:
        registration.status = S.WAITING.value
        return None
    raise EventFull()


def confirm(registration: Registration) -> Registration:
    """The registrant followed the e-mail link: match or create the participant, then seat
    them, put them on the waiting list, or leave them to the organisers' approval."""
    if registration.status != S.UNCONFIRMED.value:
        return registration
    settings = settings_for(registration.event)
    if not is_open(settings):
        raise RegistrationClosed()
    assert settings is not None
    registration.participant_id = _participant(registration).id
    registration.confirmed_at = utcnow()
    invitation = None
    if settings.approval_required:
        registration.status = S.PENDING.value
    else:
        invitation = _place(registration, settings)
    record(None, "changed", registration.event,
           {"registration": (None, f"{registration.email}: {registration.status}")})
    queue_outcome(db.session, registration, invitation)
    db.session.commit()
    return registration


def approve(actor: Any, registration: Registration) -> Registration:
    """An organiser approves a pending (or waiting) registrant."""
    if registration.status not in (S.PENDING.value, S.WAITING.value):
        raise RegistrationError(_l("Only pending or waiting registrations can be approved."))
    settings = settings_for(registration.event)
    assert settings is not None
    before = registration.status
    invitation = _place(registration, settings)
    if registration.status != before:
        queue_outcome(db.session, registration, invitation)
    record(actor, "changed", registration.event,
           {"registration": (before, f"{registration.email}: {registration.status}")})
    db.session.commit()
    return registration


def _promote(event_id: int) -> None:
    """Give a freed seat to the first on the waiting list."""
    settings = db.session.get(RegistrationSettings, event_id)
    if settings is None or settings.approval_required:
        return
    first = db.session.scalar(select(Registration).where(
        Registration.event_id == event_id, Registration.status == S.WAITING.value)
        .order_by(Registration.confirmed_at, Registration.id).limit(1))
    if first is not None and take_seat(event_id):
        queue_outcome(db.session, first, _accept(first))


def cancel(registration: Registration) -> Registration:
    """The registrant cancelled from the mail link: free the seat, decline the invitation."""
    if registration.status == S.CANCELLED.value:
        return registration
    had_seat = registration.status == S.ACCEPTED.value
    registration.status = S.CANCELLED.value
    if had_seat:
        db.session.execute(
            update(RegistrationSettings)
            .where(RegistrationSettings.event_id == registration.event_id,
                   RegistrationSettings.taken > 0)
            .values(taken=RegistrationSettings.taken - 1),
            execution_options={"synchronize_session": False})
        invitation = db.session.scalar(select(Invitation).where(
            Invitation.event_id == registration.event_id,
            Invitation.participant_id == registration.participant_id))
        if invitation is not None:
            invitation.status = InvitationStatus.DECLINED.value
        _promote(registration.event_id)
    record(None, "changed", registration.event,
           {"registration": (None, f"{registration.email}: cancelled")})
    queue_outcome(db.session, registration, None)
    db.session.commit()
    return registration
