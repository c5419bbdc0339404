"""Fixtures of the registration tests: the calendar tests' world, an event that takes
registrations, and the outbox rows written so far."""

from __future__ import annotations

from collections.abc import Callable
from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import Any

import pytest
from sqlalchemy import select

from core.extensions import db
from events.models import Event
from outbox.models import OutboxMessage
from registrations.models import RegistrationSettings


@pytest.fixture
def open_event(request: pytest.FixtureRequest) -> Callable[..., Event]:
    """``open_event(capacity=None, **settings)``: a committed event taking registrations."""
    new_event = request.getfixturevalue("make_event")

    def make(capacity: int | None = None, event: Event | None = None, **settings: Any) -> Event:
        event = event or new_event()
        db.session.add(RegistrationSettings(event_id=event.id, open=True, capacity=capacity,
                                            taken=0, **settings))
        db.session.commit()
        return event

    return make


def mails(kind: str | None = None) -> list[tuple[OutboxMessage, EmailMessage]]:
    """The outbox rows (of ``kind``) with their parsed messages, oldest first."""
    db.session.rollback()
    query = select(OutboxMessage).order_by(OutboxMessage.id)
    if kind:
        query = query.where(OutboxMessage.kind == kind)
    return [(row, message_from_bytes(row.message, policy=policy.default))  # type: ignore[misc]
            for row in db.session.scalars(query)]


def text_of(message: EmailMessage) -> str:
    """The plain-text body of ``message``."""
    part = message.get_body(preferencelist=("plain",))
    assert part is not None
    return str(part.get_content())


from tests.calendars.conftest import invite, make_event, world  # noqa: E402, F401 (fixtures)
