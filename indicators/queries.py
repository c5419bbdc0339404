"""The indicators Helix counts itself, each one aggregate query."""

from __future__ import annotations

from sqlalchemy import func, select

from core.extensions import db
from events.models import Event
from invitations.models import Invitation
from missions.models import Mission
from outcomes.models import Outcome
from participants.models import Participant


def counted(partnership_id: int) -> dict[str, int]:
    """Delegations received, events and outcomes of a partnership."""
    missions = select(func.count(Mission.id)).where(
        Mission.partnership_id == partnership_id, Mission.kind == "incoming")
    events = select(func.count(Event.id)).where(Event.partnership_id == partnership_id)
    outcomes = select(func.count(Outcome.id)).where(Outcome.partnership_id == partnership_id)
    row = db.session.execute(select(missions.scalar_subquery(), events.scalar_subquery(),
                                    outcomes.scalar_subquery())).one()
    return {"delegations": row[0], "events": row[1], "outcomes": row[2]}


def people_by_role(partnership_id: int) -> dict[str, int]:
    """Distinct people invited to the partnership's events, per helix role."""
    rows = db.session.execute(
        select(Participant.helix_role, func.count(func.distinct(Participant.id)))
        .join(Invitation, Invitation.participant_id == Participant.id)
        .join(Event, Event.id == Invitation.event_id)
        .where(Event.partnership_id == partnership_id)
        .group_by(Participant.helix_role))
    return {role or "": count for role, count in rows}
