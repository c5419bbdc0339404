"""Managing cities and themes: create, edit, archive and restore through the pages, with
validation next to the fields, permissions by role and city, the audit log and both
languages."""

from collections.abc import Callable
from datetime import time
from typing import Any

from flask.testing import FlaskClient
from sqlalchemy import select

from audit.models import AuditEntry
from core.extensions import db
from programme.models import City, Theme

CITY = {"name_en": "Málaga", "name_zh": "马拉加", "name_pinyin": "malajia", "slug": "",
        "country": "ES", "region_en": "Andalusia", "region_zh": "安达卢西亚", "side": "eu",
        "timezone": "Europe/Madrid", "latitude": "36.72", "longitude": "-4.42",
        "population": "578460", "area_km2": "398.25", "cohort_year": "2017",
        "cohort_end_year": "2019", "key_contact": "Ana López", "work_start": "09:00",
        "work_end": "18:00", "work_days": ["0", "1", "2", "3", "4"]}


def _city(slug: str = "liuzhou", **fields: Any) -> City:
    values = {"name_en": slug.title(), "name_zh": "柳州", "country": "CN", "latitude": 24.3,
              "longitude": 109.4, "timezone": "Asia/Shanghai", "side": "china", **fields}
    city = City(slug=slug, **values)
    db.session.add(city)
    db.session.commit()
    return city


def _stored(slug: str) -> City | None:
    return db.session.scalar(select(City).where(City.slug == slug))


def test_organiser_creates_a_city_with_a_generated_slug_and_an_audit_entry(
        client: FlaskClient, login: Callable[..., Any]) -> None:
    login("organiser")
    response = client.post("/cities/new", data=CITY)
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/cities/malaga")
    city = _stored("malaga")
    assert city is not None and city.name_zh == "马拉加" and city.population == 578460
    assert (city.cohort, city.latitude, city.region_zh) == ("2017–2019", 36.72, "安达卢西亚")
    entry = db.session.scalar(select(AuditEntry).where(AuditEntry.object_type == "city"))
    assert entry is not None and entry.action == "created"
    page = client.get("/cities/malaga?lang=en").get_data(as_text=True)
    assert "Málaga" in page and "History" in page


def test_errors_are_next_to_the_fields_and_the_input_is_kept(
        client: FlaskClient, login: Callable[..., Any]) -> None:
    login("organiser")
    bad = {**CITY, "timezone": "Mars/Olympus", "latitude": "91", "longitude": "nan",
           "cohort_year": "2019", "cohort_end_year": "2017", "slug": "Bad Slug",
           "sdgs": "x", "country": "QQ"}
    page = client.post("/cities/new?lang=en", data=bad).get_data(as_text=True)
    assert "Unknown time zone" in page
    assert "Enter a latitude between -90 and 90." in page
    assert "Enter a number." in page
    assert "The last year cannot be before the first." in page
    assert "Use lower-case letters, digits and single hyphens" in page
    assert 'value="Bad Slug"' in page and 'value="Ana López"' in page
    assert 'id="timezone-errors"' in page
    assert _stored("malaga") is None


def test_duplicate_and_reserved_slugs_are_field_errors(
        client: FlaskClient, login: Callable[..., Any]) -> None:
    _city("malaga")
    login("organiser")
    for slug in ("", "malaga", "new"):
        response = client.post("/cities/new?lang=en", data={**CITY, "slug": slug})
        assert response.status_code == 200
        assert "This short name is already used" in response.get_data(as_text=True)
    assert db.session.scalars(select(City.slug)).all() == ["malaga"]


def test_hostile_input_never_gives_a_500(client: FlaskClient,
                                         login: Callable[..., Any]) -> None:
    login("organiser")
    assert client.post("/cities/new", data={**CITY, "name_en": "a\x00b"}).status_code == 400
    huge = "x" * 100_000
    response = client.post("/cities/new?lang=en", data={**CITY, "name_en": huge,
                                                        "population": "9" * 100_000})
    assert response.status_code == 200
    assert "At most 120 characters." in response.get_data(as_text=True)
    assert client.post("/cities/new", data={**CITY, "latitude": huge}).status_code == 200


def test_edit_keeps_zero_coordinates_and_records_the_change(
        client: FlaskClient, login: Callable[..., Any]) -> None:
    city = _city("null-island", latitude=0.0, longitude=0.0)
    login("organiser")
    data = {**CITY, "name_en": "Null Island", "slug": "null-island", "latitude": "0",
            "longitude": "0", "key_contact": "Someone"}
    assert client.post("/cities/null-island/edit", data=data).status_code == 302
    db.session.refresh(city)
    assert (city.latitude, city.key_contact) == (0.0, "Someone")
    entry = db.session.scalar(select(AuditEntry).where(AuditEntry.action == "changed"))
    assert entry is not None and entry.changes["key_contact"] == [None, "Someone"]


def test_city_staff_edit_their_own_city_only(client: FlaskClient,
                                            login: Callable[..., Any]) -> None:
    own = _city("liuzhou")
    _city("chengdu")
    login("city_staff", city_id=own.id)
    assert client.get("/cities/liuzhou/edit").status_code == 200
    assert client.get("/cities/chengdu/edit").status_code == 403
    assert client.post("/cities/chengdu/edit", data={**CITY, "slug": "chengdu"}
                       ).status_code == 403
    assert client.get("/cities/new").status_code == 403
    assert client.post("/cities/liuzhou/archive").status_code == 403
    edited = {**CITY, "name_en": "Liuzhou", "slug": "liuzhou", "key_contact": "Wang Fang"}
    assert client.post("/cities/liuzhou/edit", data=edited).status_code == 302
    assert _stored("liuzhou").key_contact == "Wang Fang"
    own_page = client.get("/cities/liuzhou?lang=en").get_data(as_text=True)
    other_page = client.get("/cities/chengdu?lang=en").get_data(as_text=True)
    assert 'href="/cities/liuzhou/edit"' in own_page
    assert 'href="/cities/chengdu/edit"' not in other_page
    assert "/archive" not in own_page and "New city" not in client.get("/cities/").get_data(
        as_text=True)


