"""An organiser plans part of the July 2018 EU mission to China in a real browser."""

from __future__ import annotations

import re
from typing import Any

import pytest

from accounts.models import User
from core.extensions import db
from missions.models import Mission
from tests.e2e.signing_in import signed_in_page

pytestmark = pytest.mark.browser


def _save_confirming_warnings(page: Any) -> None:
    """Submit the event form; when schedule warnings show, confirm and submit again."""
    page.locator("#event-form button[type=submit]").click()
    page.wait_for_load_state()
    if page.locator("#confirm_conflicts").count():
        assert page.locator("#conflicts").is_visible()
        page.locator("#confirm_conflicts").check()
        page.locator("#event-form button[type=submit]").click()
        page.wait_for_load_state()


def test_plan_part_of_the_july_2018_mission(live_server: str, browser: Any,
                                            demo: dict[str, int], tmp_path: Any) -> None:
    user = User(email="organiser@example.org", role="organiser", timezone="Europe/Rome")
    user.set_password("correct horse battery staple")
    db.session.add(user)
    db.session.commit()
    mission = db.session.scalar(db.select(Mission).where(Mission.slug == "eu-mission-china-2018"))
    page, problems = signed_in_page(browser, live_server, "organiser@example.org",
                                    "correct horse battery staple", locale="en-GB",
                                    timezone_id="Europe/Rome")
    page.on("dialog", lambda dialog: dialog.accept())

    # The mission page: the Beijing cluster meeting on 2 July at 09:30 Beijing time.
    page.goto(f"{live_server}/missions/{mission.id}")
    day2 = page.locator('section[data-date="2018-07-02"]')
    assert "09:30 CST" in day2.inner_text()
    assert "03:30" in day2.inner_text()  # the organiser's time in Rome (CEST)

    # A flight from Rome, overnight, landing in Beijing on the first day.
    page.get_by_role("link", name="Add travel leg").click()
    page.select_option("#mode", "flight")
    page.select_option("#from_city_id", label="Rome")
    page.select_option("#to_city_id", label="Beijing")
    page.fill("#departs_local", "2018-06-30T21:40")
    page.fill("#arrives_local", "2018-07-01T13:30")
    page.fill("#carrier", "Air China")
    page.fill("#number", "CA940")
    page.locator("#item-form button[type=submit]").click()
    page.wait_for_load_state()
    first_day = page.locator('section[data-date="2018-07-01"]').inner_text()
    assert "Arrival in Beijing" in first_day and "13:30 CST" in first_day

    # A field visit: Reggio Emilia in Weinan, typed in Weinan's (Beijing) time.
    page.get_by_role("link", name="Add event").click()
    page.select_option("#kind", "field_visit")
    page.fill("#title_en", "Reggio Emilia delegation field visit to Weinan")
    page.fill("#title_zh", "雷焦艾米利亚代表团渭南实地考察")
    page.fill("#starts_local", "2018-07-06T14:00")
    page.fill("#ends_local", "2018-07-06T17:00")
    page.select_option("#city_id", label="Weinan")
    page.select_option("#status", "confirmed")
    _save_confirming_warnings(page)
    assert re.search(r"/events/\d+$", page.url)
    assert "14:00 CST" in page.locator("#venue-time").inner_text()
    assert "08:00 CEST" in page.locator("#viewer-time").inner_text()

    # A webinar found with the slot finder: Rome and Liuzhou share 09:00-12:00 Rome time,
    # less the delegation's busy time. The form opens quiet, with the mission's cities.
    page.goto(f"{live_server}/missions/{mission.id}")
    page.get_by_role("link", name="Find a webinar slot").click()
    assert page.locator(".is-invalid").count() == 0
    assert page.locator("#date_from").input_value() == "2018-07-01"
    chosen = page.locator("#cities option:checked").all_inner_texts()
    assert "Beijing" in chosen and "Weinan" in chosen and "Rome" not in chosen
    page.select_option("#cities", label=["Rome", "Liuzhou"])
    page.locator("#slot-form button[type=submit]").click()
    page.wait_for_load_state()
    slots = page.locator("#slot-list")
    assert "09:00–12:00 CEST" in slots.inner_text()
    assert "15:00–18:00 CST" in slots.inner_text()
    page.screenshot(path=str(tmp_path / "slots.png"), full_page=True)
    slots.get_by_role("link", name="Create webinar").first.click()
    assert page.locator("#kind").input_value() == "webinar"
    assert page.locator("#timezone").input_value() == "Europe/Rome"
    # 2 July: the Beijing cluster meeting holds the delegation until 11:00 Rome time.
    assert page.locator("#starts_local").input_value() == "2018-07-02T11:00"
    page.fill("#title_en", "Rome–Liuzhou webinar on urban regeneration")
    page.fill("#join_url", "https://meet.example.org/rome-liuzhou")
    _save_confirming_warnings(page)
    assert "11:00 CEST · 17:00 CST" in page.locator("#city-times").inner_text()

    # The month calendar in Chinese shows the mission's events.
    page.goto(f"{live_server}/events/calendar?date=2018-07-02&lang=zh")
    page.wait_for_selector(".fc-event")
    assert "2018年7月" in page.locator(".fc-toolbar-title").inner_text()
    assert page.locator(".fc-event", has_text="罗马").count() >= 1
    page.screenshot(path=str(tmp_path / "calendar-zh.png"), full_page=True)

    # The printable itinerary carries both languages.
    page.goto(f"{live_server}/missions/{mission.id}/print")
    text = page.locator("body").inner_text()
    assert "Reggio Emilia delegation field visit to Weinan" in text
    assert "雷焦艾米利亚代表团渭南实地考察" in text and "实地考察" in text
    page.close()
    assert problems == []  # no CSP violation, no script error on any page
