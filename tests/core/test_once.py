"""One-time form tokens (core.once): every create form sent twice, in turn or eight at once
through real HTTP, creates one record and sends the repeat to it; a failed form keeps its
token; old tokens are pruned."""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select

from accounts.models import User
from actionplans.models import Activity
from core.extensions import db
from core.once import UsedFormToken, new_token
from core.types import utcnow
from events.models import Event
from followup.models import ActionItem, Attachment
from missions.models import Mission
from organisations.models import Organisation
from outcomes.models import Outcome
from participants.models import Participant
from programme.models import City, Partnership, Theme
from tests.events.factories import city, event
from tests.events.test_event_writes import form as event_form
from tests.programme.test_reference_admin import CITY
from tests.racing import answers, post, race, signed_in, tally, user

WRITERS = 8
ALREADY = "This form had already been saved: here is the result."


@dataclass(frozen=True)
class Case:
    """A create form: its page, a role that may use it, valid data, its model, and a field
    whose value makes the form fail."""

    path: str  #: may name ``{partnership}`` or ``{event}``
    role: str
    data: Callable[[], dict[str, Any]]
    model: type
    bad: dict[str, str]
    answer: int = 302  #: the first submit's status (a new user's page shows the password)


def partnership() -> Partnership:
    """The Rome–Liuzhou partnership (made on first use)."""
    found = db.session.scalar(select(Partnership).where(Partnership.slug == "rome-liuzhou"))
    if found is None:
        found = Partnership(slug="rome-liuzhou", eu_cities=[city("rome")],
                            china_cities=[city("liuzhou")])
        db.session.add(found)
        db.session.commit()
    return found


def meeting() -> Event:
    """The event action items are recorded on (made on first use)."""
    return db.session.scalar(select(Event).where(Event.title_en == "Kick-off")) \
        or event("Kick-off")


CASES = {
    "event": Case("/events/new", "organiser", event_form, Event,
                  {"ends_local": "2018-07-03T09:00"}),
    "mission": Case("/missions/new", "organiser", lambda: {
        "kind": "outgoing", "title_en": "One-week mission", "start_date": "2018-07-01",
        "end_date": "2018-07-08", "status": "planned", "cities": [str(city("beijing").id)]},
        Mission, {"end_date": "2018-06-01"}),
    "participant": Case("/participants/new", "organiser", lambda: {
        "name": "Twin", "email": "twin@example.org", "helix_role": "industry",
        "language": "en"}, Participant, {"email": "not an address"}),
    "organisation": Case("/participants/organisations/new", "organiser", lambda: {
        "name_en": "Twin Cluster", "helix_role": "industry"}, Organisation,
        {"helix_role": "nobody"}),
    "city": Case("/cities/new", "organiser", lambda: dict(CITY), City,
                 {"timezone": "Europe/Atlantis"}),
    "theme": Case("/themes/new", "organiser", lambda: {
        "name_en": "Green mobility", "name_zh": "绿色交通", "slug": "", "sdgs": "11"},
        Theme, {"sdgs": "18"}),
    "partnership": Case("/partnerships/new", "organiser", lambda: {
        "eu_city_ids": [city("rome").id], "china_city_ids": [city("liuzhou").id],
        "start_date": "2019-11-01", "end_date": "2020-12-31", "stage": "partner",
        "stage_changed_on": "2019-11-01"}, Partnership, {"end_date": "2019-01-01"}),
    "outcome": Case("/participants/outcomes/new", "organiser", lambda: {
        "kind": "mou", "title_en": "MoU", "event_id": "", "partnership_id": "",
        "signed_on": "2020-10-29", "document_url": ""}, Outcome,
        {"document_url": "not a link"}),
    "activity": Case("/partnerships/{partnership}/plan/new", "organiser", lambda: {
        "title_en": "Pilot design", "theme_id": "", "owner_city_id": "",
        "owner_organisation_id": "", "starts_on": "2020-06-01", "ends_on": "2020-09-30",
        "status": "planned"}, Activity, {"status": "nowhere"}),
    "action item": Case("/followup/events/{event}/actions/new", "organiser", lambda: {
        "title": "Draft the MoU", "owner_name": "Ana", "status": "open"}, ActionItem,
        {"status": "nowhere"}),
    "user": Case("/admin/users/new", "admin", lambda: {
        "email": "new@example.org", "role": "delegate", "participant_id": "",
        "active": "y"}, User, {"role": "city_staff"}, answer=200),
}
"""Every create form."""


def path_of(case: Case) -> str:
    """The case's create page, with the ids of what it is created in."""
    return case.path.format(partnership=partnership().id if "{partnership}" in case.path
                            else "", event=meeting().id if "{event}" in case.path else "")


def count(model: type) -> int:
    """How many ``model`` rows are stored."""
    db.session.expire_all()
    return db.session.scalar(select(func.count()).select_from(model))


def token_on(page: str) -> str:
    """The one-time token a form page carries."""
    found = re.search(r'name="once_token" type="hidden" value="([^"]+)"', page)
    assert found, "the form renders no once_token"
    return found.group(1)


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_repeated_submit_creates_nothing_and_goes_to_the_record(
        client: FlaskClient, login: Callable[..., Any], name: str) -> None:
    case = CASES[name]
    login(case.role)
    path, before = path_of(case), count(case.model)
    token = token_on(client.get(path).get_data(as_text=True))
    data = {**case.data(), "once_token": token}
    first = client.post(path, data=data)
    assert first.status_code == case.answer, first.get_data(as_text=True)[:2000]
    again = client.post(path, data=data)
    assert again.status_code == 302
    assert again.location == first.location or case.answer != 302
    assert count(case.model) == before + 1
    assert ALREADY in client.get(again.location).get_data(as_text=True)


