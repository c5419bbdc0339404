"""Issue #12's acceptance, in a real browser and in both languages: an organiser runs a
partnership between the events (stage, action plan, indicators, an MoU, the follow-up of an
event), its owner finds the action item in their schedule, and city staff edit their city."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest

from core.extensions import db
from events.models import Event
from invitations.models import Invitation
from organisations.models import Organisation
from participants.models import Participant
from programme.models import City, Partnership, Theme
from tests.e2e.signing_in import signed_in_page
from tests.racing import PASSWORD, user

pytestmark = pytest.mark.browser

#: What the pages say in each language (written out by hand, not taken from the catalogue).
TEXT = {
    "en": {"locale": "en-GB", "plan": "Plan", "do": "Do", "plan_day": "1 Feb 2026",
           "do_day": "1 Jun 2026", "title": "Pilot", "minutes": "Agreed a pilot on buses.",
           "visits": "High-level visits or delegations received",
           "joint": "Joint projects", "mou": "MoU on green mobility",
           "contact": "Li Ming (international office)"},
    "zh": {"locale": "zh-CN", "plan": "规划", "do": "实施", "plan_day": "2026年2月1日",
           "do_day": "2026年6月1日", "title": "试点", "minutes": "商定公交试点。",
           "visits": "接待的高层访问或代表团", "joint": "联合项目", "mou": "绿色交通谅解备忘录",
           "contact": "李明（外事办）"},
}


def _city(slug: str, name_en: str, name_zh: str, side: str, tz: str) -> City:
    return City(slug=slug, name_en=name_en, name_zh=name_zh, name_pinyin=slug,
                country="ES" if side == "eu" else "CN", latitude=0.0, longitude=0.0,
                timezone=tz, side=side)


def _programme() -> dict[str, Any]:
    """Three cities, a theme, five past events in Chengdu, their owner-to-be invited to the
    first, and the accounts of an organiser, that participant and Chengdu's city staff."""
    barcelona = _city("barcelona", "Barcelona", "巴塞罗那", "eu", "Europe/Madrid")
    chengdu = _city("chengdu", "Chengdu", "成都", "china", "Asia/Shanghai")
    guangzhou = _city("guangzhou", "Guangzhou", "广州", "china", "Asia/Shanghai")
    theme = Theme(slug="mobility", name_en="Green mobility", name_zh="绿色交通")
    bureau = Organisation(slug="chengdu-fao", name_en="Chengdu Foreign Affairs Office",
                          name_zh="成都市外事办", city=chengdu, helix_role="government")
    owner = Participant(name="Wei Owner", email="wei@example.org", organisation=bureau,
                        helix_role="government", city=chengdu)
    events = []
    for n in range(5):
        start = dt.datetime(2026, 3, 2 + n, 1, 0, tzinfo=dt.UTC)
        events.append(Event(slug=f"workshop-{n}", kind="field_visit",
                            title_en=f"Workshop {n + 1}", title_zh=f"研讨会{n + 1}",
                            starts_at=start, ends_at=start + dt.timedelta(hours=2),
                            timezone="Asia/Shanghai", city=chengdu, status="confirmed",
                            visibility="public", venue="Hall"))
    db.session.add_all([barcelona, chengdu, guangzhou, theme, bureau, owner, *events,
                        Invitation(event=events[0], participant=owner, status="accepted")])
    db.session.commit()
    return {"cities": (barcelona, chengdu, guangzhou), "theme": theme, "events": events,
            "owner": owner, "bureau": bureau}


