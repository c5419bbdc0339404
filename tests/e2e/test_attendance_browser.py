"""An organiser imports a webinar's Tencent Meeting report (腾讯会议, GB18030) in a real
browser: 166 nicknames matched by name, previewed, confirmed, 166 attended."""

from __future__ import annotations

from typing import Any

import pytest

from accounts.models import User
from core.extensions import db
from tests.e2e.signing_in import signed_in_page
from tests.invitations.attendance_files import invite, nicknames, past_webinar, tencent_report

pytestmark = pytest.mark.browser


def test_import_a_tencent_report_of_166_people(live_server: str, browser: Any,
                                               demo: dict[str, int], tmp_path: Any) -> None:
    user = User(email="organiser@example.org", role="organiser")
    user.set_password("correct horse battery staple")
    db.session.add(user)
    webinar = past_webinar()
    invite(webinar, [(f"Guest {n}", name, f"guest{n}@webinar.example.org")
                     for n, name in enumerate(nicknames(166))])
    report = tmp_path / "腾讯会议参会明细.csv"
    report.write_bytes(tencent_report(nicknames(166)))
    page, problems = signed_in_page(browser, live_server, "organiser@example.org",
                                    "correct horse battery staple", locale="zh-CN")

    page.goto(f"{live_server}/participants/events/{webinar.id}/invitations?lang=zh")
    page.get_by_role("link", name="导入出席情况").click()
    page.set_input_files("#file", str(report))
    page.locator("#attendance-upload button[type=submit]").click()
    page.wait_for_load_state()
    summary = page.locator("#attendance-summary").inner_text()
    assert "平台：腾讯会议。" in summary and "166 行与受邀者匹配。" in summary
    assert page.locator("#attendance-rows tbody tr").count() == 166
    assert not page.locator("#attendance-unmatched").count()

    page.locator("#attendance-confirm button[type=submit]").click()
    page.wait_for_load_state()
    assert "166 人已标记为出席。" in page.locator("main").inner_text()
    assert page.locator('[data-status="attended"] strong').inner_text() == "166"
    assert problems == []
