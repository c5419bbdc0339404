"""Creating, editing and archiving partnerships: several European cities, stage history,
validation next to the field, permissions, and the pages that link to the partnership."""

from collections.abc import Callable
from typing import Any

import pytest
from flask.testing import FlaskClient
from sqlalchemy import select

from audit.models import AuditEntry
from core.extensions import db
from events.models import Event
from missions.models import Mission
from programme.models import City, Partnership, PartnershipStage, Theme
from tests.events.factories import utc


def _city(slug: str, name: str, name_zh: str, side: str) -> City:
    city = City(slug=slug, name_en=name, name_zh=name_zh, country="CN" if side == "china"
                else "IT", latitude=0.0, longitude=0.0, side=side,
                timezone="Asia/Shanghai" if side == "china" else "Europe/Rome")
    db.session.add(city)
    return city


@pytest.fixture
def cities() -> dict[str, City]:
    """Two European and two Chinese cities and a theme."""
    made = {"bologna": _city("bologna", "Bologna", "博洛尼亚", "eu"),
            "stuttgart": _city("stuttgart", "Stuttgart", "斯图加特", "eu"),
            "nanjing": _city("nanjing", "Nanjing", "南京", "china"),
            "guangzhou": _city("guangzhou", "Guangzhou", "广州", "china")}
    db.session.add(Theme(slug="design", name_en="Industrial design", name_zh="工业设计"))
    db.session.commit()
    return made


def _form(cities: dict[str, City], **changes: Any) -> dict[str, Any]:
    data = {"eu_city_ids": [cities["bologna"].id, cities["stuttgart"].id],
            "china_city_ids": [cities["nanjing"].id], "start_date": "2019-11-01",
            "end_date": "2020-12-31", "summary_en": "Industrial design platforms.",
            "summary_zh": "工业设计平台。", "stage": "partner", "stage_changed_on": "2019-11-01",
            "stage_note": "Platforms agreed"}
    return {**data, **changes}


def _only() -> Partnership:
    found = db.session.scalars(select(Partnership)).one()
    return found


@pytest.fixture
def organiser(client: FlaskClient, login: Callable[..., Any]) -> FlaskClient:
    """The client, signed in as an organiser."""
    login("organiser")
    return client


def test_create_with_two_european_cities(organiser: FlaskClient,
                                         cities: dict[str, City]) -> None:
    response = organiser.post("/partnerships/new", data=_form(cities))
    assert response.status_code == 302
    partnership = _only()
    assert {c.slug for c in partnership.eu_cities} == {"bologna", "stuttgart"}
    assert [c.slug for c in partnership.china_cities] == ["nanjing"]
    assert partnership.slug == "bologna-stuttgart-nanjing"
    assert [(s.stage, s.changed_on.isoformat(), s.note) for s in partnership.stage_history] == [
        ("partner", "2019-11-01", "Platforms agreed")]
    assert db.session.scalar(select(AuditEntry.action).where(
        AuditEntry.object_type == "partnership")) == "created"
    page = organiser.get(response.headers["Location"] + "?lang=en").get_data(as_text=True)
    assert "Bologna" in page and "Stuttgart" in page and "Platforms agreed" in page


def test_edit_changes_cities_and_appends_stage(organiser: FlaskClient,
                                               cities: dict[str, City]) -> None:
    organiser.post("/partnerships/new", data=_form(cities))
    partnership_id = _only().id
    response = organiser.post(f"/partnerships/{partnership_id}/edit", data=_form(
        cities, eu_city_ids=[cities["stuttgart"].id],
        china_city_ids=[cities["nanjing"].id, cities["guangzhou"].id],
        stage="plan", stage_changed_on="2020-03-01", stage_note="Roadmap with GDD"))
    assert response.status_code == 302
    partnership = _only()
    assert [c.slug for c in partnership.eu_cities] == ["stuttgart"]
    assert {c.slug for c in partnership.china_cities} == {"nanjing", "guangzhou"}
    assert partnership.stage == "plan"
    assert [s.stage for s in partnership.stage_history] == ["partner", "plan"]
    assert partnership.stage_history[-1].changed_by.startswith("organiser-")
    # the same stage again: nothing appended
    organiser.post(f"/partnerships/{partnership_id}/edit",
                   data=_form(cities, stage="plan", stage_note=""))
    assert db.session.query(PartnershipStage).count() == 2
    page = organiser.get(f"/partnerships/{partnership_id}?lang=zh").get_data(as_text=True)
    assert "阶段历史" in page and "2020年3月1日" in page and "Roadmap with GDD" in page


