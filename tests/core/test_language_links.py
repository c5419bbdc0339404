"""The language switcher is built from the request's path and query, never through
``url_for(**request.args)``; foreign Host headers never reach a link."""

from __future__ import annotations

import secrets
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from app import create_app
from tests.events.factories import event

RESERVED = ["_external=1", "_anchor=x", "_method=POST", "_scheme=https", "event_id=5",
            "lang=zh&lang=en", "%FF=%FE", "next=%0a"]


@pytest.mark.parametrize("query", RESERVED)
def test_reserved_arguments_do_not_break_a_page(client: FlaskClient, app: Flask,
                                                query: str) -> None:
    made = event("Webinar")
    for path in ("/", f"/events/{made.id}", "/events/"):
        response = client.get(f"{path}?{query}", headers={"Host": "evil.example"})
        assert response.status_code == 200, (path, query)
        assert "evil.example" not in response.get_data(as_text=True)


def test_the_switch_keeps_path_and_query_and_replaces_lang(client: FlaskClient,
                                                           app: Any) -> None:
    page = client.get("/events/?q=a%26b&lang=en&page=2").get_data(as_text=True)
    assert 'href="/events/?q=a%26b&amp;page=2&amp;lang=zh"' in page


def test_production_refuses_foreign_hosts(database_url: str) -> None:
    production = create_app({"SQLALCHEMY_DATABASE_URI": database_url, "HELIX_ENV": "production",
                             "SECRET_KEY": secrets.token_urlsafe(32),
                             "PUBLIC_URL": "https://helix.example.org"})
    client = production.test_client()
    assert production.config["TRUSTED_HOSTS"] == ["helix.example.org"]
    assert client.get("/", base_url="https://helix.example.org").status_code == 200
    refused = client.get("/?_external=1", base_url="https://evil.example")
    assert refused.status_code == 400
    assert "evil.example" not in refused.get_data(as_text=True)
