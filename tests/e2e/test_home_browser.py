"""The home page in a real browser, in Chinese."""

from typing import Any

import pytest

pytestmark = pytest.mark.browser


def test_home_page_in_chinese(live_server: str, browser: Any, demo: dict[str, int],
                              tmp_path: Any) -> None:
    page = browser.new_page(locale="zh-CN", timezone_id="Europe/Rome")
    page.goto(f"{live_server}/")
    assert page.locator("html").get_attribute("lang") == "zh-CN"
    heading = page.get_by_role("heading", name="即将举行的活动")
    assert heading.is_visible()
    body = page.locator("body").inner_text()
    assert "近期活动" in body
    page.screenshot(path=str(tmp_path / "home-zh.png"), full_page=True)
    # The switcher keeps the page and turns it into English.
    page.get_by_role("link", name="English").click()
    assert page.get_by_role("heading", name="Upcoming events").is_visible()
    page.close()