@pytest.mark.parametrize(("changes", "field", "message"), [
    ({"end_date": "2019-01-01"}, "end_date", "The end must not be before the start."),
    ({"start_date": "1800-01-01"}, "start_date", "Enter a date between"),
    ({"summary_en": "bell\x07here"}, "summary_en", "Control characters are not allowed."),
    ({"summary_zh": "长" * 100_000}, "summary_zh", "At most"),
    ({"stage_note": "x" * 600}, "stage_note", "At most 500 characters."),
    ({"eu_city_ids": []}, "eu_city_ids", "Choose at least one European city."),
    ({"eu_city_ids": ["999999"]}, "eu_city_ids", "Choose one of the options in the list."),
    ({"stage": "sleep"}, "stage", "Choose one of the options in the list."),
])
def test_invalid_input_is_refused_next_to_the_field(
        organiser: FlaskClient, cities: dict[str, City], changes: dict[str, Any], field: str,
        message: str) -> None:
    response = organiser.post("/partnerships/new?lang=en", data=_form(cities, **changes))
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    errors = page.split(f'id="{field}-errors"', 1)[1].split("</div>\n  </div>", 1)[0]
    assert message in errors
    assert "Industrial design platforms." in page or field == "summary_en"  # input kept
    assert db.session.query(Partnership).count() == 0


def test_nul_is_refused_before_the_view(organiser: FlaskClient,
                                        cities: dict[str, City]) -> None:
    """core.nul_guard answers 400 to any NUL in a form (never a 500), nothing is saved."""
    response = organiser.post("/partnerships/new", data=_form(cities, summary_en="a\x00b"))
    assert response.status_code == 400
    assert db.session.query(Partnership).count() == 0


def test_zh_errors_and_form(organiser: FlaskClient, cities: dict[str, City]) -> None:
    page = organiser.get("/partnerships/new?lang=zh").get_data(as_text=True)
    assert "新建结对合作" in page and "欧洲城市" in page and "博洛尼亚" in page
    response = organiser.post("/partnerships/new?lang=zh",
                              data=_form(cities, end_date="2019-01-01"))
    assert "结束日期不得早于开始日期。" in response.get_data(as_text=True)


def test_note_needs_a_change_of_stage(organiser: FlaskClient, cities: dict[str, City]) -> None:
    organiser.post("/partnerships/new", data=_form(cities))
    partnership_id = _only().id
    response = organiser.post(f"/partnerships/{partnership_id}/edit?lang=en",
                              data=_form(cities, stage_note="Another note",
                                         summary_en="Changed"))
    assert response.status_code == 200
    assert "A note is recorded with a change of stage" in response.get_data(as_text=True)
    assert _only().summary_en == "Industrial design platforms."  # nothing saved


def test_archive_keeps_the_partnership(organiser: FlaskClient, cities: dict[str, City]) -> None:
    organiser.post("/partnerships/new", data=_form(cities))
    partnership_id = _only().id
    assert organiser.post(f"/partnerships/{partnership_id}/archive").status_code == 302
    assert _only().archived_at is not None
    listing = organiser.get("/partnerships/?lang=en").get_data(as_text=True)
    assert "Archived partnerships" in listing
    assert organiser.get(f"/partnerships/{partnership_id}").status_code == 200


@pytest.mark.parametrize("role", ["delegate", "city_staff"])
def test_only_organisers_edit(client: FlaskClient, login: Callable[..., Any],
                              cities: dict[str, City], role: str) -> None:
    login(role, city_id=cities["nanjing"].id if role == "city_staff" else None)
    assert client.get("/partnerships/new").status_code == 403
    assert client.post("/partnerships/new", data=_form(cities)).status_code == 403
    assert db.session.query(Partnership).count() == 0


def test_city_event_and_mission_pages_name_the_partnership(
        client: FlaskClient, cities: dict[str, City]) -> None:
    partnership = Partnership(slug="design", eu_cities=[cities["bologna"], cities["stuttgart"]],
                              china_cities=[cities["nanjing"]], stage="do")
    mission = Mission(kind="outgoing", title_en="Design mission", partnership=partnership,
                      start_date=utc(7, 3, 1).date(), end_date=utc(7, 3, 5).date(),
                      status="confirmed")
    event = Event(kind="webinar", title_en="Design webinar", starts_at=utc(7, 3, 1),
                  ends_at=utc(7, 3, 2), timezone="Europe/Rome", online=True,
                  status="confirmed", visibility="public", partnership=partnership)
    db.session.add_all([mission, event])
    db.session.commit()
    link = f'href="/partnerships/{partnership.id}"'
    for url in ("/cities/stuttgart", "/cities/bologna", "/cities/nanjing",
                f"/events/{event.id}", f"/missions/{mission.id}"):
        assert link in client.get(url + "?lang=en").get_data(as_text=True), url
    assert link not in client.get("/cities/guangzhou").get_data(as_text=True)
    page = client.get(f"/partnerships/{partnership.id}?lang=en").get_data(as_text=True)
    assert f"/missions/{mission.id}" in page and f"/events/{event.id}" in page
    assert "Stuttgart" in page and "European cities" in page
