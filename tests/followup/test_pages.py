"""The follow-up of an event through its pages: uploads, downloads, minutes, action items."""

import io
from typing import Any

import pytest
from flask.testing import FlaskClient

from core.extensions import db
from followup.models import ActionItem, Attachment, EventMinutes
from tests.security.world import World, build_world

PDF = b"%PDF-1.4 minutes of the visit"


@pytest.fixture
def world(app: Any) -> World:
    return build_world()


def _upload(client: FlaskClient, event_id: int, data: bytes, name: str) -> Any:
    return client.post(f"/followup/events/{event_id}/attachments/new",
                       data={"file": (io.BytesIO(data), name)},
                       content_type="multipart/form-data")


def test_pdf_upload_is_downloadable_by_an_allowed_user(world: World, client: FlaskClient,
                                                       login: Any) -> None:
    login("organiser")
    event_id = world.chengdu_event.id
    assert _upload(client, event_id, PDF, "../../etc/议程.pdf").status_code == 302
    attachment = db.session.query(Attachment).filter_by(event_id=event_id).one()
    assert attachment.filename == "议程.pdf" and attachment.kind == "pdf"
    assert ".." not in attachment.stored_name
    response = client.get(f"/followup/attachments/{attachment.id}")
    assert response.status_code == 200 and response.data == PDF
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Content-Disposition"].startswith("attachment;")
    assert "filename*=UTF-8''" in response.headers["Content-Disposition"]


def test_uninvited_delegate_gets_404_for_an_internal_event_file(
        world: World, client: FlaskClient, login: Any) -> None:
    login("organiser")
    _upload(client, world.chengdu_event.id, PDF, "agenda.pdf")
    attachment = db.session.query(Attachment).filter_by(event_id=world.chengdu_event.id).one()
    login("delegate", participant_id=world.other_participant.id)  # not invited to Chengdu
    assert client.get(f"/followup/attachments/{attachment.id}").status_code == 404
    assert client.get(f"/followup/attachments/{world.attachment_id}").status_code == 200


@pytest.mark.parametrize("data, name", [(b"MZ\x90\x00\x03\x00\x00\x00", "setup.exe"),
                                        (b"MZ\x90\x00\x03\x00\x00\x00", "slides.pdf")])
def test_refused_file_types_get_an_error_next_to_the_field(
        world: World, client: FlaskClient, login: Any, data: bytes, name: str) -> None:
    login("organiser")
    response = _upload(client, world.liuzhou_event.id, data, name)
    assert response.status_code == 200
    assert "file-errors" in response.text and "not accepted" in response.text
    assert db.session.query(Attachment).filter_by(event_id=world.liuzhou_event.id).count() == 1


def test_too_big_file_is_refused_with_the_limit(world: World, make_app: Any) -> None:
    app = make_app(ATTACHMENT_MAX_BYTES=200 * 1024)  # small: stays in memory
    client = app.test_client()
    with app.app_context():
        from accounts.models import User
        user = User(email="big@example.org", role="organiser")
        user.set_password("correct horse battery staple")
        db.session.add(user)
        db.session.commit()
        user_id = user.get_id()
    with client.session_transaction() as session:
        session["_user_id"], session["_fresh"] = user_id, True
    response = _upload(client, world.liuzhou_event.id, PDF + b"x" * (200 * 1024), "big.pdf")
    assert response.status_code == 200 and "at most 0.2 MB" in response.text
    zh = client.post(f"/followup/events/{world.liuzhou_event.id}/attachments/new?lang=zh",
                     data={"file": (io.BytesIO(PDF + b"x" * (200 * 1024)), "big.pdf")},
                     content_type="multipart/form-data")
    assert "文件过大" in zh.text


@pytest.mark.parametrize("value", ["bad\x01text", "x" * 100_000])
def test_hostile_minutes_get_a_field_error(world: World, client: FlaskClient, login: Any,
                                           value: str) -> None:
    login("organiser")
    response = client.post(f"/followup/events/{world.liuzhou_event.id}/minutes",
                           data={"minutes_en": value, "minutes_zh": ""})
    assert response.status_code == 200 and "minutes_en-errors" in response.text
    assert "invalid-feedback" in response.text
    assert db.session.get(EventMinutes, world.liuzhou_event.id) is None


def test_nul_in_minutes_is_refused_before_any_write(world: World, client: FlaskClient,
                                                    login: Any) -> None:
    login("organiser")
    response = client.post(f"/followup/events/{world.liuzhou_event.id}/minutes",
                           data={"minutes_en": "bad\x00text"})
    assert response.status_code == 400  # core.nul_guard, for every form
    assert db.session.get(EventMinutes, world.liuzhou_event.id) is None


def test_minutes_shown_in_english_and_chinese(world: World, client: FlaskClient,
                                              login: Any) -> None:
    login("organiser")
    event_id = world.liuzhou_event.id
    assert client.post(f"/followup/events/{event_id}/minutes", data={
        "minutes_en": "Agreed on a pilot.", "minutes_zh": "商定试点。"}).status_code == 302
    english = client.get(f"/events/{event_id}?lang=en").text
    assert "Agreed on a pilot." in english and "After the event" in english
    chinese = client.get(f"/events/{event_id}?lang=zh").text
    assert "商定试点。" in chinese and "活动之后" in chinese


def test_action_item_create_edit_and_status(world: World, client: FlaskClient,
                                            login: Any) -> None:
    login("organiser")
    event_id = world.liuzhou_event.id
    assert client.post(f"/followup/events/{event_id}/actions/new", data={
        "title": "Draft the MoU", "owner_name": "Ana", "status": "open",
        "due_on": "2030-06-01", "activity_id": str(world.activity_id)}).status_code == 302
    item = db.session.query(ActionItem).filter_by(title="Draft the MoU").one()
    assert item.activity_id == world.activity_id
    assert "Draft the MoU" in client.get("/followup/actions").text
    assert client.post(f"/followup/actions/{item.id}/edit", data={
        "title": "Draft the MoU", "owner_name": "Ana", "status": "done"}).status_code == 302
    db.session.refresh(item)
    assert item.status == "done"
    assert "Draft the MoU" not in client.get("/followup/actions").text
    assert "Draft the MoU" in client.get("/followup/actions?status=done").text
    refused = client.post(f"/followup/actions/{item.id}/edit", data={
        "title": "Draft", "status": "nonsense", "activity_id": "999999"})
    assert refused.status_code == 200 and "status-errors" in refused.text
    assert "行动事项" in client.get("/followup/actions?lang=zh").text
