"""Administrators create and edit users; nobody else may."""

from __future__ import annotations

from flask import Flask
from sqlalchemy import select

from accounts.models import User
from audit.models import AuditEntry
from core.extensions import db
from tests.security.walk import client_for
from tests.security.world import build_world


def test_admin_creates_user_with_one_time_password(app: Flask) -> None:
    world = build_world()
    client = client_for(app, "admin", world)
    listing = client.get("/admin/users/").get_data(as_text=True)
    assert "city_staff@world.example.org" in listing and "City staff" in listing
    response = client.post("/admin/users/new", data={
        "email": "New.Staff@example.org", "role": "city_staff", "city_id": world.chengdu.id,
        "participant_id": "", "active": "y"})
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    page = response.get_data(as_text=True)
    password = page.split('<code class="fs-5 user-select-all">', 1)[1].split("<", 1)[0]
    user = db.session.scalar(select(User).where(User.email == "new.staff@example.org"))
    assert user.role == "city_staff" and user.city_id == world.chengdu.id
    assert user.check_password(password)
    entry = db.session.scalars(select(AuditEntry)).one()
    assert entry.action == "created" and "password_hash" not in entry.changes


def test_form_errors(app: Flask) -> None:
    world = build_world()
    client = client_for(app, "admin", world)
    taken = client.post("/admin/users/new", data={"email": "delegate@world.example.org",
                                                  "role": "delegate"})
    assert "already exists" in taken.get_data(as_text=True)
    cityless = client.post("/admin/users/new", data={"email": "x@example.org",
                                                     "role": "city_staff"})
    assert "City staff need a city." in cityless.get_data(as_text=True)
    bogus = client.post("/admin/users/new", data={"email": "y@example.org", "role": "root"})
    assert bogus.status_code == 200
    assert db.session.scalar(select(User).where(User.email == "y@example.org")) is None


def test_admin_edits_user_and_change_is_audited(app: Flask) -> None:
    world = build_world()
    client = client_for(app, "admin", world)
    delegate = world.users["delegate"]
    response = client.post(f"/admin/users/{delegate.id}/edit", data={
        "email": delegate.email, "role": "organiser", "city_id": "",
        "participant_id": world.delegate_participant.id})
    assert response.status_code == 302
    db.session.expire_all()
    changed = db.session.get(User, delegate.id)
    assert changed.role == "organiser" and changed.active is False
    entry = db.session.scalars(select(AuditEntry)).one()
    assert entry.changes["role"] == ["delegate", "organiser"]
    assert entry.changes["active"] == [True, False]
    assert client.get("/admin/users/999999/edit").status_code == 404


def test_admin_cannot_demote_themselves(app: Flask) -> None:
    world = build_world()
    admin = world.users["admin"]
    client = client_for(app, "admin", world)
    response = client.post(f"/admin/users/{admin.id}/edit", data={
        "email": admin.email, "role": "delegate", "active": "y"}, follow_redirects=True)
    assert "cannot remove your own administrator rights" in response.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(User, admin.id).role == "admin"


def test_users_nav_only_for_admins(app: Flask) -> None:
    world = build_world()
    assert "/admin/users/" in client_for(app, "admin", world).get("/").get_data(as_text=True)
    assert "/admin/users/" not in client_for(app, "organiser", world).get("/").get_data(
        as_text=True)
