"""Inviting participants to events and missions, and recording their answers.

People can be picked one by one, or as everyone from an organisation, a city or with a
helix role (filters given together narrow each other down). Inviting someone by name to an
event they are already invited to is refused; group invitations skip those people and say
how many were skipped. Each call is one transaction.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from flask_babel import gettext as _
from sqlalchemy import Select, or_, select
from sqlalchemy.exc import IntegrityError

from audit.services import tracking
from core.errors import HelixError
from core.extensions import db
from core.fields import query_id
from core.types import utcnow
from events.models import Event, EventStatus
from invitations.models import Invitation, InvitationStatus
from organisations.models import Organisation
from participants.models import Participant


class InvitationError(HelixError):
    """A refused invitation write; ``field`` names the form field it concerns."""


#: Statuses that record what happened, only possible once the event has started.
ATTENDANCE = frozenset({InvitationStatus.ATTENDED.value, InvitationStatus.NO_SHOW.value})


@dataclass
class InviteResult:
    """What an invitation run did."""

    events: list[Event]
    created: int = 0
    skipped: list[tuple[Event, Participant]] = field(default_factory=list)


def target_events(target: str) -> list[Event]:
    """Events named by a target value: ``event:<id>`` or ``mission:<id>`` (not cancelled)."""
    kind, _sep, raw_id = target.partition(":")
    target_id = query_id(raw_id)
    if target_id is None or kind not in ("event", "mission"):
        raise InvitationError(_("Choose an event or a mission."), field="target")
    column = Event.id if kind == "event" else Event.mission_id
    events = list(db.session.scalars(
        select(Event).where(column == target_id, Event.status != EventStatus.CANCELLED.value)
        .order_by(Event.starts_at)))
    if not events:
        raise InvitationError(_("This mission has no events to invite people to yet.")
                              if kind == "mission" else _("Unknown event."), field="target")
    return events


def group_query(organisation_id: int | None, city_id: int | None,
                helix_role: str | None) -> Select[tuple[Participant]] | None:
    """Participants matching every group filter given, or ``None`` when none is given."""
    if not (organisation_id or city_id or helix_role):
        return None
    query = select(Participant).outerjoin(Participant.organisation)
    if organisation_id:
        query = query.where(Participant.organisation_id == organisation_id)
    if city_id:
        query = query.where(or_(Participant.city_id == city_id,
                                (Participant.city_id.is_(None))
                                & (Organisation.city_id == city_id)))
    if helix_role:
        query = query.where(Participant.helix_role == helix_role)
    return query


def choose_people(participant_ids: Sequence[int], organisation_id: int | None = None,
                  city_id: int | None = None, helix_role: str | None = None
                  ) -> tuple[list[Participant], list[Participant]]:
    """``(picked by name, picked as a group)``, without repeats, sorted by name."""
    named = list(db.session.scalars(
        select(Participant).where(Participant.id.in_(participant_ids)))) \
        if participant_ids else []
    query = group_query(organisation_id, city_id, helix_role)
    grouped = [p for p in db.session.scalars(query)] if query is not None else []
    named_ids = {p.id for p in named}
    grouped = [p for p in grouped if p.id not in named_ids]
    return sorted(named, key=lambda p: p.name), sorted(grouped, key=lambda p: p.name)


def _existing(events: Iterable[Event], people: Iterable[Participant]) -> set[tuple[int, int]]:
    event_ids = [e.id for e in events]
    person_ids = [p.id for p in people]
    if not event_ids or not person_ids:
        return set()
    rows = db.session.execute(select(Invitation.event_id, Invitation.participant_id).where(
        Invitation.event_id.in_(event_ids), Invitation.participant_id.in_(person_ids)))
    return {(e, p) for e, p in rows}


def invite(events: list[Event], named: list[Participant],
           grouped: Sequence[Participant] = ()) -> InviteResult:
    """Invite ``named`` and ``grouped`` people to every event in ``events``.

    Raises :class:`InvitationError` (nothing written) if a person picked by name is already
    invited to a single target event; otherwise such pairs are skipped and reported.
    """
    people = [*named, *grouped]
    if not people:
        raise InvitationError(_("Nobody matches this choice."), field="participant_ids")
    existing = _existing(events, people)
    if len(events) == 1:
        twice = [p for p in named if (events[0].id, p.id) in existing]
        if twice:
            names = ", ".join(p.name for p in twice)
            raise InvitationError(_("Already invited to this event: %(names)s.", names=names),
                                  field="participant_ids")
    result = InviteResult(events)
    for event in events:
        for person in people:
            if (event.id, person.id) in existing:
                result.skipped.append((event, person))
                continue
            db.session.add(Invitation(event=event, participant=person,
                                      status=InvitationStatus.INVITED.value))
            result.created += 1
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        raise InvitationError(_("Someone was invited at the same time; nothing was saved. "
                                "Please try again."), field="participant_ids") from None
    return result


def ensure_started(event: Event, field: str = "status") -> None:
    """Refuse to record attendance (:data:`ATTENDANCE`) before ``event`` has started."""
    if event.starts_at > utcnow():
        raise InvitationError(_("Attendance can only be recorded once the event has started."),
                              field=field)


def set_status(actor: Any, invitation: Invitation, status: str) -> Invitation:
    """Record an answer (accepted, tentative, declined) or attendance (attended, no-show),
    audited as ``actor``'s change; minutes attended are kept only while attended."""
    if status not in {s.value for s in InvitationStatus}:
        raise InvitationError(_("Unknown invitation status."), field="status")
    if status in ATTENDANCE:
        ensure_started(invitation.event)
    with tracking(actor, invitation):
        invitation.status = status
        if status != InvitationStatus.ATTENDED.value:
            invitation.attended_minutes = None
    db.session.commit()
    return invitation


def withdraw(invitation: Invitation) -> None:
    """Remove an invitation."""
    db.session.delete(invitation)
    db.session.commit()
