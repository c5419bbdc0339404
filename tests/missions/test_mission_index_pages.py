"""The missions index is paged: a bounded page and the same statements whatever the count."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from flask.testing import FlaskClient

from core.extensions import db
from missions.views.pages import PER_PAGE
from tests.events.factories import city, mission


def _missions(count: int, first: int = 0) -> None:
    for index in range(first, first + count):
        trip = mission(title_en=f"Trip {index:03d}", start=date(2018, 1, 1) + timedelta(days=index))
        trip.cities = [city("beijing"), city("yantai")]


def test_index_shows_one_page_newest_first_and_links_the_next(
        client: FlaskClient, login: Callable[..., Any]) -> None:
    login("organiser")
    _missions(PER_PAGE + 3)
    first = client.get("/missions/").get_data(as_text=True)
    assert f"Trip {PER_PAGE + 2:03d}" in first and "Trip 002" not in first
    assert first.count('class="fw-semibold"') == PER_PAGE
    assert "/missions/?page=2" in first
    second = client.get("/missions/?page=2").get_data(as_text=True)
    assert "Trip 000" in second and "Trip 002" in second and f"Trip {PER_PAGE:03d}" not in second
    assert client.get("/missions/?page=99").status_code == 200


def test_index_runs_the_same_statements_for_3_and_90_missions(
        client: FlaskClient, login: Callable[..., Any], count_queries: Callable[[], Any]) -> None:
    login("organiser")
    _missions(3)
    with count_queries() as few:
        assert client.get("/missions/").status_code == 200
    _missions(87, first=3)
    with count_queries() as many:
        assert client.get("/missions/").status_code == 200
    assert len(many) == len(few) <= 6


def test_index_filtered_by_city_pages_with_the_filter(
        client: FlaskClient, login: Callable[..., Any]) -> None:
    login("organiser")
    _missions(PER_PAGE + 1)
    rome_trip = mission(title_en="Rome trip")
    rome_trip.cities = [city("rome")]
    db.session.commit()
    rome = city("rome")
    page = client.get(f"/missions/?city={rome.id}&lang=en").get_data(as_text=True)
    assert "Rome trip" in page and "Trip 000" not in page and "Missions · Rome" in page
    beijing = client.get(f"/missions/?city={city('beijing').id}").get_data(as_text=True)
    assert f"/missions/?page=2&amp;city={city('beijing').id}" in beijing \
        or f"/missions/?city={city('beijing').id}&amp;page=2" in beijing
    for junk in ("abc", "0", "99999999999999999999"):
        assert client.get(f"/missions/?city={junk}").status_code == 200
    assert client.get("/missions/?city=%00").status_code == 400  # NUL: refused app-wide
