"""Helix reports (tables, charts, completeness) and the dashboard."""

import json
import re
from html import unescape

import pytest
from flask.testing import FlaskClient
from sqlalchemy import select

from core.extensions import db
from events.models import Event
from programme.models import Partnership


@pytest.fixture
def organiser(client: FlaskClient, login, demo) -> FlaskClient:
    login("organiser")
    return client


def _chart(page: str) -> dict:
    match = re.search(r"data-chart='([^']+)'", page)
    assert match, "no chart on the page"
    return json.loads(unescape(match.group(1)))


def _slug(model, slug: str):
    return db.session.scalar(select(model).where(model.slug == slug))


def test_barcelona_partnership_by_helix_role(organiser: FlaskClient) -> None:
    barcelona = _slug(Partnership, "barcelona-chengdu-guangzhou-yangzhou-liuzhou")
    page = organiser.get(f"/reports/partnerships/{barcelona.id}").get_data(as_text=True)
    assert "Barcelona – Chengdu" in page
    assert 'id="helix-table"' in page and 'id="helix-completeness"' in page
    chart = _chart(page)
    assert chart["labels"] == ["Government", "Industry", "Academia / research",
                               "Civil society / media"]
    assert {d["label"] for d in chart["datasets"]} <= {"Europe", "China", "International", "Other"}
    data = organiser.get(f"/reports/partnerships/{barcelona.id}.json").get_json()
    assert data["total"] == sum(data["by_role"].values()) > 0
    assert sum(sum(d["data"]) for d in chart["datasets"]) == data["total"]
    assert "Concept design for Liudong New District" in page  # outcome of the partnership


def test_fourth_global_event_by_helix_role(organiser: FlaskClient) -> None:
    global_event = _slug(Event, "iuc-4th-global-event-2020")
    data = organiser.get(f"/reports/events/{global_event.id}.json").get_json()
    assert data["total"] == 32  # 37 invited, less 3 declined and 2 no-shows
    # issue #12: the three IUC office staff in Beijing are international, not China
    assert data["by_side"]["international"] == 3
    assert data["by_side"]["eu"] + data["by_side"]["china"] == 29
    attended = organiser.get(f"/reports/events/{global_event.id}.json?basis=attended")
    assert attended.get_json()["total"] == 32
    page = organiser.get(f"/reports/events/{global_event.id}?lang=zh").get_data(as_text=True)
    assert "三螺旋" in page and "四螺旋" in page
    assert _chart(page)["labels"][0] == "政府"
    assert '<script src="/static/vendor/chartjs/chart.umd.min.js"></script>' in page
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", page)  # no inline scripts


@pytest.mark.parametrize("scope", ["missions", "cities", "themes"])
def test_other_scopes_render(organiser: FlaskClient, scope: str) -> None:
    model = {"missions": "missions.models.Mission", "cities": "programme.models.City",
             "themes": "programme.models.Theme"}[scope]
    module, name = model.rsplit(".", 1)
    cls = getattr(__import__(module, fromlist=[name]), name)
    first = db.session.scalar(select(cls.id).order_by(cls.id))
    assert organiser.get(f"/reports/{scope}/{first}").status_code == 200
    assert organiser.get(f"/reports/{scope}/999999").status_code == 404


def test_reports_are_for_organisers(client: FlaskClient, login, demo) -> None:
    assert client.get("/reports/dashboard").status_code in (302, 401)
    login("delegate")
    assert client.get("/reports/dashboard").status_code == 403


def test_dashboard_indicators(organiser: FlaskClient) -> None:
    page = organiser.get("/reports/dashboard").get_data(as_text=True)
    for section in ("indicator-delegations", "indicator-partnerships", "indicator-roles",
                    "indicator-outcomes"):
        assert f'id="{section}"' in page
    assert page.count("data-chart=") == 4
    assert 'data-kind="mou">MoU: <strong>' in page
    assert "MoU between Yantai University and Tuscia University" in page


def test_report_people_as_csv(organiser: FlaskClient) -> None:
    global_event = _slug(Event, "iuc-4th-global-event-2020")
    response = organiser.get(f"/reports/events/{global_event.id}.csv")
    assert response.mimetype == "text/csv"
    lines = response.get_data().decode("utf-8-sig").splitlines()
    assert lines[0].startswith("name,name_zh,email")
    assert len(lines) == 1 + 32
    assert any("周华" in line for line in lines)