def test_working_hours_and_days_are_edited_checked_and_audited(
        client: FlaskClient, login: Callable[..., Any]) -> None:
    city = _city("liuzhou")
    assert (city.work_start, city.work_end, city.work_days) == (time(9), time(18), "01234")
    login("organiser")
    page = client.get("/cities/liuzhou/edit?lang=en").get_data(as_text=True)
    assert 'value="09:00"' in page and 'value="18:00"' in page
    assert page.count('name="work_days"') == 8 and page.count("checked") == 5
    edited = {**CITY, "name_en": "Liuzhou", "slug": "liuzhou", "work_start": "08:30",
              "work_end": "17:30", "work_days": ["", "5", "0", "1", "2", "3", "4", "0"]}
    assert client.post("/cities/liuzhou/edit", data=edited).status_code == 302
    db.session.refresh(city)
    assert (city.work_start, city.work_end, city.work_days) == (time(8, 30), time(17, 30),
                                                                "012345")
    entry = db.session.scalar(select(AuditEntry).where(AuditEntry.action == "changed"))
    assert entry is not None and entry.changes["work_days"] == ["01234", "012345"]
    assert "08:30–17:30 · Mon, Tue, Wed, Thu, Fri, Sat" in client.get(
        "/cities/liuzhou?lang=en").get_data(as_text=True)
    for bad, message in ((dict(work_end="08:00"), "The working day must end after it starts."),
                         (dict(work_days=[""]), "Tick at least one working day."),
                         (dict(work_days=["7"]), "Choose one of the options in the list."),
                         (dict(work_start="25:00"), "Enter a time, e.g. 09:00.")):
        page = client.post("/cities/liuzhou/edit?lang=en", data={**edited, **bad})
        assert page.status_code == 200 and message in page.get_data(as_text=True)
    chinese = client.get("/cities/liuzhou/edit?lang=zh").get_data(as_text=True)
    assert "星期六" in chinese and "工作日" in chinese


def test_visitors_see_no_management_links(client: FlaskClient) -> None:
    _city("liuzhou")
    assert "/cities/new" not in client.get("/cities/").get_data(as_text=True)
    assert "/edit" not in client.get("/cities/liuzhou").get_data(as_text=True)
    assert client.get("/cities/new").status_code == 302  # to sign in


def test_archived_city_leaves_the_choices_but_keeps_its_page(
        client: FlaskClient, login: Callable[..., Any]) -> None:
    _city("liuzhou")
    _city("chengdu", name_en="Chengdu")
    login("organiser")
    assert client.post("/cities/chengdu/archive").status_code == 302
    assert _stored("chengdu").archived_at is not None
    form = client.get("/events/new?lang=en").get_data(as_text=True)
    assert ">Liuzhou<" in form and ">Chengdu<" not in form
    listing = client.get("/cities/?lang=en").get_data(as_text=True)
    assert "/cities/chengdu" not in listing
    shown = client.get("/cities/?archived=1&lang=en").get_data(as_text=True)
    assert "/cities/chengdu" in shown and "Archived" in shown
    page = client.get("/cities/chengdu?lang=zh").get_data(as_text=True)
    assert "已归档" in page and "恢复" in page
    assert client.post("/cities/chengdu/restore").status_code == 302
    assert _stored("chengdu").archived_at is None
    assert ">Chengdu<" in client.get("/events/new?lang=en").get_data(as_text=True)


def test_themes_list_create_edit_archive(client: FlaskClient,
                                         login: Callable[..., Any]) -> None:
    login("organiser")
    data = {"name_en": "Green mobility", "name_zh": "绿色交通", "slug": "",
            "sdgs": "11, 9, 11", "urban_agenda": "Urban mobility"}
    assert client.post("/themes/new", data=data).status_code == 302
    theme = db.session.scalar(select(Theme).where(Theme.slug == "green-mobility"))
    assert theme is not None and theme.sdgs == "9,11"
    bad = client.post("/themes/green-mobility/edit?lang=en", data={**data, "sdgs": "18"})
    assert "Enter goal numbers from 1 to 17" in bad.get_data(as_text=True)
    assert client.post("/themes/new?lang=en", data=data).status_code == 200  # slug taken
    assert client.post("/themes/green-mobility/archive").status_code == 302
    assert "green-mobility" not in client.get("/themes/").get_data(as_text=True)
    chinese = client.get("/themes/?archived=1&lang=zh").get_data(as_text=True)
    assert "绿色交通" in chinese and "已归档" in chinese and "新建主题" in chinese
    english = client.get("/themes/?archived=1&lang=en").get_data(as_text=True)
    assert "Green mobility" in english and "New theme" in english


def test_city_form_in_chinese(client: FlaskClient, login: Callable[..., Any]) -> None:
    login("organiser")
    page = client.get("/cities/new?lang=zh").get_data(as_text=True)
    assert "新建城市" in page and "纬度" in page and "西班牙" in page
    errors = client.post("/cities/new?lang=zh", data={**CITY, "latitude": "-91"})
    assert "请输入 -90 到 90 之间的纬度。" in errors.get_data(as_text=True)
