"""Queries that decide which events a viewer may see."""

from typing import Any

from sqlalchemy import Select, exists, or_, select

from accounts.permissions import action_scope
from accounts.policy import Scope
from core.extensions import db
from events.models import Event, Visibility
from missions.models import DelegationMember


def _own_internal(participant_id: int) -> Any:
    """Internal events a participant takes part in: invited, or in the mission's delegation."""
    # Through the relationship: events sit below invitations and may not import them.
    invited = Event.invitations.any(participant_id=participant_id)
    travelling = exists().where(DelegationMember.mission_id == Event.mission_id,
                                DelegationMember.participant_id == participant_id)
    return or_(invited, travelling)


def visible_events(user: Any) -> Select[tuple[Event]]:
    """Events the user may read (the policy's ``events.view_internal`` scope decides):
    every event for organisers, admins and city staff; public events plus the internal
    ones they take part in for delegates; public events for visitors."""
    query = select(Event)
    reach = action_scope(user, "events.view_internal")
    if reach is Scope.ANY:
        return query
    public = Event.visibility == Visibility.PUBLIC.value
    participant_id = getattr(user, "participant_id", None)
    if reach is Scope.SELF and participant_id is not None:
        return query.where(or_(public, _own_internal(participant_id)))
    return query.where(public)


def sees_internal_details(user: Any, event: Event) -> bool:
    """Whether the user may see an event's internal details (join link, conflicts)."""
    reach = action_scope(user, "events.view_internal")
    if reach is Scope.ANY:
        return True
    participant_id = getattr(user, "participant_id", None)
    if reach is not Scope.SELF or participant_id is None:
        return False
    return db.session.scalar(select(Event.id).where(
        Event.id == event.id, _own_internal(participant_id))) is not None
