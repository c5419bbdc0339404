"""Indicators: the catalogue, recording values, counted values beside them, in both languages."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask.testing import FlaskClient
from sqlalchemy import func, select

from core.extensions import db
from events.models import Event
from indicators.catalogue import CATALOGUE
from indicators.models import IndicatorValue
from indicators.queries import counted
from programme.models import City, Partnership

BARCELONA = "barcelona-chengdu-guangzhou-yangzhou-liuzhou"


def _partnership(slug: str) -> Partnership:
    return db.session.scalar(select(Partnership).where(Partnership.slug == slug))


def test_catalogue_page_in_both_languages(organiser: FlaskClient) -> None:
    assert len({i.code for i in CATALOGUE}) == len(CATALOGUE) >= 15
    assert "High-level visits" in organiser.get("/indicators/").get_data(as_text=True)
    assert "接待的高层访问或代表团" in organiser.get("/indicators/?lang=zh").get_data(as_text=True)


def test_record_two_values_and_see_counted_ones(organiser: FlaskClient) -> None:
    partnership = _partnership(BARCELONA)
    url = f"/partnerships/{partnership.id}/indicators"
    for code, value in (("visitors", "1200"), ("students", "35")):
        response = organiser.post(f"{url}/record", data={
            "code": code, "year": "2019", "value": value, "source": "City statistics"})
        assert response.status_code == 302
    assert db.session.scalar(select(func.count(IndicatorValue.id)).where(
        IndicatorValue.partnership_id == partnership.id)) == 2
    page = organiser.get(f"{url}?lang=zh").get_data(as_text=True)
    assert "外国访客和游客" in page and "City statistics" in page
    events = db.session.scalar(select(func.count(Event.id)).where(
        Event.partnership_id == partnership.id))
    assert counted(partnership.id)["events"] == events
    assert "data-chart=" in page and "<script>" not in page


def test_bad_value_keeps_the_form_and_writes_nothing(organiser: FlaskClient) -> None:
    partnership = _partnership(BARCELONA)
    page = organiser.post(f"/partnerships/{partnership.id}/indicators/record?lang=zh", data={
        "code": "visitors", "year": "1800", "value": "-1"}).get_data(as_text=True)
    assert "记录数值" in page
    assert db.session.scalar(select(func.count(IndicatorValue.id))) == 0


def test_city_staff_record_only_for_their_partnerships(client: FlaskClient,
                                                       login: Callable[..., Any],
                                                       demo: dict[str, int]) -> None:
    partnership = _partnership(BARCELONA)
    malaga = _partnership("malaga-changchun-zhengzhou")
    liuzhou = db.session.scalar(select(City).where(City.slug == "liuzhou"))
    login("city_staff", city_id=liuzhou.id)
    data = {"code": "visitors", "year": "2020", "value": "5"}
    assert client.post(f"/partnerships/{malaga.id}/indicators/record",
                       data=data).status_code == 403
    assert client.post(f"/partnerships/{partnership.id}/indicators/record",
                       data=data).status_code == 302


def test_partnership_indicator_page_query_count_is_constant(
        organiser: FlaskClient, count_queries: Callable[[], Any]) -> None:
    partnership = _partnership(BARCELONA)
    url = f"/partnerships/{partnership.id}/indicators"
    db.session.expire_all()
    with count_queries() as few:
        organiser.get(url)
    db.session.add_all(IndicatorValue(code="visitors", partnership_id=partnership.id,
                                      year=2000 + n, value=n) for n in range(5))
    db.session.commit()
    db.session.expire_all()
    with count_queries() as many:
        organiser.get(url)
    assert len(many) == len(few)
