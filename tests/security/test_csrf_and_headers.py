"""CSRF on every state-changing route, security headers, cookies and the secret key."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from app import create_app
from core.extensions import db
from outbox.delivery import drain
from tests.security.route_matrix import cases_of, collect
from tests.security.walk import build_url, client_for, routes, sql_writes
from tests.security.world import PASSWORD, build_world


def test_every_write_without_csrf_token_is_refused(make_app: Callable[..., Flask]) -> None:
    """400 with a clear message and no SQL write, on every non-GET route, as admin."""
    protected = make_app(WTF_CSRF_ENABLED=True)
    world = build_world()
    matrix = collect()
    checked = 0
    for key, rule, method in routes(protected):
        if method == "GET":
            continue
        for case in cases_of(matrix.get(key, ())) or [None]:
            client = client_for(protected, "admin", world)
            url = build_url(protected, rule, case, world)
            data = dict(case.data(world)) if case and case.data else {}
            with protected.app_context(), sql_writes() as writes:
                response = client.open(url, method=method, data=data)
            assert response.status_code == 400, key
            page = response.get_data(as_text=True)
            assert "nothing was saved" in page, key
            assert not writes, f"{key} wrote without a CSRF token: {writes}"
            checked += 1
    assert checked >= 4


def test_valid_csrf_token_is_accepted(make_app: Callable[..., Flask]) -> None:
    protected = make_app(WTF_CSRF_ENABLED=True)
    world = build_world()
    client = client_for(protected, "anonymous", world)
    page = client.get("/login").get_data(as_text=True)
    token = page.split('name="csrf_token" type="hidden" value="', 1)[1].split('"', 1)[0]
    response = client.post("/login", data={"csrf_token": token, "email": "admin@world.example.org",
                                            "password": PASSWORD})
    assert response.status_code == 302


def test_security_headers_on_every_page(client: FlaskClient) -> None:
    for url in ("/", "/login", "/events/", "/does-not-exist"):
        headers = client.get(url).headers
        csp = headers["Content-Security-Policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["X-Frame-Options"] == "DENY"
        assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
        assert "Strict-Transport-Security" not in headers
    secure = client.get("/", base_url="https://helix.example.org")
    assert secure.headers["Strict-Transport-Security"].startswith("max-age=")


def test_secret_key_required_outside_development() -> None:
    base = {"SQLALCHEMY_DATABASE_URI": "sqlite://", "HELIX_ENV": "production"}
    for weak in ("", None, "short", " " * 16, " " * 64, "y" * 40, "ab" * 20):
        with pytest.raises(RuntimeError, match="SECRET_KEY"):
            create_app({**base, "SECRET_KEY": weak})
    app = create_app({**base, "SECRET_KEY": "Yq3-vW9pL0sX7tB2nM5cR8kD1fH4jG6a"})
    assert app.config["SESSION_COOKIE_SECURE"] is True
    assert app.config["REMEMBER_COOKIE_SECURE"] is True
    assert app.config["SESSION_COOKIE_HTTPONLY"] is True
    assert app.config["SESSION_COOKIE_SAMESITE"] == "Lax"
    assert app.config["SESSION_COOKIE_NAME"] == "__Host-helix"


def test_session_cookie_flags_in_production(
    app: Flask, database_url: str, tmp_path: Path
) -> None:
    """The ``app`` fixture is only there to empty the tables afterwards. The invitations
    of the world are queued in ``tmp_path`` and mailed there, not to the checkout's
    ``instance/queue.db`` and ``instance/outbox``."""
    production = create_app({"SQLALCHEMY_DATABASE_URI": database_url, "HELIX_ENV": "production",
                      "SECRET_KEY": "Yq3-vW9pL0sX7tB2nM5cR8kD1fH4jG6a", "PUBLIC_URL": "https://helix.example.org",
                      "WTF_CSRF_ENABLED": False, "MAIL_OUTBOX": str(tmp_path),
                      "HELIX_QUEUE_URL": f"sqlite:///{tmp_path / 'queue.db'}"})
    with production.app_context():
        world = build_world()
        client = production.test_client()
        response = client.post("/login", data={"email": world.users["admin"].email,
                                               "password": PASSWORD},
                               base_url="https://helix.example.org")
        cookie = response.headers["Set-Cookie"]
        drain()  # what the worker would do
        db.session.remove()
        db.engine.dispose()
    assert cookie.startswith("__Host-helix=")
    for flag in ("Secure", "HttpOnly", "SameSite=Lax", "Path=/"):
        assert flag in cookie
    assert "Domain=" not in cookie
    assert list(tmp_path.glob("*.eml")), "the world's invitations went elsewhere"


def test_forbidden_page_is_a_helix_page(make_app: Callable[..., Flask]) -> None:
    """403 answers with a localised page in the Helix layout, not Werkzeug's."""
    app = make_app()
    world = build_world()
    client = client_for(app, "delegate", world)
    response = client.get("/participants/organisations/new")
    assert response.status_code == 403
    page = response.get_data(as_text=True)
    assert "Not allowed" in page and "nothing was changed" in page
    assert 'href="/static/favicon.svg"' in page  # the layout, so no stray /favicon.ico 404
    response = client.get("/participants/organisations/new?lang=zh")
    assert response.status_code == 403 and "无权" in response.get_data(as_text=True)


def test_csrf_reason_is_localised(make_app: Callable[..., Flask]) -> None:
    """Flask-WTF's English reason is shown in the reader's language."""
    protected = make_app(WTF_CSRF_ENABLED=True)
    client = client_for(protected, "anonymous", build_world())
    page = client.post("/login?lang=zh", data={}).get_data(as_text=True)
    assert "表单缺少安全令牌。" in page and "The CSRF token is missing." not in page
    page = client.post("/login?lang=en", data={}).get_data(as_text=True)
    assert "security token is missing." in page
