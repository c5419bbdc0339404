"""Read queries for invitation pages and for the people and events areas' panels."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import joinedload

from core.extensions import db
from events.models import Event
from invitations.models import Invitation, InvitationStatus
from missions.models import DelegationMember, Mission
from participants.models import Participant


def status_counts(event_id: int) -> dict[str, int]:
    """Invitations of an event per status, every status present (one query)."""
    rows = db.session.execute(select(Invitation.status, func.count()).where(
        Invitation.event_id == event_id).group_by(Invitation.status))
    found = {status: n for status, n in rows}
    return {status.value: found.get(status.value, 0) for status in InvitationStatus}


def event_invitations(event_id: int) -> list[Invitation]:
    """An event's invitations with participants and organisations (one query)."""
    return list(db.session.scalars(
        select(Invitation).where(Invitation.event_id == event_id)
        .options(joinedload(Invitation.participant).joinedload(Participant.organisation),
                 joinedload(Invitation.participant).joinedload(Participant.city))
        .join(Invitation.participant).order_by(Participant.name)))


def schedule(participant_id: int) -> list[Invitation]:
    """A participant's invitations with events, cities and missions, in time order."""
    return list(db.session.scalars(
        select(Invitation).join(Invitation.event)
        .where(Invitation.participant_id == participant_id)
        .options(joinedload(Invitation.event).joinedload(Event.city),
                 joinedload(Invitation.event).joinedload(Event.mission))
        .order_by(Event.starts_at)))


def delegations(participant_id: int) -> list[DelegationMember]:
    """The missions a participant is a delegation member of."""
    return list(db.session.scalars(
        select(DelegationMember).join(DelegationMember.mission)
        .where(DelegationMember.participant_id == participant_id)
        .options(joinedload(DelegationMember.mission)).order_by(Mission.start_date)))
