"""Eight organisers create one participant (same e-mail) or one organisation (same name) at
once: one row, the others the field error (core.integrity), never a 500."""

from __future__ import annotations

from typing import Any

import pytest
from flask import Flask
from sqlalchemy import func, select

from core.extensions import db
from organisations.models import Organisation
from participants.models import Participant
from tests.racing import answers, post, race, signed_in, tally, user

WRITERS = 8
CASES = {
    "participant": ("/participants/new", {"name": "Twin", "email": "twin@example.org",
                                          "helix_role": "industry", "language": "en"},
                    "Another participant already uses this e-mail address.",
                    select(func.count()).select_from(Participant)
                    .where(Participant.email == "twin@example.org")),
    "organisation": ("/participants/organisations/new",
                     {"name_en": "Twin Cluster", "helix_role": "industry"},
                     "An organisation with this name already exists.",
                     select(func.count()).select_from(Organisation)
                     .where(Organisation.name_en == "Twin Cluster")),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_parallel_creation_makes_one_row(app: Flask, live_server: str, case: str) -> None:
    path, data, message, count = CASES[case]
    user("organiser", "boss@example.org")
    sessions = [signed_in(live_server, "boss@example.org") for _ in range(WRITERS)]

    def create(index: int) -> Any:
        return post(sessions[index], f"{live_server}{path}", data)

    outcomes = race(WRITERS, create)
    counts = tally(outcomes)
    db.session.expire_all()
    assert db.session.scalar(count) == 1, counts
    if db.engine.dialect.name == "postgresql":
        print(case, counts)
        assert counts == {302: 1, 200: WRITERS - 1}, counts
        assert all(message in answer.text for answer in answers(outcomes, 200))
    else:  # SQLite serialises writers; a busy one may still answer, never with a 500
        assert 500 not in counts, counts
