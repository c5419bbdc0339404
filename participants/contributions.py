"""What participants offer packages below them: the participant lookup (a user's linked
participant), the demo loader and the demo delegate. Registered at app creation."""

from flask import Flask
from sqlalchemy import func, select

from core.extensions import db
from core.registry import Lookup, registry_of
from participants.demo import load_people
from participants.models import Invitation, Participant


def _choices() -> list[tuple[int, str]]:
    people = db.session.scalars(select(Participant).order_by(Participant.name))
    return [(p.id, f"{p.name} <{p.email}>") for p in people]


def _exists(participant_id: int) -> bool:
    return db.session.get(Participant, participant_id) is not None


def _by_email(email: str) -> tuple[int, str] | None:
    found = db.session.scalar(select(Participant).where(Participant.email == email))
    return (found.id, found.name) if found is not None else None


PARTICIPANT_LOOKUP = Lookup(choices=_choices, exists=_exists, find=_by_email)


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


def init_app(app: Flask) -> None:
    """Register the participants' contributions."""
    registry = registry_of(app)
    registry.provide("lookup.participant", lambda: PARTICIPANT_LOOKUP)
    registry.provide("demo.delegate", demo_delegate)
    registry.add_demo_loader(20, "participants", load_people)
