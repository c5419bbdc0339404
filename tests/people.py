"""Fixtures for the people areas' tests (participants, organisations, invitations, outcomes).

An organiser signed in on the demo programme, and look-ups of demo records by slug or
e-mail. Each area's ``conftest.py`` imports the fixtures it uses.
"""

from collections.abc import Callable
from typing import Any

import pytest
from flask.testing import FlaskClient
from sqlalchemy import select

from core.extensions import db
from events.models import Event
from organisations.models import Organisation
from participants.models import Participant


@pytest.fixture
def organiser(client: FlaskClient, login: Callable[..., Any], demo: dict[str, int]
              ) -> FlaskClient:
    """A client signed in as an organiser, with the demo programme loaded."""
    login("organiser")
    return client


@pytest.fixture
def by_email() -> Callable[[str], Participant]:
    """Look a participant up by e-mail."""
    return lambda email: db.session.scalar(select(Participant).where(Participant.email == email))


@pytest.fixture
def org() -> Callable[[str], Organisation]:
    """Look an organisation up by slug."""
    return lambda slug: db.session.scalar(select(Organisation).where(Organisation.slug == slug))


@pytest.fixture
def event() -> Callable[[str], Event]:
    """Look an event up by slug."""
    return lambda slug: db.session.scalar(select(Event).where(Event.slug == slug))
