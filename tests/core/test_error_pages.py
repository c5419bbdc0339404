"""Error pages: the Helix layout, the reader's language, nothing of the request repeated."""

from __future__ import annotations

import secrets

from flask import Flask
from flask.testing import FlaskClient

from app import create_app

SECRET = "s3cretTokenInTheUrl"


def test_404_in_the_layout_without_the_url(client: FlaskClient) -> None:
    response = client.get(f"/no/{SECRET}/page?q={SECRET}")
    page = response.get_data(as_text=True)
    assert response.status_code == 404
    assert "navbar-brand" in page and "Page not found" in page
    assert SECRET not in page and "/no/" not in page
    assert 'href="?lang=zh"' in page


def test_404_and_405_in_chinese(client: FlaskClient) -> None:
    headers = {"Accept-Language": "zh-CN,zh;q=0.9"}
    missing = client.get(f"/{SECRET}", headers=headers).get_data(as_text=True)
    assert "页面不存在" in missing and SECRET not in missing
    wrong = client.get("/logout", headers=headers)
    assert wrong.status_code == 405 and "POST" in wrong.headers["Allow"]
    assert "navbar-brand" in wrong.get_data(as_text=True)
    assert "Method Not Allowed" not in wrong.get_data(as_text=True)


def test_feed_404_is_bare_and_repeats_no_token(client: FlaskClient) -> None:
    response = client.get(f"/calendar/u/{SECRET * 3}.ics")
    assert response.status_code == 404
    assert response.mimetype == "text/plain" and SECRET not in response.get_data(as_text=True)


def test_500_in_the_layout(database_url: str) -> None:
    broken = create_app({"SQLALCHEMY_DATABASE_URI": database_url, "HELIX_ENV": "testing",
                         "SECRET_KEY": secrets.token_urlsafe(32)})

    def boom() -> str:
        raise RuntimeError(SECRET)

    broken.add_url_rule("/boom", "boom", boom)
    response = broken.test_client().get(f"/boom?x={SECRET}")
    page = response.get_data(as_text=True)
    assert response.status_code == 500
    assert "navbar-brand" in page and "Something went wrong" in page and SECRET not in page


def test_forbidden_page_repeats_nothing(app: Flask, client: FlaskClient, login) -> None:  # noqa: ANN001
    login("delegate")
    page = client.get(f"/admin/users/?q={SECRET}").get_data(as_text=True)
    assert SECRET not in page
