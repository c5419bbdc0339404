"""Every user-chosen ``next`` (sign-in, calendar token reset) stays on this site."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from accounts.services import create_user
from core.extensions import db
from participants.models import Participant

PASSWORD = "correct horse battery staple"
# Raw query strings: the percent escapes reach the view decoded (tab, newline, CR).
HOSTILE_QUERIES = ["/%09/evil.example/path", "/%0a/x", "/%0d%0a/evil.example", "%2F%2Fevil.example",
                   "/%5Cevil.example", "https://evil.example/", "/%00/x", "%20//evil.example"]


@pytest.mark.parametrize("raw", HOSTILE_QUERIES)
def test_sign_in_never_redirects_off_site(client: FlaskClient, app: Flask, raw: str) -> None:
    create_user("li.na@example.org", PASSWORD, "organiser")
    response = client.post(f"/login?next={raw}",
                           data={"email": "li.na@example.org", "password": PASSWORD})
    assert response.status_code == 302
    assert response.headers["Location"] == "/"


def test_sign_in_follows_a_local_next(client: FlaskClient, app: Flask) -> None:
    create_user("li.na@example.org", PASSWORD, "organiser")
    response = client.post("/login?next=/events/%3Fq%3Da",
                           data={"email": "li.na@example.org", "password": PASSWORD})
    assert response.headers["Location"] == "/events/?q=a"


@pytest.mark.parametrize("target", ["/\t/evil.example/path", "/\n/x", "//evil.example",
                                    "/\\evil.example", " /x"])
def test_token_reset_never_redirects_off_site(client: FlaskClient, login: Callable[..., Any],
                                              target: str) -> None:
    login("organiser")
    person = Participant(name="Li Wei", email="li.wei@example.cn", helix_role="government")
    db.session.add(person)
    db.session.commit()
    response = client.post(f"/calendar/participants/{person.id}/token", data={"next": target})
    assert response.status_code == 302
    assert response.headers["Location"] == f"/calendar/participants/{person.id}"
