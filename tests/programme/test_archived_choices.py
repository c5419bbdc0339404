"""Archived cities, themes and partnerships leave every form's choices, except where the
record being edited already names them (``programme.choices``)."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from flask.testing import FlaskClient

from actionplans.models import Activity
from core.extensions import db
from core.types import utcnow
from programme.models import City, Partnership, Theme
from registrations.models import RegistrationSettings
from tests.security.world import World, build_world

CITY, THEME, PARTNERSHIP = "Datong", "Silk heritage", "Barcelona – Datong"
ACTIVE = "Barcelona – Datong – Liuzhou"  # the world's partnership, not archived


@pytest.fixture
def world(app: Any) -> World:
    """The security test programme, plus an archived city, theme and partnership that its
    organisation, participant, mission, outcome, activity, partnership and city staff user
    still name."""
    built = build_world()
    now = utcnow()
    datong = City(slug="datong", name_en=CITY, name_zh="大同", name_pinyin="datong",
                  country="CN", latitude=40.1, longitude=113.3, timezone="Asia/Shanghai",
                  side="china", archived_at=now)
    theme = Theme(slug="silk", name_en=THEME, name_zh="丝绸遗产", archived_at=now)
    old = Partnership(slug="barcelona-datong", eu_cities=[built.barcelona],
                      china_cities=[datong], stage="act", archived_at=now)
    db.session.add_all([datong, theme, old])
    built.organisation.city = datong
    built.delegate_participant.city = datong
    built.delegate_participant.key_contact_for = [datong]
    built.mission.cities.append(datong)
    built.mission.themes.append(theme)
    built.mission.partnership = old
    built.outcome.partnership = old
    built.partnership.china_cities.append(datong)
    built.partnership.themes.append(theme)
    built.liuzhou_event.city = datong
    built.liuzhou_event.theme = theme
    built.users["city_staff"].city = datong
    activity = db.session.get(Activity, built.activity_id)
    assert activity is not None
    activity.owner_city = datong
    activity.theme = theme
    db.session.add(RegistrationSettings(event_id=built.chengdu_event.id, open=True))
    db.session.commit()
    return built


def _option(page: str, label: str) -> str | None:
    """The ``<option>`` tag of ``label``, or None when the page offers no such option."""
    found = re.search(rf"<option([^>]*)>{re.escape(label)}</option>", page)
    return found.group(1) if found else None


Pages = Callable[[World], str]

NEW_FORMS: list[tuple[str, Pages, list[str]]] = [
    ("event", lambda w: "/events/new", [CITY, THEME]),
    ("organisation", lambda w: "/participants/organisations/new", [CITY]),
    ("participant", lambda w: "/participants/new", [CITY]),
    ("participant filter", lambda w: "/participants/", [CITY]),
    ("invitation", lambda w: "/participants/invite", [CITY]),
    ("registration", lambda w: f"/register/{w.chengdu_event.id}", [CITY]),
    ("mission", lambda w: "/missions/new", [CITY, THEME, PARTNERSHIP]),
    ("travel leg", lambda w: f"/missions/{w.mission.id}/legs", [CITY]),
    ("hotel stay", lambda w: f"/missions/{w.mission.id}/stays", [CITY]),
    ("outcome", lambda w: "/participants/outcomes/new", [PARTNERSHIP]),
    ("activity", lambda w: f"/partnerships/{w.partnership.id}/plan/new", [CITY, THEME]),
    ("partnership", lambda w: "/partnerships/new", [CITY, THEME]),
    ("user", lambda w: "/admin/users/new", [CITY]),
]

EDIT_FORMS: list[tuple[str, Pages, list[str]]] = [
    ("event", lambda w: f"/events/{w.liuzhou_event.id}/edit", [CITY, THEME]),
    ("organisation", lambda w: f"/participants/organisations/{w.organisation.id}/edit",
     [CITY]),
    ("participant", lambda w: f"/participants/{w.delegate_participant.id}/edit", [CITY]),
    ("mission", lambda w: f"/missions/{w.mission.id}/edit", [CITY, THEME, PARTNERSHIP]),
    ("outcome", lambda w: f"/participants/outcomes/{w.outcome.id}/edit", [PARTNERSHIP]),
    ("activity", lambda w: f"/partnerships/{w.partnership.id}/plan/{w.activity_id}/edit",
     [CITY, THEME]),
    ("partnership", lambda w: f"/partnerships/{w.partnership.id}/edit", [CITY, THEME]),
    ("user", lambda w: f"/admin/users/{w.users['city_staff'].id}/edit", [CITY]),
]


@pytest.mark.parametrize(("form", "url", "labels"), NEW_FORMS, ids=[f[0] for f in NEW_FORMS])
def test_a_new_record_is_not_offered_archived_choices(
        client: FlaskClient, login: Callable[..., Any], world: World, form: str, url: Pages,
        labels: list[str]) -> None:
    login("admin")
    page = client.get(url(world) + "?lang=en").get_data(as_text=True)
    assert _option(page, ACTIVE if form == "outcome" else "Liuzhou") is not None, form
    for label in labels:
        assert _option(page, label) is None, (form, label)


@pytest.mark.parametrize(("form", "url", "labels"), EDIT_FORMS,
                         ids=[f[0] for f in EDIT_FORMS])
def test_an_edited_record_keeps_its_archived_choices_selected(
        client: FlaskClient, login: Callable[..., Any], world: World, form: str, url: Pages,
        labels: list[str]) -> None:
    login("admin")
    page = client.get(url(world) + "?lang=en").get_data(as_text=True)
    for label in labels:
        tag = _option(page, label)
        assert tag is not None and "selected" in tag, (form, label)
    assert _option(page, ACTIVE if form == "outcome" else "Liuzhou") is not None, form


def test_an_archived_city_cannot_be_chosen_for_a_new_record(
        client: FlaskClient, login: Callable[..., Any], world: World) -> None:
    login("admin")
    datong = db.session.query(City).filter_by(slug="datong").one()
    page = client.post("/participants/organisations/new?lang=en", data={
        "name_en": "Datong Museum", "city_id": datong.id, "helix_role": "academia"})
    assert page.status_code == 200
    user = client.post("/admin/users/new?lang=en", data={
        "email": "staff@datong.example.org", "role": "city_staff", "city_id": datong.id})
    assert "Choose a city from the list." in user.get_data(as_text=True)


def test_themes_are_in_the_navigation_of_organisers_only(
        client: FlaskClient, login: Callable[..., Any], world: World) -> None:
    assert 'href="/themes/"' not in client.get("/").get_data(as_text=True)
    login("city_staff", city_id=world.liuzhou.id)
    assert 'href="/themes/"' not in client.get("/").get_data(as_text=True)
    login("organiser")
    assert ">Themes<" in client.get("/?lang=en").get_data(as_text=True)
    assert ">主题<" in client.get("/?lang=zh").get_data(as_text=True)


@pytest.mark.parametrize("url", ["/events/?city={id}", "/participants/?city={id}"])
def test_a_list_filtered_by_an_archived_city_still_shows_it_chosen(
        client: FlaskClient, login: Callable[..., Any], world: World, url: str) -> None:
    login("admin")
    datong = db.session.query(City).filter_by(slug="datong").one()
    tag = _option(client.get(url.format(id=datong.id) + "&lang=en").get_data(as_text=True),
                  CITY)
    assert tag is not None and "selected" in tag
    assert client.get(url.format(id="x") + "&lang=en").status_code == 200
