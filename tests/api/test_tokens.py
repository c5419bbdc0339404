"""Personal API tokens on /account/tokens: shown once, stored hashed, listed, revoked."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any

from flask.testing import FlaskClient
from sqlalchemy import select

from accounts.models import ApiToken, User
from accounts.services import create_token
from audit.models import AuditEntry
from core.extensions import db


def _secret(page: str) -> str:
    return page.split('id="token-secret">', 1)[1].split("<", 1)[0]


def test_token_is_shown_once_and_stored_hashed(client: FlaskClient,
                                               login: Callable[..., Any]) -> None:
    user = login("delegate")
    response = client.post("/account/tokens", data={"name": "Sync script", "access": "read"})
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    secret = _secret(response.get_data(as_text=True))
    assert len(secret) >= 43
    token = db.session.scalar(select(ApiToken).where(ApiToken.user_id == user.id))
    assert token.name == "Sync script" and token.scopes == "read"
    assert token.token_hash == hashlib.sha256(secret.encode()).hexdigest()
    assert token.prefix == secret[:8]
    stored = {str(getattr(token, c.key)) for c in ApiToken.__table__.columns}
    assert secret not in stored
    again = client.get("/account/tokens").get_data(as_text=True)
    assert secret not in again and f"{token.prefix}…" in again and "Never" in again
    query = select(AuditEntry).where(AuditEntry.object_type == "apitoken")
    entries = list(db.session.scalars(query))
    assert [e.action for e in entries] == ["created"]
    assert secret not in str(entries[0].changes) and token.token_hash not in str(entries[0].changes)


def test_failed_form_keeps_input_and_shows_error_in_chinese(client: FlaskClient,
                                                            login: Callable[..., Any]) -> None:
    login("delegate")
    response = client.post("/account/tokens?lang=zh", data={"name": "", "access": "root"},
                           headers={"Accept-Language": "zh"})
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "token-secret" not in page
    assert "请为令牌命名" in page and "API 令牌" in page
    assert db.session.scalar(select(ApiToken)) is None
    long_name = client.post("/account/tokens?lang=en", data={"name": "x" * 81, "access": "read"})
    page = long_name.get_data(as_text=True)
    assert "At most 80 characters." in page and 'value="' + "x" * 81 + '"' in page
    huge = client.post("/account/tokens", data={"name": "y" * 100_000, "access": "read"})
    assert huge.status_code in (200, 413)
    nul = client.post("/account/tokens", data={"name": "a\x00b", "access": "read"})
    assert nul.status_code == 400


def test_revoke_own_token_only(client: FlaskClient, login: Callable[..., Any]) -> None:
    someone = User(email="someone@example.org", role="organiser", password_hash="x")
    db.session.add(someone)
    db.session.commit()
    theirs, _secret_value = create_token(someone, "Theirs", ["read"])
    owner = login("organiser")
    client.post("/account/tokens", data={"name": "Mine", "access": "read write"})
    token = db.session.scalar(select(ApiToken).where(ApiToken.user_id == owner.id))
    assert token.allows("write") and token.allows("read")
    assert client.post(f"/account/tokens/{theirs.id}/revoke").status_code == 404
    assert client.post(f"/account/tokens/{2**40}/revoke").status_code == 404
    response = client.post(f"/account/tokens/{token.id}/revoke")
    assert response.status_code == 302
    db.session.refresh(token)
    db.session.refresh(theirs)
    assert token.revoked_at is not None and theirs.revoked_at is None
    page = client.get("/account/tokens", headers={"Accept-Language": "zh"}).get_data(as_text=True)
    assert "已于" in page and "撤销" in page
