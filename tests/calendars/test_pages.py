"""Pages: "Add to calendar", subscription help, and revoking a personal feed address."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask import Flask
from flask.testing import FlaskClient

from core.extensions import db


def test_event_page_offers_add_to_calendar(
    client: FlaskClient, make_event: Callable[..., Any]
) -> None:
    event = make_event()
    page = client.get(f"/events/{event.id}?lang=zh").get_data(as_text=True)
    assert f"/events/{event.id}.ics?lang=zh" in page
    assert "添加到日历" in page


def test_subscribe_page_gives_https_and_webcal(client: FlaskClient, world: dict[str, Any]) -> None:
    page = client.get("/calendar/?lang=en").get_data(as_text=True)
    assert "http://127.0.0.1:5000/calendar/programme.ics?lang=en" in page
    assert "webcal://127.0.0.1:5000/calendar/programme.ics?lang=en" in page
    assert "calendar.google.com/calendar/render?cid=webcal" in page
    assert "Outlook" in page and "Apple Calendar" in page
    assert "/calendar/u/" not in page  # anonymous: no personal feed


def test_delegate_sees_own_feed(
    client: FlaskClient, world: dict[str, Any], login: Callable[..., Any]
) -> None:
    login("delegate", participant_id=world["delegate"].id)
    page = client.get("/calendar/").get_data(as_text=True)
    assert f"/calendar/u/{world['delegate'].feed_token}.ics" in page
    assert world["other"].feed_token not in page
    assert "regenerate" not in page and "/token" not in page  # delegates cannot reset


def test_city_and_mission_pages_offer_feeds(client: FlaskClient, world: dict[str, Any]) -> None:
    page = client.get("/cities/chongqing").get_data(as_text=True)
    assert "/calendar/cities/chongqing.ics" in page


def test_regenerating_revokes_the_old_address(
    app: Flask, client: FlaskClient, world: dict[str, Any], login: Callable[..., Any]
) -> None:
    delegate = world["delegate"]
    old = delegate.feed_token
    assert client.get(f"/calendar/u/{old}.ics").status_code == 200
    login("organiser")
    page = client.get(f"/calendar/participants/{delegate.id}").get_data(as_text=True)
    assert f"/calendar/u/{old}.ics" in page
    response = client.post(
        f"/calendar/participants/{delegate.id}/token", data={"next": "https://evil.example/"}
    )
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/calendar/participants/{delegate.id}")
    db.session.refresh(delegate)
    assert delegate.feed_token != old and len(delegate.feed_token) >= 22
    assert client.get(f"/calendar/u/{old}.ics").status_code == 404
    assert client.get(f"/calendar/u/{delegate.feed_token}.ics").status_code == 200


def test_regenerating_needs_sign_in(client: FlaskClient, world: dict[str, Any]) -> None:
    old = world["delegate"].feed_token
    response = client.post(f"/calendar/participants/{world['delegate'].id}/token")
    assert response.status_code == 302
    assert "/login" in response.headers["Location"]
    db.session.refresh(world["delegate"])
    assert world["delegate"].feed_token == old


def test_regenerating_needs_permission(
    client: FlaskClient, world: dict[str, Any], login: Callable[..., Any]
) -> None:
    url = f"/calendar/participants/{world['delegate'].id}/token"
    login("delegate", participant_id=world["delegate"].id)
    assert client.post(url).status_code == 403
    assert client.get(f"/calendar/participants/{world['delegate'].id}").status_code == 403


def test_regenerating_needs_a_csrf_token(
    app: Flask, world: dict[str, Any], login: Callable[..., Any], client: FlaskClient
) -> None:
    app.config["WTF_CSRF_ENABLED"] = True
    login("organiser")
    old = world["delegate"].feed_token
    response = client.post(f"/calendar/participants/{world['delegate'].id}/token")
    assert response.status_code == 400
    db.session.refresh(world["delegate"])
    assert world["delegate"].feed_token == old
