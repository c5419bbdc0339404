"""Sign-in, sign-out, neutral failures and rate limiting (memory and Redis)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from flask import Flask
from flask.testing import FlaskClient
from werkzeug.security import generate_password_hash

from accounts.models import User
from accounts.services import create_user
from core.extensions import db

PASSWORD = "correct horse battery staple"
NEUTRAL = "E-mail or password is not right."


@pytest.fixture
def user(app: Flask) -> User:
    """An organiser who signs in with PASSWORD."""
    return create_user("li.na@example.org", PASSWORD, "organiser")


def _login(client: FlaskClient, email: str, password: str, next_url: str = "") -> object:
    url = "/login" + (f"?next={next_url}" if next_url else "")
    return client.post(url, data={"email": email, "password": password})


def test_sign_in_and_out(client: FlaskClient, user: User) -> None:
    response = _login(client, "Li.Na@Example.org", PASSWORD, next_url="/account/")
    assert response.status_code == 302
    assert response.location == "/account/"
    assert db.session.get(User, user.id).last_login_at is not None
    assert client.get("/account/").status_code == 200
    assert client.post("/logout").status_code == 302
    assert client.get("/account/").status_code == 302


def test_wrong_password_and_unknown_email_look_the_same(client: FlaskClient, user: User) -> None:
    wrong = _login(client, user.email, "not the password at all")
    unknown = _login(client, "nobody@example.org", "not the password at all")
    for response in (wrong, unknown):
        assert response.status_code == 200
        assert NEUTRAL in response.get_data(as_text=True)
    assert "nobody" not in unknown.get_data(as_text=True).replace(
        'value="nobody@example.org"', "")


def test_no_open_redirect_after_sign_in(client: FlaskClient, user: User) -> None:
    for target in ("//evil.example/x", "https://evil.example/", "/\\evil.example"):
        response = _login(client, user.email, PASSWORD, next_url=target)
        assert response.location == "/", target
        client.post("/logout")


def test_deactivated_user_cannot_sign_in_or_keep_session(client: FlaskClient, user: User) -> None:
    assert _login(client, user.email, PASSWORD).status_code == 302
    user.active = False
    db.session.commit()
    assert client.get("/account/").status_code == 302, "session no longer accepted"
    response = _login(client, user.email, PASSWORD)
    assert response.status_code == 200
    assert NEUTRAL in response.get_data(as_text=True)


def test_legacy_hash_is_upgraded_on_sign_in(client: FlaskClient, app: Flask) -> None:
    legacy = User(email="old@example.org", role="delegate",
                  password_hash=generate_password_hash(PASSWORD))
    db.session.add(legacy)
    db.session.commit()
    assert _login(client, "old@example.org", PASSWORD).status_code == 302
    db.session.refresh(legacy)
    assert legacy.password_hash.startswith("$argon2id$")


def _hammer(client: FlaskClient, email: str, times: int) -> list[int]:
    return [_login(client, email, "wrong password here").status_code for _ in range(times)]


def test_failed_sign_ins_are_limited_per_address(make_app: Callable[..., Flask],
                                                 user: User) -> None:
    limited = make_app(HELIX_LOGIN_LIMIT="3 per minute")
    client = limited.test_client()
    assert _hammer(client, "someone@example.org", 3) == [200, 200, 200]
    response = _login(client, user.email, PASSWORD)
    assert response.status_code == 429, "even the right password waits"
    assert "Too many sign-in attempts" in response.get_data(as_text=True)
    assert client.get("/login").status_code == 200, "only POST is limited"


def test_failed_sign_ins_are_limited_per_account(make_app: Callable[..., Flask],
                                                 user: User) -> None:
    limited = make_app(HELIX_LOGIN_ACCOUNT_LIMIT="2 per minute")
    first, second = limited.test_client(), limited.test_client()
    assert _hammer(first, user.email, 2) == [200, 200]
    environ = {"REMOTE_ADDR": "10.0.0.9"}
    response = second.post("/login", data={"email": user.email, "password": PASSWORD},
                           environ_base=environ)
    assert response.status_code == 429, "another address, same account"
    other = second.post("/login", data={"email": "x@example.org", "password": "nope"},
                        environ_base=environ)
    assert other.status_code == 200


def test_successful_sign_ins_are_not_counted(make_app: Callable[..., Flask],
                                             user: User) -> None:
    limited = make_app(HELIX_LOGIN_LIMIT="2 per minute")
    client = limited.test_client()
    for _ in range(4):
        assert _login(client, user.email, PASSWORD).status_code == 302
        client.post("/logout")


def test_database_storage_by_default(make_app: Callable[..., Flask]) -> None:
    plain = make_app(REDIS_URL=None, RATELIMIT_STORAGE_URI=None)
    assert plain.config["RATELIMIT_STORAGE_URI"] == "helix-db://"
