"""Reading action items for other packages' pages (the writes are ``followup.services``)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import joinedload

from accounts.permissions import can
from actionplans.models import Activity
from core.extensions import db
from events.models import Event
from events.queries import visible_events
from followup.models import OPEN_STATUSES, ActionItem
from missions.models import Mission

OWNED_LIMIT = 200
"""Action items a person's schedule or a partnership page lists at most."""


def _listed(query: Any) -> list[ActionItem]:
    """The items of ``query`` with their events, owners and activities, soonest due first
    (one query)."""
    return list(db.session.scalars(
        query.options(joinedload(ActionItem.event), joinedload(ActionItem.owner_participant),
                      joinedload(ActionItem.activity))
        .order_by(ActionItem.due_on.asc().nulls_last(), ActionItem.id).limit(OWNED_LIMIT)))


def actions_owned_by(participant_id: int) -> list[ActionItem]:
    """The open and in-progress action items a participant owns."""
    return _listed(select(ActionItem).where(ActionItem.owner_participant_id == participant_id,
                                            ActionItem.status.in_(OPEN_STATUSES)))


def partnership_actions(partnership_id: int, user: Any) -> list[ActionItem]:
    """The open and in-progress action items of a partnership that ``user`` may list: those
    of its events (directly or through their mission) and those carrying one of its
    activities forward; none for those who may not list action items."""
    if not can(user, "followup.list"):
        return []
    ours = or_(ActionItem.event.has(Event.partnership_id == partnership_id),
               ActionItem.event.has(Event.mission.has(Mission.partnership_id == partnership_id)),
               ActionItem.activity.has(Activity.partnership_id == partnership_id))
    return _listed(select(ActionItem).where(
        ours, ActionItem.status.in_(OPEN_STATUSES),
        ActionItem.event_id.in_(visible_events(user).with_only_columns(Event.id))))
