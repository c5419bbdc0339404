"""Reading action items for other packages' pages (the writes are ``followup.services``)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from core.extensions import db
from followup.models import OPEN_STATUSES, ActionItem

OWNED_LIMIT = 200
"""Action items a person's schedule lists at most."""


def actions_owned_by(participant_id: int) -> list[ActionItem]:
    """The open and in-progress action items a participant owns, soonest due first, with
    their events and activities (one query)."""
    return list(db.session.scalars(
        select(ActionItem).where(ActionItem.owner_participant_id == participant_id,
                                 ActionItem.status.in_(OPEN_STATUSES))
        .options(joinedload(ActionItem.event), joinedload(ActionItem.owner_participant),
                 joinedload(ActionItem.activity))
        .order_by(ActionItem.due_on.asc().nulls_last(), ActionItem.id).limit(OWNED_LIMIT)))
