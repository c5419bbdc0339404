"""Importing webinar attendance reports on an event's invitations page: upload, preview,
confirm; unmatched rows, hostile files, permissions and the audit trail."""

import base64
import datetime as dt
import random
import re
from collections.abc import Callable
from io import BytesIO
from typing import Any

import pytest
from flask.testing import FlaskClient
from sqlalchemy import func, select
from werkzeug.datastructures import FileStorage
from werkzeug.test import encode_multipart

from audit.models import AuditEntry
from core.extensions import db
from invitations.models import Invitation
from participants.models import Participant
from programme.models import City
from tests.invitations.attendance_files import (
    PAST,
    invite,
    nicknames,
    past_webinar,
    teams_report,
    tencent_report,
    zoom_report,
)


def _statuses(webinar_id: int) -> dict[str, int]:
    rows = db.session.execute(select(Invitation.status, func.count()).where(
        Invitation.event_id == webinar_id).group_by(Invitation.status))
    return dict(rows.all())


def _upload(client: FlaskClient, webinar_id: int, data: bytes, name: str = "report.csv",
            lang: str = "en") -> str:
    # Encoded here: the test client spools large bodies to a file it never closes.
    boundary, body = encode_multipart({"file": FileStorage(BytesIO(data), name)})
    response = client.post(f"/participants/events/{webinar_id}/attendance/import?lang={lang}",
                           data=body, content_type=f"multipart/form-data; boundary={boundary}")
    assert response.status_code == 200
    return response.get_data(as_text=True)


def _payload(page: str) -> str:
    found = re.search(r'name="payload" type="hidden" value="([^"]+)"', page)
    assert found, "no confirmation form on the page"
    return found.group(1)


def _confirm(client: FlaskClient, webinar_id: int, payload: str, no_show: bool = False,
             lang: str = "en") -> str:
    data = {"payload": payload, **({"mark_no_show": "y"} if no_show else {})}
    response = client.post(
        f"/participants/events/{webinar_id}/attendance/import/confirm?lang={lang}",
        data=data, follow_redirects=True)
    assert response.status_code == 200
    return response.get_data(as_text=True)


def _audited(webinar_id: int) -> int:
    ids = select(Invitation.id).where(Invitation.event_id == webinar_id)
    return db.session.scalar(select(func.count(AuditEntry.id)).where(
        AuditEntry.object_type == "invitation", AuditEntry.object_id.in_(ids)))


def test_166_tencent_nicknames_are_matched_by_name_and_marked_attended(
        organiser: FlaskClient) -> None:
    webinar = past_webinar()
    invite(webinar, [(f"Guest {n}", name, f"guest{n}@webinar.example.org")
                      for n, name in enumerate(nicknames(166))])
    invite(webinar, [("Twin A", "王芳", "twin.a@example.org"),
                      ("Twin B", "王芳", "twin.b@example.org")])
    report = tencent_report([*nicknames(166), "陌生人", "王芳"])
    page = _upload(organiser, webinar.id, report)
    assert "Platform: Tencent Meeting." in page
    assert "166 rows match invitees." in page
    assert "2 rows are not matched and will be skipped." in page
    assert "Line 171 · 陌生人: No invitee has this name." in page
    assert "Line 172 · 王芳: Several invitees have this name" in page
    assert _statuses(webinar.id) == {"accepted": 168}  # the preview writes nothing
    summary = _confirm(organiser, webinar.id, _payload(page))
    assert "166 marked attended. 2 rows not matched." in summary
    assert _statuses(webinar.id) == {"attended": 166, "accepted": 2}
    minutes = db.session.scalar(select(Invitation.attended_minutes).join(
        Invitation.participant).where(Participant.name_zh == "参会者001"))
    assert minutes == 61
    audited = _audited(webinar.id)
    assert audited == 166
    again = _confirm(organiser, webinar.id, _payload(_upload(organiser, webinar.id, report)))
    assert "166 marked attended. 2 rows not matched. Nothing changed: this report had " \
        "already been recorded." in again
    assert _statuses(webinar.id) == {"attended": 166, "accepted": 2}
    assert _audited(webinar.id) == audited


