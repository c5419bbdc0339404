"""The helix report's chart is drawn by the vendored Chart.js in a real browser."""

from typing import Any

import pytest
from sqlalchemy import select

from core.extensions import db
from events.models import Event

pytestmark = pytest.mark.browser


def test_global_event_chart_is_drawn(live_server: str, browser: Any, demo: dict[str, int],
                                     login: Any, tmp_path: Any) -> None:
    user = login("organiser")
    global_event = db.session.scalar(select(Event.id).where(
        Event.slug == "iuc-4th-global-event-2020"))
    page = browser.new_page(locale="en-GB", timezone_id="Europe/Brussels")
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{live_server}/login")
    page.fill("input[name=email]", user.email)
    page.fill("input[name=password]", "correct horse battery staple")
    page.click("button[type=submit]")
    page.goto(f"{live_server}/reports/events/{global_event}")
    page.wait_for_selector("canvas[data-chart-drawn='1']", timeout=10_000)
    assert page.locator("#helix-total").inner_text() == "32"
    assert errors == []
    page.screenshot(path=str(tmp_path / "helix-report.png"), full_page=True)
    page.close()
