"""Signing out ends the session on the server: a cookie copied before no longer works."""

from __future__ import annotations

from flask import Flask

from accounts.services import create_user

PASSWORD = "correct horse battery staple"


def test_a_copied_session_cookie_dies_with_sign_out(app: Flask) -> None:
    create_user("li.na@example.org", PASSWORD, "organiser")
    browser, thief = app.test_client(), app.test_client()
    response = browser.post("/login", data={"email": "li.na@example.org", "password": PASSWORD})
    assert response.status_code == 302
    cookie = browser.get_cookie(app.config["SESSION_COOKIE_NAME"])
    assert cookie is not None
    thief.set_cookie(cookie.key, cookie.value)
    assert thief.get("/account/").status_code == 200, "the copy works while signed in"
    assert browser.post("/logout").status_code == 302
    assert thief.get("/account/").status_code == 302, "the copy is refused after sign-out"
    again = browser.post("/login", data={"email": "li.na@example.org", "password": PASSWORD})
    assert again.status_code == 302 and browser.get("/account/").status_code == 200
