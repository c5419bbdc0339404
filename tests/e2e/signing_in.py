"""Open a browser page signed in as a test user, collecting script errors."""

from __future__ import annotations

from typing import Any


def signed_in_page(browser: Any, base: str, email: str, password: str,
                   **options: Any) -> tuple[Any, list[str]]:
    """A new page (``options`` as for ``browser.new_page``) signed in at ``base``, and the
    list its console errors and uncaught script errors are collected in."""
    page = browser.new_page(**options)
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.goto(f"{base}/login")
    page.fill("#email", email)
    page.fill("#password", password)
    page.locator("form button[type=submit]").last.click()
    page.wait_for_load_state()
    return page, problems
