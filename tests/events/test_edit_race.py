"""Eight organisers save one event (or one mission) at once: one 302, seven 409s.

Real HTTP against a live server (``tests/racing.py``), every request released together, so
the database sees the interleavings of several workers: whichever request flushes second,
at the audit record's flush or at the commit, gets the localised stale page with the link
to the current version, and nothing of it is written.
"""

from __future__ import annotations

from typing import Any

import pytest
from flask import Flask

from core.extensions import db
from events.models import Event
from missions.models import Mission
from tests.events.factories import CITIES, city, event, mission
from tests.events.test_event_writes import form
from tests.racing import answers, post, race, signed_in, tally, user

WRITERS = 8
ZH = {"Accept-Language": "zh-CN,zh;q=0.9"}


def _organisers(base: str) -> list[Any]:
    """One signed-in session per writer; the odd ones read Chinese."""
    user("organiser", "racer@example.org")
    sessions = [signed_in(base, "racer@example.org") for _ in range(WRITERS)]
    for session in sessions[1::2]:
        session.headers.update(ZH)
    return sessions


def _assert_one_save(outcomes: list[Any], current: str) -> None:
    assert tally(outcomes) == {302: 1, 409: WRITERS - 1}, tally(outcomes)
    for answer in answers(outcomes, 409):
        assert f'href="{current}"' in answer.text
        chinese = answer.request.headers.get("Accept-Language") == ZH["Accept-Language"]
        assert ("打开当前版本" if chinese else "Open the current version") in answer.text


@pytest.mark.parametrize("change", ["title", "cities only"])
def test_parallel_event_edits_give_one_save_and_409s(app: Flask, live_server: str,
                                                     change: str) -> None:
    meeting = event("Original", at=city("rome"))
    slugs = [city(slug).id for slug in CITIES]
    event_id, data = meeting.id, form(version_id="1", title_en="Original")
    sessions = _organisers(live_server)

    def save(index: int) -> Any:
        body = ({**data, "title_en": f"Edit {index}"} if change == "title"
                else {**data, "cities": str(slugs[index % len(slugs)])})
        return post(sessions[index], f"{live_server}/events/{event_id}/edit", body)

    _assert_one_save(race(WRITERS, save), f"/events/{event_id}")
    db.session.expire_all()
    saved = db.session.get(Event, event_id)
    assert saved.version_id == 2
    assert saved.title_en.startswith("Edit ") if change == "title" else len(saved.cities) == 1


def test_parallel_mission_edits_give_one_save_and_409s(app: Flask, live_server: str) -> None:
    trip = mission()
    mission_id = trip.id
    sessions = _organisers(live_server)

    def save(index: int) -> Any:
        return post(sessions[index], f"{live_server}/missions/{mission_id}/edit", {
            "kind": "outgoing", "title_en": f"Edit {index}", "start_date": "2018-07-01",
            "end_date": "2018-07-08", "status": "planned", "version_id": "1"})

    _assert_one_save(race(WRITERS, save), f"/missions/{mission_id}")
    db.session.expire_all()
    saved = db.session.get(Mission, mission_id)
    assert saved.version_id == 2 and saved.title_en.startswith("Edit ")
