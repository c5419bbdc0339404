"""Read queries for outcome lists and the outcome form's selects."""

from __future__ import annotations

from sqlalchemy import or_, select
from sqlalchemy.orm import joinedload, selectinload

from core.extensions import db
from events.models import Event
from organisations.models import Organisation
from outcomes.models import Outcome


def outcomes_for(event_id: int | None = None, partnership_id: int | None = None,
                 kinds: tuple[str, ...] | None = None) -> list[Outcome]:
    """Outcomes of an event, of a partnership (directly or via its events), or all."""
    query = select(Outcome).options(
        selectinload(Outcome.parties).joinedload(Organisation.city),
        selectinload(Outcome.cities), selectinload(Outcome.themes),
        joinedload(Outcome.partnership))
    if event_id is not None:
        query = query.where(Outcome.event_id == event_id)
    if partnership_id is not None:
        query = query.outerjoin(Event, Event.id == Outcome.event_id).where(or_(
            Outcome.partnership_id == partnership_id, Event.partnership_id == partnership_id))
    if kinds:
        query = query.where(Outcome.kind.in_(kinds))
    order = (Outcome.signed_on.desc().nulls_last(), Outcome.id)
    return list(db.session.scalars(query.order_by(*order)))
