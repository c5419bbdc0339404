"""In Chromium on a 390 px phone: My schedule fits the screen and an answer moves up."""

from __future__ import annotations

from typing import Any

import pytest
from flask import Flask

from tests.e2e.test_security_browser import _sign_in
from tests.security.world import World, build_world

pytestmark = pytest.mark.browser


def test_schedule_on_a_phone(live_server: str, browser: Any, app: Flask) -> None:
    world: World = build_world()
    page = browser.new_page(viewport={"width": 390, "height": 844})
    _sign_in(page, live_server, world.users["delegate"].email)
    page.goto(f"{live_server}/account/schedule")
    assert page.evaluate("document.scrollingElement.scrollWidth") <= 390
    item = f"#invitation-{world.own_invitation.id}"
    page.locator(f"#to-answer {item} button[value=accepted]").click()
    page.wait_for_load_state()
    assert page.url.endswith(f"/account/schedule{item}")
    assert page.locator(f"#upcoming {item}").count() == 1
    assert page.locator(f"#to-answer {item}").count() == 0
    assert page.evaluate("document.scrollingElement.scrollWidth") <= 390
    page.close()
