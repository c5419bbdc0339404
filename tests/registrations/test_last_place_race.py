"""The last place of an event, through real HTTP: eight people register at once, then all
confirm at once. Never a 500, never over capacity: one seat taken, the others on the
waiting list or told the event is full; one accepted invitation, one mail per outcome.
And one person sending the form eight times at once: one registration, never a 500."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
import requests
from flask import Flask
from sqlalchemy import func, select

from core.extensions import db
from events.models import Event
from invitations.models import Invitation
from outbox.models import OutboxMessage
from registrations.models import Registration, RegistrationSettings
from registrations.tokens import make_token
from tests.racing import answers, post, race, tally

PEOPLE = 8


def _people(event_id: int) -> list[Registration]:
    db.session.expire_all()
    return list(db.session.scalars(select(Registration).where(
        Registration.event_id == event_id).order_by(Registration.id)))


@pytest.mark.parametrize("waiting_list", [True, False], ids=["waiting list", "no list"])
def test_eight_people_for_the_last_place(app: Flask, live_server: str,
                                         open_event: Callable[..., Event],
                                         waiting_list: bool) -> None:
    event_id = open_event(capacity=1, waiting_list=waiting_list).id
    sessions = [requests.Session() for _ in range(PEOPLE)]

    def register(index: int) -> Any:
        return post(sessions[index], f"{live_server}/register/{event_id}", {
            "name": f"Person {index}", "email": f"p{index}@example.eu",
            "helix_role": "academia", "language": "en", "timezone": "Europe/Rome"})

    registered = race(PEOPLE, register)
    print("register", tally(registered))
    assert tally(registered) == {200: PEOPLE}
    people = _people(event_id)
    assert [p.status for p in people] == ["unconfirmed"] * PEOPLE
    tokens = [make_token(p.id, "confirm") for p in people]

    def confirm(index: int) -> Any:
        return post(sessions[index], f"{live_server}/register/confirm/{tokens[index]}", {})

    confirmed = race(PEOPLE, confirm)
    counts = tally(confirmed)
    print("confirm", "waiting list" if waiting_list else "no list", counts)
    assert 500 not in counts, counts
    statuses = sorted(p.status for p in _people(event_id))
    others = "waiting" if waiting_list else "unconfirmed"
    if db.engine.dialect.name == "postgresql" or waiting_list:
        assert counts == {200: PEOPLE}, counts
        assert statuses == ["accepted"] + [others] * (PEOPLE - 1), statuses
    assert statuses.count("accepted") == 1, statuses
    assert db.session.get(RegistrationSettings, event_id).taken == 1
    assert db.session.scalar(select(func.count()).select_from(Invitation).where(
        Invitation.event_id == event_id, Invitation.status == "accepted")) == 1
    full = [a for a in answers(confirmed, 200) if "The event is full." in a.text]
    assert len(full) == (0 if waiting_list else statuses.count("unconfirmed"))
    kinds = dict(db.session.execute(select(OutboxMessage.kind, func.count())
                                    .group_by(OutboxMessage.kind)).all())
    told = PEOPLE if waiting_list else 1  # the seat and each place on the list, once
    assert kinds == {"registration": PEOPLE + told}, kinds  # the links, then the outcomes


def test_one_person_sending_the_form_eight_times_registers_once(
        app: Flask, live_server: str, open_event: Callable[..., Event]) -> None:
    event_id = open_event(capacity=1).id
    sessions = [requests.Session() for _ in range(PEOPLE)]
    data = {"name": "Twin", "email": "twin@example.eu", "helix_role": "academia",
            "language": "en", "timezone": "Europe/Rome"}

    sent = race(PEOPLE, lambda index: post(sessions[index],
                                           f"{live_server}/register/{event_id}", data))
    counts = tally(sent)
    print("same person", counts)
    assert 500 not in counts, counts
    assert [p.email for p in _people(event_id)] == ["twin@example.eu"]
    links = db.session.scalar(select(func.count()).select_from(OutboxMessage))
    assert links in (1, 2), links  # the link, and at most one new link per ten minutes
    if db.engine.dialect.name == "postgresql":
        assert counts == {200: PEOPLE}, counts
