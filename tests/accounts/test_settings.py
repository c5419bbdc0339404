"""One's own settings on "My account": language and time zone, saved and used."""

from __future__ import annotations

import pytest
from flask import Flask
from flask.testing import FlaskClient

from accounts.models import User
from core.extensions import db
from tests.security.walk import client_for
from tests.security.world import World, build_world


def _user(world: World) -> User:
    db.session.expire_all()
    return db.session.get(User, world.users["delegate"].id)


def _save(client: FlaskClient, lang: str = "en", **data: str) -> tuple[int, str]:
    response = client.post(f"/account/settings?lang={lang}", data=data)
    return response.status_code, response.get_data(as_text=True)


def test_settings_are_saved_and_change_language_and_zone(app: Flask) -> None:
    world = build_world()
    client = client_for(app, "delegate", world)
    response = client.post("/account/settings",
                           data={"language": "zh", "timezone": " Europe/Madrid "})
    assert response.status_code == 302
    user = _user(world)
    assert (user.language, user.timezone) == ("zh", "Europe/Madrid")
    page = client.get("/account/").get_data(as_text=True)
    assert '<html lang="zh-CN">' in page and "设置已保存" in page
    assert 'value="Europe/Madrid"' in page and '<option lang="zh" selected value="zh">' in page
    schedule = client.get("/account/schedule").get_data(as_text=True)
    assert "2030年5月4日 星期六 03:00 CEST" in schedule, "times in the saved zone"


def test_saved_language_outranks_the_language_cookie(app: Flask) -> None:
    world = build_world()
    client = client_for(app, "delegate", world)
    client.get("/account/?lang=zh")
    response = client.post("/account/settings", data={"language": "en", "timezone": ""})
    assert "helix_lang=en" in response.headers["Set-Cookie"]
    assert '<html lang="en">' in client.get("/account/").get_data(as_text=True)
    response = client.post("/account/settings", data={"language": "", "timezone": ""})
    assert "helix_lang=;" in response.headers["Set-Cookie"], "no choice: the cookie goes"
    assert _user(world).language is None and _user(world).timezone is None


@pytest.mark.parametrize(("lang", "message"), [
    ("en", "Unknown time zone: use an IANA name"),
    ("zh", "未知时区"),
])
@pytest.mark.parametrize("zone", ["Mars/Olympus", "Europe/Rome\x01", "A" * 100000])
def test_invalid_zone_is_an_error_next_to_the_field(app: Flask, lang: str, message: str,
                                                     zone: str) -> None:
    world = build_world()
    client = client_for(app, "delegate", world)
    status, page = _save(client, lang, language="", timezone=zone)
    assert status == 200
    errors = page[page.index('id="timezone-errors"'):][:400]
    assert "invalid-feedback" in errors
    if zone == "Mars/Olympus":
        assert message in errors
        assert 'value="Mars/Olympus"' in page, "what was typed is kept"
    assert _user(world).timezone is None, "nothing was saved"


def test_unknown_language_is_refused(app: Flask) -> None:
    world = build_world()
    status, page = _save(client_for(app, "delegate", world), language="fr", timezone="")
    assert status == 200 and "Choose a language from the list." in page
    assert _user(world).language is None


def test_nul_in_the_zone_is_refused_without_error(app: Flask) -> None:
    world = build_world()
    status, _ = _save(client_for(app, "delegate", world), timezone="Europe/Rome\x00")
    assert status == 400, "core.nul_guard answers 400 to a NUL byte, never a 500"
    assert _user(world).timezone is None
