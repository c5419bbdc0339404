"""The JSON API's event endpoints: OpenAPI document, policy, pagination, ETag, problems."""

from __future__ import annotations

import pytest
from flask import Flask

from tests.security.walk import client_for
from tests.security.world import World, build_world


@pytest.fixture
def world(app: Flask) -> World:
    """The security world (a public Liuzhou event, an internal Chengdu one)."""
    return build_world()


def test_openapi_document_is_3_1(app: Flask, world: World) -> None:
    response = client_for(app, "anonymous", world).get("/api/v1/openapi.json")
    assert response.status_code == 200
    document = response.get_json()
    assert document["openapi"] == "3.1.0"
    assert "/api/v1/events/" in document["paths"]


def test_visitors_see_only_public_events(app: Flask, world: World) -> None:
    ids = {e["id"] for e in client_for(app, "anonymous", world).get("/api/v1/events/").get_json()}
    assert ids == {world.public_event.id}
    ids = {e["id"] for e in client_for(app, "delegate", world).get("/api/v1/events/").get_json()}
    assert ids == {world.public_event.id, world.internal_event.id}


def test_internal_event_is_404_for_visitors(app: Flask, world: World) -> None:
    url = f"/api/v1/events/{world.internal_event.id}"
    response = client_for(app, "anonymous", world).get(url)
    assert response.status_code == 404
    assert response.content_type == "application/problem+json"
    assert response.get_json()["status"] == 404
    assert client_for(app, "organiser", world).get(url).status_code == 200


def test_pagination_headers_and_bounds(app: Flask, world: World) -> None:
    client = client_for(app, "organiser", world)
    response = client.get("/api/v1/events/?per_page=1&page=2")
    assert response.status_code == 200
    assert response.headers["X-Total-Count"] == "2"
    assert len(response.get_json()) == 1
    assert 'rel="prev"' in response.headers["Link"]
    assert 'rel="next"' not in response.headers["Link"]
    for bad in ("per_page=0", "per_page=101", "page=0", f"page={2**63}", "page=x"):
        assert client.get(f"/api/v1/events/?{bad}").status_code == 422, bad


def test_hostile_ids_are_404(app: Flask, world: World) -> None:
    client = client_for(app, "organiser", world)
    assert client.get(f"/api/v1/events/{2**63}").status_code == 404
    assert client.get("/api/v1/events/%00").status_code == 400  # NUL is refused app-wide


def test_etag_gives_304(app: Flask, world: World) -> None:
    client = client_for(app, "organiser", world)
    first = client.get("/api/v1/events/")
    etag = first.headers["ETag"]
    again = client.get("/api/v1/events/", headers={"If-None-Match": etag})
    assert again.status_code == 304


def test_problems_in_english_and_chinese(app: Flask, world: World) -> None:
    client = client_for(app, "anonymous", world)
    url = f"/api/v1/events/{world.internal_event.id}"
    english = client.get(url, headers={"Accept-Language": "en"})
    assert english.get_json()["title"] == "Not found"
    chinese = client_for(app, "anonymous", world).get(url, headers={"Accept-Language": "zh"})
    assert chinese.get_json()["title"] == "未找到"
    assert chinese.headers["Content-Language"] == "zh"


def test_filters_by_city_kind_and_bounded_dates(app: Flask, world: World) -> None:
    client = client_for(app, "organiser", world)

    def ids(query: str) -> set[int]:
        response = client.get(f"/api/v1/events/?{query}")
        assert response.status_code == 200, response.get_json()
        return {e["id"] for e in response.get_json()}

    assert ids(f"city={world.chengdu.id}") == {world.internal_event.id}
    assert ids("kind=field_visit") == {world.public_event.id, world.internal_event.id}
    assert ids("kind=webinar") == set()
    day = world.internal_event.starts_at.date().isoformat()
    assert world.internal_event.id in ids(f"date_from={day}&date_to={day}")
    assert ids("date_to=1970-01-01") == set()
    for bad in ("date_from=9999-01-01", "date_to=1969-12-31", "kind=nope", f"city={2**63}"):
        response = client.get(f"/api/v1/events/?{bad}")
        assert response.status_code == 422, bad
        assert response.content_type == "application/problem+json"
        assert "errors" in response.get_json()


@pytest.mark.parametrize(("query", "english", "chinese"), [
    ("date_from=2020-05-02&date_to=2020-05-01", "The last day must not be before the first day.",
     "最后一天不能早于第一天。"),
    ("date_from=1970-01-01&date_to=2100-12-31", "The range may span at most 3660 days.",
     "时间范围最长为 3660 天。"),
])
def test_an_unsound_date_window_is_a_400_problem_in_the_readers_language(
        app: Flask, world: World, query: str, english: str, chinese: str) -> None:
    client = client_for(app, "organiser", world)
    for language, message in (("en", english), ("zh", chinese)):
        response = client.get(f"/api/v1/events/?{query}", headers={"Accept-Language": language})
        assert response.status_code == 400, response.get_json()
        assert response.content_type == "application/problem+json"
        body = response.get_json()
        assert body["status"] == 400 and body["detail"] == message
        assert response.headers["Content-Language"] == language
    longest = "date_from=2020-01-01&date_to=2030-01-07"  # 3660 days, first and last included
    assert client.get(f"/api/v1/events/?{longest}").status_code == 200
    assert client.get("/api/v1/events/?date_from=2020-01-01&date_to=2030-01-08").status_code == 400
    assert client.get("/api/v1/events/?date_from=2020-05-01&date_to=2020-05-01").status_code == 200
