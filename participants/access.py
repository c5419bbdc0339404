"""Loaders for ``@require(..., load=...)`` and targets for re-checks once a city is chosen.

The permission policy (``accounts/policy.py``) lets city staff write only what belongs to
their own city; views load the object a URL names (so the check sees its city) and, when
a form moves something to a city, ask again with :func:`in_city`.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from core.extensions import db
from events.models import Event
from participants.models import Invitation, Organisation, Participant
from programme.models import Outcome


def load_participant(participant_id: int, **_: Any) -> Participant | None:
    """The participant named in the URL."""
    return db.session.get(Participant, participant_id)


def load_organisation(organisation_id: int, **_: Any) -> Organisation | None:
    """The organisation named in the URL."""
    return db.session.get(Organisation, organisation_id)


def load_event(event_id: int, **_: Any) -> Event | None:
    """The event named in the URL."""
    return db.session.get(Event, event_id)


def load_invitation(invitation_id: int, **_: Any) -> Invitation | None:
    """The invitation named in the URL."""
    return db.session.get(Invitation, invitation_id)


def load_outcome(outcome_id: int, **_: Any) -> Outcome | None:
    """The outcome named in the URL."""
    return db.session.get(Outcome, outcome_id)


def in_city(city_id: int | None) -> SimpleNamespace:
    """A stand-in target "something in this city" for ``ensure(action, target)``."""
    return SimpleNamespace(city_id=city_id)