def test_zoom_matches_by_email_in_any_case_and_keeps_minutes(organiser: FlaskClient) -> None:
    webinar = past_webinar()
    jordi, elena, absent = invite(webinar, [
        ("Jordi Puig", None, "jordi.puig@webinar.example.org"),
        ("Elena Moreno", None, "elena.moreno@webinar.example.org"),
        ("Absent Person", None, "absent@example.org")])
    report = zoom_report([("JP (phone)", "JORDI.PUIG@webinar.example.org", 59),
                          ("JP (phone)", "jordi.puig@webinar.example.org", 55),
                          ("Elena M.", "Elena.Moreno@Webinar.Example.org", 30)])
    page = _upload(organiser, webinar.id, report)
    assert "Platform: Zoom." in page and "2 rows match invitees." in page
    assert "1 accepted invitee is not in the report." in page
    _confirm(organiser, webinar.id, _payload(page))
    stored = {i.id: (i.status, i.attended_minutes) for i in db.session.scalars(
        select(Invitation).where(Invitation.event_id == webinar.id))}
    assert stored == {jordi: ("attended", 114), elena: ("attended", 30),
                      absent: ("accepted", None)}
    summary = _confirm(organiser, webinar.id, _payload(page), no_show=True)
    assert "2 marked attended. 1 marked no-show." in summary
    assert db.session.get(Invitation, absent).status == "no_show"
    export = organiser.get(f"/participants/events/{webinar.id}/attendance.csv")
    assert ",jordi.puig@webinar.example.org," in export.get_data().decode("utf-8-sig")
    assert sorted(line.rsplit(",", 2)[1:] for line in export.get_data().decode(
        "utf-8-sig").splitlines()[1:]) == [["attended", "114"], ["attended", "30"],
                                          ["no_show", ""]]


def test_teams_report_in_utf16_matched_by_upn(organiser: FlaskClient) -> None:
    webinar = past_webinar()
    (elena,) = invite(webinar, [("Elena Moreno", None, "elena.moreno@webinar.example.org")],
                       status="invited")
    page = _upload(organiser, webinar.id, teams_report([
        ("Moreno, Elena", "Elena.Moreno@webinar.example.org", "59m 50s")]))
    assert "Platform: Microsoft Teams." in page
    _confirm(organiser, webinar.id, _payload(page))
    assert (db.session.get(Invitation, elena).status,
            db.session.get(Invitation, elena).attended_minutes) == ("attended", 60)


def test_rows_with_errors_are_listed_with_their_lines(organiser: FlaskClient) -> None:
    webinar = past_webinar()
    invite(webinar, [("Ok Person", None, "ok@example.org")])
    data = ("Name,Email\nA\x00B,a@example.org\n" + "x" * 100_000 + ",\n"
            + "Nobody,nobody@example.org\nOk Person,\n<b>Bold</b>,\n").encode()
    page = _upload(organiser, webinar.id, data)
    assert "1 row matches an invitee." in page
    assert "Line 2 · A" not in page  # the control character's cell is dropped
    assert "Line 2: Control characters are not allowed." in page
    assert "Line 3: Too long: at most 500 characters." in page
    assert ("Line 4 · Nobody: No invitee has the e-mail address nobody@example.org or this "
            "name.") in page
    assert "Line 6 · &lt;b&gt;Bold&lt;/b&gt;: No invitee has this name." in page


@pytest.mark.parametrize(("data", "name", "message"), [
    (b"", "report.csv", "The file is empty."),
    (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20, "report.csv", "is not CSV text"),
    (b"a" * 2_000_001, "report.csv", "The file is larger than 2000000 bytes."),
    (b"x,y\n1,2\n", "report.csv", "No header line with a name column"),
    (b"Name,Email\n\"open quote" + b"x" * 200_000, "report.csv", None),
    (b"Name,Email\nA,a@example.org\n", "report.exe", "Upload a .csv file."),
])
def test_hostile_files_are_field_errors(organiser: FlaskClient, data: bytes, name: str,
                                        message: str | None) -> None:
    webinar = past_webinar()
    invite(webinar, [("A", None, "a@example.org")])
    page = _upload(organiser, webinar.id, data, name)
    assert "invalid-feedback" in page
    if message:
        assert message in page
    assert 'name="payload"' not in page
    assert _statuses(webinar.id) == {"accepted": 1}


def test_a_report_too_large_to_send_back_is_refused_at_the_upload(
        organiser: FlaskClient) -> None:
    webinar = past_webinar()
    noise = [base64.b32encode(random.Random(n).randbytes(250)).decode() for n in range(4000)]
    data = "\n".join(["Name,Email", *(f"{name},x{n}@example.org"
                                       for n, name in enumerate(noise))]).encode()
    page = _upload(organiser, webinar.id, data)
    assert "This report is too large to confirm in one go" in page
    assert 'name="payload"' not in page


