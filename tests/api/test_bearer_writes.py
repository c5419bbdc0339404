"""Bearer tokens on the API: reads, scopes, revocation, and the writes (answer, edit, cancel)."""

from __future__ import annotations

from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from accounts.models import ApiToken
from accounts.services import create_token, revoke_token
from core.extensions import db
from tests.security.walk import client_for
from tests.security.world import DELEGATE_TOKEN, World, build_world


@pytest.fixture
def world(app: Flask) -> World:
    """The security world; the delegate holds the read-write ``DELEGATE_TOKEN``."""
    return build_world()


def bearer(secret: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {secret}"}


def token_for(world: World, role: str, scopes: list[str]) -> str:
    return create_token(world.users[role], role, scopes)[1]


def token_named(name: str) -> ApiToken:
    return db.session.scalars(select(ApiToken).where(ApiToken.name == name)).one()


def anonymous(app: Flask, world: World) -> FlaskClient:
    return client_for(app, "anonymous", world)


def is_problem(response: Any, status: int) -> bool:
    return (response.status_code == status
            and response.content_type == "application/problem+json"
            and response.get_json()["status"] == status)


def test_bearer_reads_as_its_user_without_session(app: Flask, world: World) -> None:
    response = anonymous(app, world).get("/api/v1/events/", headers=bearer(DELEGATE_TOKEN))
    assert response.status_code == 200
    assert {e["id"] for e in response.get_json()} == {world.public_event.id,
                                                       world.internal_event.id}
    assert "Set-Cookie" not in response.headers
    assert {e["id"] for e in anonymous(app, world).get("/api/v1/events/").get_json()} == {
        world.public_event.id}


def test_invalid_and_revoked_tokens_are_401(app: Flask, world: World) -> None:
    secret = token_for(world, "organiser", ["read"])
    url = f"/api/v1/events/{world.internal_event.id}"
    assert anonymous(app, world).get(url, headers=bearer(secret)).status_code == 200
    assert token_named("organiser").last_used_at is not None
    revoke_token(token_named("organiser"))
    for headers in (bearer(secret), bearer("nope"), bearer("x" * 5000),
                    {"Authorization": "Basic a"}, {"Authorization": "Bearer"}):
        response = anonymous(app, world).get(url, headers=headers)
        assert is_problem(response, 401), headers
        assert response.headers["WWW-Authenticate"].startswith("Bearer")
    chinese = anonymous(app, world).get(url, headers={**bearer("nope"), "Accept-Language": "zh"})
    assert chinese.get_json()["title"] == "需要身份验证"


def test_read_only_token_may_not_write(app: Flask, world: World) -> None:
    secret = token_for(world, "delegate", ["read"])
    url = f"/api/v1/invitations/{world.own_invitation.id}/answer"
    response = anonymous(app, world).post(url, json={"status": "accepted"}, headers=bearer(secret))
    assert is_problem(response, 403)
    assert world.own_invitation.status == "invited"


def test_delegate_answers_own_invitation_not_others(app: Flask, world: World) -> None:
    own = f"/api/v1/invitations/{world.own_invitation.id}/answer"
    response = anonymous(app, world).post(own, json={"status": "tentative"},
                                          headers=bearer(DELEGATE_TOKEN))
    assert response.status_code == 200, response.get_json()
    assert response.get_json()["status"] == "tentative"
    db.session.refresh(world.own_invitation)
    assert world.own_invitation.status == "tentative"
    other = f"/api/v1/invitations/{world.other_invitation.id}/answer"
    response = anonymous(app, world).post(other, json={"status": "accepted"},
                                          headers=bearer(DELEGATE_TOKEN))
    assert is_problem(response, 404)
    for body in ({"status": "attended"}, {"status": 3}, {}, ["x"], {"status": "a\x00"}):
        response = anonymous(app, world).post(own, json=body, headers=bearer(DELEGATE_TOKEN))
        assert is_problem(response, 422), body


def test_anonymous_writes_are_401(app: Flask, world: World) -> None:
    response = anonymous(app, world).post(
        f"/api/v1/invitations/{world.own_invitation.id}/answer", json={"status": "accepted"})
    assert is_problem(response, 401)
    assert "WWW-Authenticate" in response.headers


def test_patch_needs_current_version(app: Flask, world: World) -> None:
    secret = token_for(world, "organiser", ["read", "write"])
    url = f"/api/v1/events/{world.public_event.id}"
    client = anonymous(app, world)
    read = client.get(url, headers=bearer(secret))
    etag, version = read.headers["ETag"], read.get_json()["version"]
    assert is_problem(client.patch(url, json={"title_en": "New"}, headers=bearer(secret)), 428)
    response = client.patch(url, json={"title_en": "New"},
                            headers={**bearer(secret), "If-Match": etag})
    assert response.status_code == 200, response.get_json()
    assert response.get_json()["title_en"] == "New"
    assert response.get_json()["version"] == version + 1
    stale_etag = client.patch(url, json={"title_en": "Again"},
                              headers={**bearer(secret), "If-Match": etag})
    assert is_problem(stale_etag, 412)
    stale_version = client.patch(url, json={"title_zh": "再"},
                                 headers={**bearer(secret), "If-Match": f'"{version}"'})
    assert is_problem(stale_version, 409)
    assert "detail" in stale_version.get_json()
    fresh = client.patch(url, json={"description_zh": "说明"},
                         headers={**bearer(secret), "If-Match": str(version + 1)})
    assert fresh.status_code == 200
    db.session.refresh(world.public_event)
    assert world.public_event.title_en == "New" and world.public_event.description_zh == "说明"


def test_patch_refuses_hostile_bodies(app: Flask, world: World) -> None:
    secret = token_for(world, "organiser", ["read", "write"])
    url = f"/api/v1/events/{world.public_event.id}"
    headers = {**bearer(secret), "If-Match": "*"}
    client = anonymous(app, world)
    for body in ({"title_en": "a\x00b"}, {"title_en": "x" * 100_000}, {"title_en": 5},
                 {"description_en": ["x"]}, {}, {"title_en": None, "title_zh": ""},
                 {"status": "cancelled"}, [1, 2], "text"):
        response = client.patch(url, json=body, headers=headers)
        assert is_problem(response, 422), (body, response.status_code)
    raw = client.patch(url, data=b"{not json", headers={**headers,
                                                       "Content-Type": "application/json"})
    assert raw.status_code in (400, 422) and raw.content_type == "application/problem+json"
    db.session.refresh(world.public_event)
    assert world.public_event.title_en == "Visit liuzhou-visit"


def test_cancel_follows_the_policy(app: Flask, world: World) -> None:
    staff = token_for(world, "city_staff", ["read", "write"])
    other = f"/api/v1/events/{world.chengdu_event.id}/cancel"
    any_version = {"If-Match": "*"}
    assert is_problem(anonymous(app, world).post(
        other, headers={**bearer(staff), **any_version}), 403)
    assert is_problem(anonymous(app, world).post(
        other, headers={**bearer(DELEGATE_TOKEN), **any_version}), 403)
    own = f"/api/v1/events/{world.liuzhou_event.id}/cancel"
    assert is_problem(anonymous(app, world).post(own, headers=bearer(staff)), 428)
    response = anonymous(app, world).post(own, headers={**bearer(staff), "If-Match": "1"})
    assert response.status_code == 200
    assert response.get_json()["status"] == "cancelled"
    db.session.refresh(world.chengdu_event)
    assert world.chengdu_event.status == "confirmed"


def test_session_writes_need_csrf(make_app: Any) -> None:
    protected = make_app(WTF_CSRF_ENABLED=True)
    world = build_world()
    client = client_for(protected, "delegate", world)
    url = f"/api/v1/invitations/{world.own_invitation.id}/answer"
    with protected.app_context():
        response = client.post(url, json={"status": "accepted"})
        assert is_problem(response, 400)
        assert "nothing was saved" in response.get_json()["detail"]
        with_token = client.post(url, json={"status": "accepted"},
                                 headers=bearer(DELEGATE_TOKEN))
        assert with_token.status_code == 200
