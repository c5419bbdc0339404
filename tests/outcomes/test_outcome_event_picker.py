"""The outcome form picks its event by search (not a select of every event); the search
finds only events the viewer may see."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask.testing import FlaskClient

from core.extensions import db
from outcomes.models import Outcome
from tests.events.factories import event


def test_event_search_finds_only_visible_events(client: FlaskClient,
                                                login: Callable[..., Any]) -> None:
    public = event("Smart city workshop", visibility="public")
    internal = event("Smart city preparation", visibility="internal")
    found = client.get("/events/search?q=smart+city").get_json()["results"]
    assert [r["value"] for r in found] == [str(public.id)]
    login("organiser")
    found = client.get("/events/search?q=smart+city").get_json()["results"]
    assert {r["value"] for r in found} == {str(public.id), str(internal.id)}
    assert client.get("/events/search?q=" + "x" * 201).status_code == 400


def test_outcome_form_ships_the_chosen_event_only(client: FlaskClient,
                                                 login: Callable[..., Any]) -> None:
    login("organiser")
    chosen = event("MoU signing", visibility="public")
    for n in range(30):
        event(f"Other meeting {n}")
    page = client.get(f"/participants/outcomes/new?event={chosen.id}").get_data(as_text=True)
    assert "MoU signing" in page and "Other meeting 29" not in page
    saved = client.post("/participants/outcomes/new", data={
        "kind": "mou", "title_en": "Smart water MoU", "event_id": str(chosen.id),
        "status": "signed"})
    assert saved.status_code == 302
    assert db.session.scalar(db.select(Outcome.event_id)) == chosen.id
    bad = client.post("/participants/outcomes/new", data={
        "kind": "mou", "title_en": "Bogus", "event_id": "999999", "status": "signed"})
    assert "Choose one of the options in the list." in bad.get_data(as_text=True)

