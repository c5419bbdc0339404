"""City staff reach an event through its own cities, never through its umbrella mission."""

from __future__ import annotations

from collections.abc import Callable
from types import SimpleNamespace
from typing import Any

from flask.testing import FlaskClient

from accounts.permissions import target_facts
from core.extensions import db
from events.models import Event
from programme.models import Partnership
from tests.events.factories import city, mission, utc


def _mou_signing() -> Event:
    """An online MoU signing of the Rome–Yantai pairing (no venue, no participating
    cities), in an umbrella mission that also visits Liuzhou."""
    umbrella = mission(cities=[city("liuzhou"), city("yantai"), city("rome")])
    pairing = Partnership(slug="rome-yantai", eu_cities=[city("rome")],
                          china_cities=[city("yantai")],
                          stage="do")
    signing = Event(kind="mou_signing", title_en="Yantai MoU signing", starts_at=utc(7, 3, 1),
                    ends_at=utc(7, 3, 2), timezone="Asia/Shanghai", city=None, online=True,
                    status="confirmed", mission=umbrella, partnership=pairing)
    db.session.add(signing)
    db.session.commit()
    return signing


def test_an_online_event_belongs_to_its_own_cities_only(app: Any) -> None:
    signing = _mou_signing()
    assert target_facts(signing).city_ids == {city("yantai").id, city("rome").id}
    signing.cities = [city("chengdu")]
    assert target_facts(signing).city_ids == {city("chengdu").id}, "participants first"
    invitation = SimpleNamespace(event=signing)  # an invitation reaches it through its event
    assert target_facts(invitation).city_ids == {city("chengdu").id}


def test_staff_of_another_city_of_the_mission_cannot_cancel(
        client: FlaskClient, login: Callable[..., Any]) -> None:
    signing = _mou_signing()
    login("city_staff", city_id=city("liuzhou").id)
    assert client.post(f"/events/{signing.id}/cancel").status_code == 403
    db.session.expire_all()
    assert db.session.get(Event, signing.id).status == "confirmed"


def test_staff_of_a_participating_city_may_cancel(
        client: FlaskClient, login: Callable[..., Any]) -> None:
    signing = _mou_signing()
    login("city_staff", city_id=city("yantai").id)
    assert client.post(f"/events/{signing.id}/cancel",
                       data={"version_id": signing.version_id}).status_code == 302
    db.session.expire_all()
    assert db.session.get(Event, signing.id).status == "cancelled"
