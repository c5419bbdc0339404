"""An organiser invites a person found by typing into the invite page's pickers."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import func, select

from accounts.models import User
from core.extensions import db
from events.models import Event
from invitations.models import Invitation
from participants.models import Participant
from tests.e2e.signing_in import signed_in_page

pytestmark = pytest.mark.browser


def test_type_pick_and_invite(live_server: str, browser: Any, demo: dict[str, int]) -> None:
    user = User(email="organiser@example.org", role="organiser")
    user.set_password("correct horse battery staple")
    db.session.add(user)
    db.session.commit()
    target = db.session.scalar(select(Event).where(Event.slug == "yantai-tuscia-mou-signing-2020"))
    zhou = db.session.scalar(select(Participant).where(Participant.email == "zhou.hua@example.cn"))
    page, problems = signed_in_page(browser, live_server, "organiser@example.org",
                                    "correct horse battery staple", locale="en-GB")

    page.goto(f"{live_server}/participants/invite?event={target.id}")
    assert page.locator("#target-chips li").count() == 1  # the event came with the link
    page.locator("#participant_ids").press_sequentially("zhouhua", delay=30)
    option = page.locator("#participant_ids-results [role=option]", has_text="周华")
    option.wait_for()
    page.locator("#participant_ids").press("ArrowDown")
    page.locator("#participant_ids").press("Enter")  # keyboard picks; the form is not sent
    chip = page.locator("#participant_ids-chips li")
    assert chip.count() == 1 and "Zhou Hua" in chip.inner_text()
    assert page.locator(f'#participant_ids-chips input[name=participant_ids][value="{zhou.id}"]'
                        ).count() == 1
    page.locator("form.col-lg-8 button[type=submit]").click()
    page.wait_for_load_state()
    assert "invitation created" in page.content()
    assert db.session.scalar(select(func.count(Invitation.id)).where(
        Invitation.event_id == target.id, Invitation.participant_id == zhou.id)) == 1
    assert problems == []