def test_another_form_creates_another_record(client: FlaskClient,
                                             login: Callable[..., Any]) -> None:
    login("organiser")
    first = client.post("/events/new", data={**event_form(), "once_token": new_token()})
    other = client.post("/events/new", data={**event_form(), "once_token": new_token()})
    assert other.status_code == 302 and other.location != first.location
    assert count(Event) == 2


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_failed_form_keeps_its_token_for_the_corrected_resubmit(
        client: FlaskClient, login: Callable[..., Any], name: str) -> None:
    case = CASES[name]
    login(case.role)
    path, before, token = path_of(case), count(case.model), new_token()
    failed = client.post(path, data={**case.data(), **case.bad, "once_token": token})
    assert failed.status_code == 200
    assert token_on(failed.get_data(as_text=True)) == token
    assert count(case.model) == before and count(UsedFormToken) == 0
    saved = client.post(path, data={**case.data(), "once_token": token})
    assert saved.status_code == case.answer and count(case.model) == before + 1


def test_a_missing_or_forged_token_is_replaced(client: FlaskClient,
                                               login: Callable[..., Any]) -> None:
    login("organiser")
    for forged in (None, "short", "x" * 31 + "\x07", "y" * 300, "é" * 32):
        data = {**event_form(), "ends_local": "2018-07-03T09:00"}
        if forged is not None:
            data["once_token"] = forged
        page = client.post("/events/new", data=data).get_data(as_text=True)
        assert re.fullmatch(r"[A-Za-z0-9_-]{32}", token_on(page))
    assert client.post("/events/new", data={**event_form(), "once_token": "short"}
                       ).status_code == 302


def test_the_message_is_localised(client: FlaskClient, login: Callable[..., Any]) -> None:
    login("organiser")
    data = {**event_form(), "once_token": new_token()}
    client.post("/events/new?lang=zh", data=data)
    again = client.post("/events/new?lang=zh", data=data)
    assert "此表单已经保存过" in client.get(again.location).get_data(as_text=True)


def test_old_tokens_are_pruned_when_a_new_one_is_used(client: FlaskClient,
                                                      login: Callable[..., Any]) -> None:
    db.session.add_all([UsedFormToken(token="o" * 32, location="/old",
                                      used_at=utcnow() - timedelta(days=2)),
                        UsedFormToken(token="r" * 32, location="/recent",
                                      used_at=utcnow() - timedelta(hours=2))])
    db.session.commit()
    login("organiser")
    client.post("/events/new", data={**event_form(), "once_token": new_token()})
    db.session.expire_all()
    kept = set(db.session.scalars(select(UsedFormToken.token)))
    assert "o" * 32 not in kept and "r" * 32 in kept and len(kept) == 2


@pytest.mark.parametrize("name", sorted(CASES))
def test_parallel_submits_of_one_form_create_one_record(app: Flask, live_server: str,
                                                         name: str) -> None:
    case = CASES[name]
    email = f"{case.role}@example.org"
    user(case.role, email)
    sessions = [signed_in(live_server, email) for _ in range(WRITERS)]
    url, before = live_server + path_of(case), count(case.model)
    data = {**case.data(), "once_token": new_token()}

    outcomes = race(WRITERS, lambda index: post(sessions[index], url, data))
    counts = tally(outcomes)
    print(name, counts)
    assert count(case.model) == before + 1, counts
    assert 500 not in counts, counts
    if db.engine.dialect.name == "postgresql":
        assert counts == {302: WRITERS} if case.answer == 302 else {case.answer: 1,
                                                                     302: WRITERS - 1}, counts
        assert len({o.headers["Location"] for o in answers(outcomes, 302)}) == 1


def test_a_file_uploaded_twice_with_one_form_is_attached_once(
        client: FlaskClient, login: Callable[..., Any]) -> None:
    login("organiser")
    path, token = f"/followup/events/{meeting().id}/attachments/new", new_token()

    def upload() -> Any:
        return client.post(path, data={"file": (io.BytesIO(b"%PDF-1.4 agenda"), "agenda.pdf"),
                                       "once_token": token}, content_type="multipart/form-data")

    first, again = upload(), upload()
    assert first.status_code == again.status_code == 302
    assert again.location == first.location and count(Attachment) == 1
    assert ALREADY in client.get(again.location).get_data(as_text=True)


def test_every_create_page_carries_a_token(app: Flask, client: FlaskClient,
                                           login: Callable[..., Any]) -> None:
    """A new create page (a ``…/new`` route that takes POST) without the token fails here."""
    login("admin")
    ids = {"partnership_id": partnership().id, "event_id": meeting().id}
    pages = sorted(rule.rule for rule in app.url_map.iter_rules()
                   if rule.rule.endswith("/new") and "POST" in (rule.methods or ()))
    assert len(pages) >= 12
    for path in pages:
        for name, value in ids.items():
            path = path.replace(f"<int:{name}>", str(value))
        page = client.get(path)
        assert page.status_code == 200, path
        token_on(page.get_data(as_text=True))
