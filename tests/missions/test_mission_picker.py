"""The mission pickers of the event form and the events filter: a search, not a select of
every mission."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from flask.testing import FlaskClient

from core.extensions import db
from events.models import Event
from tests.events.factories import event, mission
from tests.events.test_event_writes import form


def _trips(count: int) -> list[int]:
    return [mission(title_en=f"Trip {n:03d}", title_zh=f"考察{n:03d}",
                    start=date(2018, 1, 1) + timedelta(days=n)).id for n in range(count)]


def test_search_finds_by_either_title_newest_first(client: FlaskClient) -> None:
    ids = _trips(3)
    found = client.get("/missions/search?q=trip").get_json()["results"]
    assert [r["value"] for r in found] == [str(i) for i in reversed(ids)]
    assert client.get("/missions/search?q=考察001").get_json()["results"][0]["value"] == str(ids[1])
    assert client.get("/missions/search?q=").get_json() == {"results": []}
    assert client.get("/missions/search?q=%25").get_json() == {"results": []}  # no wildcard
    assert client.get("/missions/search?q=" + "x" * 201).status_code == 400


def test_event_form_ships_the_chosen_mission_only(client: FlaskClient,
                                                 login: Callable[..., Any]) -> None:
    login("organiser")
    ids = _trips(30)
    assert "Trip 029" not in client.get("/events/new").get_data(as_text=True)
    saved = client.post("/events/new", data=form(mission_id=str(ids[1]),
                                                 starts_local="2018-01-02T10:00",
                                                 ends_local="2018-01-02T12:00"))
    assert saved.status_code == 302
    created = db.session.scalar(db.select(Event))
    assert created.mission_id == ids[1]
    page = client.get(f"/events/{created.id}/edit").get_data(as_text=True)
    assert "Trip 001" in page and "Trip 029" not in page


def test_unknown_mission_is_an_error_next_to_the_field(client: FlaskClient,
                                                       login: Callable[..., Any]) -> None:
    login("organiser")
    for bogus in ("999999", "abc", "9223372036854775808"):
        page = client.post("/events/new", data=form(mission_id=bogus)).get_data(as_text=True)
        errors = page.split('id="mission_id-errors"')[1].split("</div>\n    </div>")[0]
        assert "Choose one of the options in the list." in errors, errors
        assert bogus in page  # what was typed stays in the box
    assert db.session.scalar(db.select(db.func.count()).select_from(Event)) == 0


def test_events_list_filters_by_the_picked_mission(client: FlaskClient,
                                                   login: Callable[..., Any]) -> None:
    login("organiser")
    first, second = _trips(2)
    event("In the first trip", mission_id=first)
    event("In the second trip", mission_id=second)
    page = client.get(f"/events/?mission={first}").get_data(as_text=True)
    assert "In the first trip" in page and "In the second trip" not in page
    assert "Trip 000" in page and "Trip 001" not in page  # only the chosen one as a chip
    assert client.get("/events/?mission=abc").status_code == 200
