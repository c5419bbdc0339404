"""Resetting a participant's feed address: only for their city's staff, and audited."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask.testing import FlaskClient
from sqlalchemy import select

from audit.models import AuditEntry
from core.extensions import db
from participants.models import Participant
from programme.models import City


def _city(slug: str, name: str) -> City:
    return City(slug=slug, name_en=name, name_zh=name, country="CN", latitude=0.0,
                longitude=0.0, timezone="Asia/Shanghai", side="china")


def _people() -> tuple[City, Participant, Participant]:
    liuzhou, malaga = _city("liuzhou", "Liuzhou"), _city("malaga", "Málaga")
    own = Participant(name="Wei", email="wei@example.cn", helix_role="government", city=liuzhou)
    other = Participant(name="Ana", email="ana@example.es", helix_role="academia", city=malaga)
    db.session.add_all([liuzhou, malaga, own, other])
    db.session.commit()
    return liuzhou, own, other


def test_staff_of_another_city_cannot_reset_or_see_the_address(
        client: FlaskClient, login: Callable[..., Any]) -> None:
    liuzhou, _own, other = _people()
    login("city_staff", city_id=liuzhou.id)
    old = other.feed_token
    assert client.post(f"/calendar/participants/{other.id}/token").status_code == 403
    assert client.get(f"/calendar/participants/{other.id}").status_code == 403
    db.session.expire_all()
    assert db.session.get(Participant, other.id).feed_token == old
    page = client.get(f"/participants/{other.id}").get_data(as_text=True)
    assert old not in page, "the secret address of another city's participant is not shown"


def test_a_reset_is_audited_without_the_token(client: FlaskClient,
                                              login: Callable[..., Any]) -> None:
    liuzhou, own, _other = _people()
    user = login("city_staff", city_id=liuzhou.id)
    old = own.feed_token
    assert client.post(f"/calendar/participants/{own.id}/token").status_code == 302
    db.session.expire_all()
    new = db.session.get(Participant, own.id).feed_token
    assert new != old
    entries = db.session.scalars(select(AuditEntry).where(
        AuditEntry.object_type == "participant", AuditEntry.object_id == own.id)).all()
    assert [(e.action, e.actor_id) for e in entries] == [("changed", user.id)]
    assert "feed_token" in entries[0].changes
    assert old not in str(entries[0].changes) and new not in str(entries[0].changes)
