"""Eight admins create the same e-mail at once: one user, seven clean form errors."""

from __future__ import annotations

from typing import Any

from flask import Flask
from sqlalchemy import func, select

from accounts.models import User
from core.extensions import db
from tests.racing import answers, post, race, signed_in, tally, user

WRITERS = 8


def test_parallel_creation_of_one_email_makes_one_user(app: Flask, live_server: str) -> None:
    user("admin", "boss@example.org")
    sessions = [signed_in(live_server, "boss@example.org") for _ in range(WRITERS)]

    def create(index: int) -> Any:
        return post(sessions[index], f"{live_server}/admin/users/new",
                    {"email": "twin@example.org", "role": "organiser", "active": "y"})

    outcomes = race(WRITERS, create)
    counts = tally(outcomes)
    assert set(counts) == {200} and counts[200] == WRITERS, counts
    refused = [a for a in answers(outcomes, 200) if "already exists" in a.text]
    assert len(refused) == WRITERS - 1
    db.session.expire_all()
    made = select(func.count()).select_from(User).where(User.email == "twin@example.org")
    assert db.session.scalar(made) == 1
