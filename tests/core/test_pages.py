"""The public pages render with the demo programme in both languages."""

import pytest
from flask.testing import FlaskClient
from sqlalchemy import select

from core.extensions import db
from events.models import Event
from missions.models import Mission

PUBLIC_PAGES = ["/", "/events/", "/missions/", "/cities/", "/partnerships/"]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_public_pages_render(client: FlaskClient, demo: dict[str, int], lang: str) -> None:
    for url in PUBLIC_PAGES:
        response = client.get(f"{url}?lang={lang}")
        assert response.status_code == 200, url


def test_home_shows_recent_events_with_cities(client: FlaskClient, demo: dict[str, int]) -> None:
    page = client.get("/?lang=en").get_data(as_text=True)
    assert "4th" in page or "Global" in page
    zh = client.get("/?lang=zh").get_data(as_text=True)
    assert "全球" in zh or "北京" in zh or "布鲁塞尔" in zh


def test_event_page_shows_venue_and_viewer_time(client: FlaskClient, demo: dict[str, int]) -> None:
    event = db.session.scalar(select(Event).where(Event.city_id.is_not(None))
                              .where(Event.timezone == "Asia/Shanghai").limit(1))
    client.set_cookie("helix_tz", "Europe/Rome")
    page = client.get(f"/events/{event.id}?lang=en").get_data(as_text=True)
    assert "CST" in page
    assert "CET" in page or "CEST" in page


def test_city_and_mission_pages(client: FlaskClient, demo: dict[str, int]) -> None:
    assert "重庆" in client.get("/cities/chongqing?lang=zh").get_data(as_text=True)
    mission = db.session.scalars(select(Mission)).first()
    assert client.get(f"/missions/{mission.id}").status_code == 200
    assert client.get("/missions/999999").status_code == 404
    assert client.get("/cities/atlantis").status_code == 404


def test_participants_are_private(client: FlaskClient, demo: dict[str, int], login) -> None:
    response = client.get("/participants/")
    assert response.status_code == 302
    assert response.location.startswith("/login?next=")
    login("organiser")
    assert client.get("/participants/").status_code == 200
