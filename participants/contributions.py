"""What participants offer other packages: the participant lookup (a user's linked
participant), the demo loader and the sample-CSV command. Registered at app creation."""

from flask import Flask
from sqlalchemy import select

from core.extensions import db
from core.registry import Lookup, registry_of
from participants.csv_cli import sample_csv
from participants.demo import load_people
from participants.models import Participant


def _choices() -> list[tuple[int, str]]:
    people = db.session.scalars(select(Participant).order_by(Participant.name))
    return [(p.id, f"{p.name} <{p.email}>") for p in people]


def _exists(participant_id: int) -> bool:
    return db.session.get(Participant, participant_id) is not None


def _by_email(email: str) -> tuple[int, str] | None:
    found = db.session.scalar(select(Participant).where(Participant.email == email))
    return (found.id, found.name) if found is not None else None


PARTICIPANT_LOOKUP = Lookup(choices=_choices, exists=_exists, find=_by_email)


def init_app(app: Flask) -> None:
    """Register the participants' contributions."""
    registry = registry_of(app)
    registry.provide("lookup.participant", lambda: PARTICIPANT_LOOKUP)
    registry.add_demo_loader(20, "participants", load_people)
    registry.add_command(sample_csv)
