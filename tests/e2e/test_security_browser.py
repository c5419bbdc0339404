"""In Chromium: pages satisfy the Content-Security-Policy, and each role sees its share."""

from __future__ import annotations

from typing import Any

import pytest
from flask import Flask

from tests.security.world import PASSWORD, World, build_world

pytestmark = pytest.mark.browser

PAGES = ("/", "/events/", "/missions/", "/cities/", "/partnerships/", "/login")
SIGNED_IN_PAGES = ("/account/", "/account/password", "/account/schedule", "/participants/")


def _watch(page: Any) -> list[str]:
    """Collect CSP violations reported on the console and as page errors."""
    problems: list[str] = []
    page.on("console", lambda msg: problems.append(msg.text)
            if "Content Security Policy" in msg.text else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    return problems


def _sign_in(page: Any, base: str, email: str) -> None:
    page.goto(f"{base}/login")
    page.fill("input[name=email]", email)
    page.fill("input[name=password]", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_load_state()


def _visit(page: Any, base: str, paths: tuple[str, ...]) -> dict[str, str]:
    texts = {}
    for path in paths:
        page.goto(f"{base}{path}")
        page.wait_for_load_state("load")
        texts[path] = page.locator("body").inner_text()
    return texts


def test_pages_satisfy_the_csp(live_server: str, browser: Any, app: Flask) -> None:
    world: World = build_world()
    page = browser.new_page()
    problems = _watch(page)
    event_pages = (f"/events/{world.liuzhou_event.id}", f"/missions/{world.mission.id}",
                   "/cities/liuzhou")
    _visit(page, live_server, PAGES + event_pages)
    _sign_in(page, live_server, world.users["organiser"].email)
    _visit(page, live_server, SIGNED_IN_PAGES + event_pages)
    # Bootstrap's collapse (the navigation toggler) runs under the policy.
    page.set_viewport_size({"width": 500, "height": 800})
    page.click("button.navbar-toggler")
    page.wait_for_selector("#nav.show")
    page.close()
    assert not problems, "\n".join(problems)


def test_each_role_sees_what_it_may(live_server: str, browser: Any, app: Flask) -> None:
    world: World = build_world()
    internal = f"/events/{world.chengdu_event.id}"
    anonymous = browser.new_page()
    anonymous.goto(f"{live_server}/participants/")
    assert "/login" in anonymous.url
    assert anonymous.goto(f"{live_server}{internal}").status == 404
    anonymous.close()

    delegate = browser.new_page()
    _sign_in(delegate, live_server, world.users["delegate"].email)
    schedule = _visit(delegate, live_server, ("/account/schedule",))["/account/schedule"]
    assert "Visit chengdu-visit" in schedule
    assert delegate.goto(f"{live_server}/participants/").status == 403
    delegate.goto(f"{live_server}/account/schedule")
    delegate.locator("form").filter(has=delegate.locator("button[value=declined]")).first \
        .locator("button[value=declined]").click()
    assert "Your answer was saved." in delegate.locator("body").inner_text()
    delegate.close()

    staff = browser.new_page()
    _sign_in(staff, live_server, world.users["city_staff"].email)
    participants = _visit(staff, live_server, ("/participants/",))["/participants/"]
    assert "Wei Delegate" in participants
    assert staff.goto(f"{live_server}{internal}").status == 200, "city staff read the rest"
    staff.close()


def _sign_in_with(page: Any, base: str, email: str, password: str) -> None:
    page.goto(f"{base}/login")
    page.fill("input[name=email]", email)
    page.fill("input[name=password]", password)
    page.click("main button[type=submit]")
    page.wait_for_load_state()


def test_demo_accounts_in_the_browser(live_server: str, browser: Any, app: Flask,
                                      demo: dict[str, int]) -> None:
    from accounts.services import ensure_demo_accounts

    accounts = {account.role: account for account in ensure_demo_accounts()}
    seen: dict[str, tuple[str, int, int]] = {}
    for role, account in accounts.items():
        page = browser.new_page()
        _sign_in_with(page, live_server, account.email, account.password)
        nav = page.locator("nav").inner_text()
        participants = page.goto(f"{live_server}/participants/").status
        users = page.goto(f"{live_server}/admin/users/").status
        seen[role] = (nav, participants, users)
        if role == "delegate":
            page.goto(f"{live_server}/account/schedule")
            assert page.locator(".list-group-item").count() > 0, "the delegate has a schedule"
        page.close()
    assert seen["organiser"][1:] == (200, 403)
    assert seen["city_staff"][1:] == (200, 403)
    assert seen["delegate"][1:] == (403, 403)
    assert "Participants" in seen["organiser"][0] and "Participants" not in seen["delegate"][0]
    assert "My schedule" in seen["delegate"][0]
