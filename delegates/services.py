"""A delegate's own schedule: their invitations and delegations, and answering them."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from audit.services import record
from core.extensions import db
from core.integrity import lock_row
from core.types import utcnow
from delegates.agenda import is_past
from events.models import Event
from invitations.models import Invitation
from missions.models import DelegationMember, Mission

ANSWERS: tuple[str, ...] = ("accepted", "tentative", "declined")
"""What an invitee may answer; attended / no-show are set by organisers."""

ANSWERABLE: frozenset[str] = frozenset({"invited", *ANSWERS})
"""Statuses an invitee may still change (not after the event was recorded)."""


def invitations_of(participant_id: int) -> list[Invitation]:
    """The participant's invitations with their events, in chronological order."""
    query = (
        select(Invitation)
        .join(Invitation.event)
        .where(Invitation.participant_id == participant_id)
        .options(joinedload(Invitation.event).joinedload(Event.city))
        .order_by(Event.starts_at)
    )
    return list(db.session.scalars(query))


def delegations_of(participant_id: int) -> list[DelegationMember]:
    """The missions the participant travels with, in chronological order."""
    query = (
        select(DelegationMember)
        .join(DelegationMember.mission)
        .where(DelegationMember.participant_id == participant_id)
        .options(joinedload(DelegationMember.mission))
        .order_by(Mission.start_date)
    )
    return list(db.session.scalars(query))


def can_answer(invitation: Invitation) -> bool:
    """Whether the invitee may still answer (not cancelled, not over, not yet recorded)."""
    return (invitation.status in ANSWERABLE and not invitation.event.is_cancelled
            and not is_past(invitation, utcnow()))


def answer(actor: Any, invitation: Invitation, status: str) -> bool:
    """Record the invitee's answer (audited); False if it cannot be given.

    Parallel answers take turns on the invitation's row, so each audit entry starts from
    the answer stored before it and the last one committed is the stored answer.
    """
    if status not in ANSWERS:
        return False
    lock_row(invitation)
    if not can_answer(invitation):
        db.session.rollback()
        return False
    if invitation.status != status:
        before = invitation.status
        invitation.status = status
        record(actor, "changed", invitation, {"status": (before, status)})
    db.session.commit()
    return True
