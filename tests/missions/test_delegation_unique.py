"""One delegation row per (mission, participant), even when two adds race."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import func, insert, select
from sqlalchemy.exc import IntegrityError

from core.extensions import db
from missions.models import DelegationMember
from missions.services import DuplicateMemberError, add_member
from tests.events.factories import mission, participant


def _count() -> int:
    return db.session.scalar(select(func.count()).select_from(DelegationMember)) or 0


def test_a_parallel_add_gets_the_clean_message(app: Any) -> None:
    trip, person = mission(), participant("Li Wei")
    assert trip.members == []  # the collection is loaded: the in-memory check passes
    # Another worker adds the same person in between (not seen by this session's list).
    with db.engine.begin() as other_worker:
        other_worker.execute(insert(DelegationMember).values(
            mission_id=trip.id, participant_id=person.id, role="member"))
    with pytest.raises(DuplicateMemberError) as raised:
        add_member(trip, {"participant_id": person.id, "role": "member"})
    assert str(raised.value) == "Already in the delegation."
    assert raised.value.field == "participant_id"
    assert _count() == 1


def test_the_database_refuses_a_second_row(app: Any) -> None:
    trip, person = mission(), participant("Li Wei")
    add_member(trip, {"participant_id": person.id, "role": "member"})
    with pytest.raises(IntegrityError):
        db.session.execute(insert(DelegationMember).values(mission_id=trip.id,
                                                           participant_id=person.id,
                                                           role="head"))
        db.session.flush()
    db.session.rollback()
    assert _count() == 1
