"""Capacity under concurrency: confirmations racing for the last seats never overbook
(one conditional UPDATE per seat; real threads, each with its own connection)."""

from __future__ import annotations

import threading
from collections.abc import Callable

from flask import Flask
from sqlalchemy import func, select

from core.extensions import db
from events.models import Event
from invitations.models import Invitation
from registrations import services
from registrations.models import Registration, RegistrationSettings

SEATS, PEOPLE = 3, 10


def test_racing_confirmations_never_overbook(
    app: Flask, open_event: Callable[..., Event]
) -> None:
    event = open_event(capacity=SEATS)
    ids = []
    for n in range(PEOPLE):
        registration = services.register(event, {
            "name": f"Person {n}", "email": f"p{n}@example.eu", "helix_role": "academia",
            "language": "en", "timezone": "Europe/Rome"})
        ids.append(registration.id)
    barrier = threading.Barrier(PEOPLE)
    errors: list[BaseException] = []

    def confirm(registration_id: int) -> None:
        with app.app_context():
            registration = db.session.get(Registration, registration_id)
            barrier.wait()
            try:
                services.confirm(registration)
            except Exception as error:  # noqa: BLE001 - SQLite may refuse a writer
                errors.append(error)
                db.session.rollback()
            finally:
                db.session.remove()

    threads = [threading.Thread(target=confirm, args=(i,)) for i in ids]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    db.session.rollback()
    statuses = db.session.execute(select(Registration.status, func.count())
                                  .group_by(Registration.status)).all()
    counts = dict(statuses)
    taken = db.session.get(RegistrationSettings, event.id).taken
    invitations = db.session.scalar(select(func.count()).select_from(Invitation).where(
        Invitation.event_id == event.id))
    assert counts.get("accepted", 0) == taken == invitations <= SEATS
    if db.engine.dialect.name == "postgresql":
        assert not errors, errors
        assert counts == {"accepted": SEATS, "waiting": PEOPLE - SEATS}
