"""Account page, password change and "my schedule" with answers to invitations."""

from __future__ import annotations

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select

from accounts.models import User
from audit.models import AuditEntry
from core.extensions import db
from invitations.models import Invitation
from tests.security.walk import client_for
from tests.security.world import PASSWORD, World, build_world

NEW = "a much better secret 2030"


def _audit_count() -> int:
    return db.session.scalar(select(func.count()).select_from(AuditEntry)) or 0


def _change(client: FlaskClient, current: str, new: str, confirm: str | None = None) -> str:
    response = client.post("/account/password", data={
        "current_password": current, "new_password": new, "confirm": confirm or new})
    return response.get_data(as_text=True) if response.status_code == 200 else response.location


def test_account_page_shows_role_and_links(app: Flask) -> None:
    world = build_world()
    page = client_for(app, "city_staff", world).get("/account/").get_data(as_text=True)
    assert "City staff" in page and "Liuzhou" in page
    assert "/account/password" in page and "/account/schedule" in page


def test_password_change(app: Flask) -> None:
    world = build_world()
    client = client_for(app, "delegate", world)
    assert "The current password is not right." in _change(client, "wrong", NEW)
    assert "Use at least 12 characters." in _change(client, PASSWORD, "short")
    assert "The two new passwords differ." in _change(client, PASSWORD, NEW, NEW + "x")
    assert "different from the current one" in _change(client, PASSWORD, PASSWORD)
    assert "e-mail address" in _change(client, PASSWORD, "delegate-and-more-words")
    assert _change(client, PASSWORD, NEW) == "/account/"
    user = db.session.get(User, world.users["delegate"].id)
    db.session.refresh(user)
    assert user.check_password(NEW) and not user.check_password(PASSWORD)
    entry = db.session.scalars(select(AuditEntry)).one()
    assert entry.changes == {"password": ["***", "***"]}, "the hash never reaches the log"
    assert client.get("/account/").status_code == 200, "this session stays signed in"


def test_password_change_signs_out_other_sessions(app: Flask) -> None:
    world = build_world()
    elsewhere = client_for(app, "delegate", world)
    assert elsewhere.get("/account/").status_code == 200
    here = client_for(app, "delegate", world)
    assert _change(here, PASSWORD, NEW) == "/account/"
    assert elsewhere.get("/account/").status_code == 302
    with elsewhere.session_transaction() as session:
        session["_user_id"] = str(world.users["delegate"].id)
    assert elsewhere.get("/account/").status_code == 302, "a bare id is not enough"


def test_schedule_lists_invitations_and_delegations(app: Flask) -> None:
    world = build_world()
    page = client_for(app, "delegate", world).get("/account/schedule").get_data(as_text=True)
    assert "Visit chengdu-visit" in page and "Visit liuzhou-visit" in page
    assert "Mission to Liuzhou" in page
    assert 'name="status" value="declined"' in page
    unlinked = client_for(app, "organiser", world).get("/account/schedule")
    assert "not linked to a participant" in unlinked.get_data(as_text=True)


def test_delegate_answers_own_invitation(app: Flask) -> None:
    world = build_world()
    client = client_for(app, "delegate", world)
    url = f"/account/invitations/{world.own_invitation.id}/answer"
    assert client.post(url, data={"status": "declined"}).status_code == 302
    db.session.expire_all()
    assert db.session.get(Invitation, world.own_invitation.id).status == "declined"
    entry = db.session.scalars(select(AuditEntry)).one()
    assert entry.action == "changed" and entry.changes == {"status": ["invited", "declined"]}
    assert entry.actor_label == "delegate@world.example.org"


def test_delegate_cannot_answer_for_others(app: Flask) -> None:
    world = build_world()
    client = client_for(app, "delegate", world)
    url = f"/account/invitations/{world.other_invitation.id}/answer"
    assert client.post(url, data={"status": "declined"}).status_code == 403
    db.session.expire_all()
    assert db.session.get(Invitation, world.other_invitation.id).status == "invited"
    assert _audit_count() == 0
    assert client.post("/account/invitations/999999/answer").status_code == 404


def test_bad_or_late_answers_are_refused(app: Flask) -> None:
    world: World = build_world()
    client = client_for(app, "delegate", world)
    url = f"/account/invitations/{world.own_invitation.id}/answer"
    response = client.post(url, data={"status": "attended"}, follow_redirects=True)
    assert "can no longer be answered" in response.get_data(as_text=True)
    world.chengdu_event.status = "cancelled"
    db.session.commit()
    client.post(url, data={"status": "accepted"})
    db.session.expire_all()
    assert db.session.get(Invitation, world.own_invitation.id).status == "invited"
