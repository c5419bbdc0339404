"""What invitations offer other packages: the demo delegate, the demo loader and the
people's conflict checks of event and mission pages (events may not import invitations)."""

from flask import Flask
from sqlalchemy import ColumnElement, Exists, func, or_, select

from core.extensions import db
from core.registry import registry_of
from invitations.demo import load_invitations
from invitations.engagements import event_conflicts, mission_conflicts
from invitations.models import Invitation
from organisations.models import Organisation
from participants.models import Participant


def demo_delegate() -> tuple[int, str] | None:
    """The participant with the most invitations (so the demo schedule is not empty)."""
    query = (
        select(Participant)
        .join(Invitation, Invitation.participant_id == Participant.id)
        .group_by(Participant.id)
        .order_by(func.count(Invitation.id).desc(), Participant.id)
        .limit(1)
    )
    found = db.session.scalar(query) or db.session.scalar(
        select(Participant).order_by(Participant.id).limit(1)
    )
    return (found.id, found.name) if found is not None else None


def city_invited(city_id: int, event_id: ColumnElement[int]) -> Exists:
    """Whether people of the city (their own city, else their organisation's) are invited
    to the event ``event_id`` (a column of the outer query), for the city page (events may
    not import invitations). A correlated EXISTS: the city page walks events in time order
    and stops after a few, instead of collecting every invitation of the city first."""
    return (select(Invitation.id)
            .join(Participant, Participant.id == Invitation.participant_id)
            .outerjoin(Organisation, Organisation.id == Participant.organisation_id)
            .where(Invitation.event_id == event_id,
                   or_(Participant.city_id == city_id,
                       (Participant.city_id.is_(None)) & (Organisation.city_id == city_id)))
            .exists())


def init_app(app: Flask) -> None:
    """Register the invitations' contributions."""
    registry = registry_of(app)
    registry.provide("demo.delegate", demo_delegate)
    registry.provide("event.conflicts", event_conflicts)
    registry.provide("mission.conflicts", mission_conflicts)
    registry.provide("city.invited", city_invited)
    registry.add_demo_loader(45, "invitations", load_invitations)