def test_missing_file_and_chinese_errors(organiser: FlaskClient) -> None:
    webinar = past_webinar()
    response = organiser.post(f"/participants/events/{webinar.id}/attendance/import?lang=zh",
                              data={}, content_type="multipart/form-data")
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and "请选择一个 CSV 文件。" in page
    assert "文件为空。" in _upload(organiser, webinar.id, b"", lang="zh")


def test_the_page_in_chinese(organiser: FlaskClient) -> None:
    webinar = past_webinar()
    invite(webinar, [("Guest", "参会者000", "guest@example.org")])
    form = organiser.get(f"/participants/events/{webinar.id}/attendance/import?lang=zh")
    assert "导入出席情况" in form.get_data(as_text=True)
    page = _upload(organiser, webinar.id, tencent_report([*nicknames(1), "陌生人"]), lang="zh")
    assert "平台：腾讯会议。" in page
    assert "参会时长（分钟）" in page and "会议纪要" not in page  # not the meeting's minutes
    assert "第 6 行 · 陌生人：没有受邀者叫这个名字。" in page
    summary = _confirm(organiser, webinar.id, _payload(page), lang="zh")
    assert "1 人已标记为出席。 1 行未匹配。" in summary
    assert "（60 分钟）" in summary


def test_attendance_is_refused_before_the_event(organiser: FlaskClient) -> None:
    webinar = past_webinar(dt.datetime(2090, 1, 1, tzinfo=dt.UTC))
    invite(webinar, [("Guest", "参会者000", "guest@example.org")])
    page = _upload(organiser, webinar.id, tencent_report(nicknames(1)))
    assert "Attendance can only be recorded once the event has started." in page
    assert 'name="payload"' not in page


def test_a_changed_or_foreign_payload_is_refused(organiser: FlaskClient) -> None:
    webinar, other = past_webinar(), past_webinar(PAST + dt.timedelta(days=400))
    invite(webinar, [("Guest", "参会者000", "guest@example.org")])
    invite(other, [("Guest", "参会者000", "guest2@example.org")])
    payload = _payload(_upload(organiser, webinar.id, tencent_report(nicknames(1))))
    for target, sent in ((webinar.id, payload[:-3] + "AAA"), (other.id, payload),
                         (webinar.id, "ünicode"), (webinar.id, "")):
        page = _confirm(organiser, target, sent)
        assert "The uploaded file was lost; please upload it again." in page
    assert _statuses(webinar.id) == _statuses(other.id) == {"accepted": 1}


def test_delegates_and_other_city_staff_may_not_import(
        client: FlaskClient, login: Callable[..., Any], demo: dict[str, int]) -> None:
    webinar = past_webinar(city_index=0)
    invite(webinar, [("Guest", "参会者000", "guest@example.org")])
    url = f"/participants/events/{webinar.id}/attendance/import"
    other_city = db.session.scalars(select(City.id).order_by(City.id)).all()[1]
    login("city_staff", city_id=other_city)
    assert client.get(url).status_code == 403
    assert client.post(url + "/confirm", data={"payload": "x"}).status_code == 403
    login("delegate")
    assert client.get(url).status_code == 403
    login("city_staff", city_id=webinar.city_id)
    page = _upload(client, webinar.id, tencent_report(nicknames(1)))
    _confirm(client, webinar.id, _payload(page))
    assert _statuses(webinar.id) == {"attended": 1}
    events_page = client.get(f"/participants/events/{webinar.id}/invitations")
    assert "Import attendance" in events_page.get_data(as_text=True)


def test_preview_queries_do_not_grow_with_rows(organiser: FlaskClient,
                                               count_queries: Callable[[], Any]) -> None:
    webinar = past_webinar()
    invite(webinar, [(f"Guest {n}", name, f"guest{n}@example.org")
                      for n, name in enumerate(nicknames(120))])
    counts = []
    for size in (5, 120):
        with count_queries() as statements:
            assert f"{size} rows match invitees." in _upload(
                organiser, webinar.id, tencent_report(nicknames(size)))
        counts.append(len(statements))
    assert counts[0] == counts[1]


def test_status_changes_by_hand_are_audited(organiser: FlaskClient) -> None:
    webinar = past_webinar()
    (guest,) = invite(webinar, [("Guest", None, "guest@example.org")])
    organiser.post(f"/participants/invitations/{guest}/status", data={"status": "no_show"})
    entry = db.session.scalar(select(AuditEntry).where(
        AuditEntry.object_type == "invitation", AuditEntry.object_id == guest))
    assert entry is not None and entry.changes == {"status": ["accepted", "no_show"]}