def _submit(page: Any, form: str = "main form") -> None:
    page.locator(form).locator("button[type=submit]").last.click()
    page.wait_for_load_state()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_an_organiser_runs_a_partnership_and_city_staff_edit_their_city(
        live_server: str, browser: Any, app: Any, lang: str) -> None:
    text = TEXT[lang]
    data = _programme()
    barcelona, chengdu, guangzhou = data["cities"]
    events: list[Event] = data["events"]
    user("organiser", "organiser@example.org", language=lang, timezone="Europe/Madrid")
    user("delegate", "wei@example.org", participant_id=data["owner"].id, language=lang)
    user("city_staff", "staff@example.org", city_id=chengdu.id, language=lang)
    base = live_server
    page, problems = signed_in_page(browser, base, "organiser@example.org", PASSWORD,
                                    locale=text["locale"])

    # A partnership of three cities, at the Plan stage since 1 February.
    page.goto(f"{base}/partnerships/new")
    page.select_option("#eu_city_ids", [str(barcelona.id)])
    page.select_option("#china_city_ids", [str(chengdu.id), str(guangzhou.id)])
    page.fill("#start_date", "2026-01-15")
    page.select_option("#theme_ids", [str(data["theme"].id)])
    page.select_option("#stage", "plan")
    page.fill("#stage_changed_on", "2026-02-01")
    _submit(page, "#partnership-form")
    found = re.search(r"/partnerships/(\d+)$", page.url)
    assert found, page.url
    partnership_id = int(found.group(1))
    partnership_url = f"{base}/partnerships/{partnership_id}"

    # From Plan to Do on 1 June: both steps stay in the history, with their dates.
    page.goto(f"{partnership_url}/edit")
    page.select_option("#stage", "do")
    page.fill("#stage_changed_on", "2026-06-01")
    _submit(page, "#partnership-form")
    history = page.locator("#stage-history").inner_text()
    assert f"{text['plan_day']} · {text['plan']}" in history
    assert f"{text['do_day']} · {text['do']}" in history

    # The action plan: five activities, each linked to one of the events.
    for n, event in enumerate(events):
        page.goto(f"{partnership_url}/plan/new")
        page.fill("#title_en", f"Pilot {n + 1}")
        page.fill("#title_zh", f"试点{n + 1}")
        page.select_option("#theme_id", str(data["theme"].id))
        page.select_option("#owner_city_id", str(chengdu.id))
        page.fill("#starts_on", f"2026-0{3 + n}-01")
        page.fill("#ends_on", f"2026-0{3 + n}-28")
        page.select_option("#status", "in_progress" if n == 0 else "planned")
        page.select_option("#event_ids", [str(event.id)])
        _submit(page)
        assert page.url.endswith(f"/partnerships/{partnership_id}/plan"), page.url
    plan = page.locator("main").inner_text()
    assert all(f"{text['title']}{' ' if lang == 'en' else ''}{n}" in plan for n in range(1, 6))

    # Two indicator values, each with its source.
    page.goto(f"{partnership_url}/indicators")
    for code, year, value in (("visits", "2026", "3"), ("joint_projects", "2026", "2")):
        page.select_option("#code", code)
        page.fill("#year", year)
        page.fill("#value", value)
        page.fill("#source", "Programme office")
        _submit(page)
    values = page.locator("table").last.inner_text()
    assert text["visits"] in values and text["joint"] in values
    assert re.search(r"2026\s+" + re.escape(text["visits"]) + r"\s+3\b", values)

    # An MoU signed at the first workshop.
    page.goto(f"{base}/participants/outcomes/new?event={events[0].id}")
    page.select_option("#kind", "mou")
    page.fill(f"#title_{lang}", text["mou"])
    page.select_option("#partnership_id", str(partnership_id))
    page.select_option("#party_ids", [str(data["bureau"].id)])
    page.fill("#signed_on", "2026-03-02")
    _submit(page)
    assert page.url.endswith(f"/events/{events[0].id}"), page.url

    # After the first workshop: minutes, an attachment and an action item for Wei.
    event_url = f"{base}/events/{events[0].id}"
    page.goto(f"{base}/followup/events/{events[0].id}/minutes")
    page.fill(f"#minutes_{lang}", text["minutes"])
    _submit(page)
    page.goto(f"{base}/followup/events/{events[0].id}/attachments/new")
    page.set_input_files("#file", files=[{"name": "agenda.pdf", "mimeType": "application/pdf",
                                          "buffer": b"%PDF-1.4 agenda of the workshop"}])
    _submit(page)
    page.goto(f"{base}/followup/events/{events[0].id}/actions/new")
    page.fill("#title", "Send the bus data")
    page.select_option("#owner_participant_id", str(data["owner"].id))
    page.fill("#due_on", "2026-04-15")
    page.select_option("#activity_id", label=f"{text['title']}{' ' if lang == 'en' else ''}1")
    _submit(page)
    assert page.url.startswith(event_url + "#"), page.url
    followup = page.locator("#event-followup").inner_text()
    assert text["minutes"] in followup and "Send the bus data" in followup
    assert "Wei Owner" in followup
    link = page.locator("#event-attachments a", has_text="agenda.pdf")
    download = page.request.get(base + link.get_attribute("href"))
    assert download.ok and download.body() == b"%PDF-1.4 agenda of the workshop"
    assert "attachment" in download.headers["content-disposition"]

    # The partnership page names its activities, the MoU and the events.
    page.goto(partnership_url)
    shown = page.locator("main").inner_text()
    assert all(f"{text['title']}{' ' if lang == 'en' else ''}{n}" in shown
               for n in range(1, 6))
    assert text["mou"] in shown
    assert "Send the bus data" in shown  # it carries the first activity forward
    indicators = page.locator("#partnership-indicators").inner_text()
    assert text["visits"] in indicators and text["joint"] in indicators
    assert f"{text['do_day']} · {text['do']}" in shown
    page.close()

    # The owner finds the action item in their own schedule.
    mine, mine_problems = signed_in_page(browser, base, "wei@example.org", PASSWORD,
                                         locale=text["locale"])
    mine.goto(f"{base}/account/schedule")
    schedule = mine.locator("main").inner_text()
    assert "Send the bus data" in schedule
    mine.close()

    # Chengdu's city staff edit their city's profile; the city page shows it.
    staff, staff_problems = signed_in_page(browser, base, "staff@example.org", PASSWORD,
                                           locale=text["locale"])
    staff.goto(f"{base}/cities/chengdu/edit")
    staff.fill("#key_contact", text["contact"])
    staff.fill("#population", "20937757")
    _submit(staff)
    assert staff.url.endswith("/cities/chengdu"), staff.url
    assert text["contact"] in staff.locator("main").inner_text()
    staff.close()
    assert problems == [] and mine_problems == [] and staff_problems == []
    assert db.session.get(Partnership, partnership_id).stage == "do"
