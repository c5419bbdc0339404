"""Travel, hotels and visa status only for the delegation, organisers and the mission's
city staff; internal events only for delegates who are invited (pages, feeds, JSON)."""

from __future__ import annotations

import datetime as dt

import pytest
from flask import Flask

from core.extensions import db
from events.models import Event
from missions.models import DelegationMember, HotelStay, TravelLeg
from tests.security.walk import client_for
from tests.security.world import World, build_world

HOTEL, CARRIER = "Chengdu Panda Hotel", "SichuanAir"


@pytest.fixture
def world(app: Flask) -> World:
    """The security world, with travel, a hotel and a visa-tracked member in Chengdu."""
    w = build_world()
    w.other_participant.name = "Ana Other"
    db.session.add_all([
        DelegationMember(mission=w.chengdu_mission, participant=w.other_participant,
                         role="member", visa_status="requested"),
        TravelLeg(mission=w.chengdu_mission, mode="flight", from_city=w.barcelona,
                  to_city=w.chengdu, departs_at=dt.datetime(2030, 6, 1, 8, tzinfo=dt.UTC),
                  departure_timezone="Europe/Madrid",
                  arrives_at=dt.datetime(2030, 6, 2, 2, tzinfo=dt.UTC),
                  arrival_timezone="Asia/Shanghai", carrier=CARRIER, number="3U1"),
        HotelStay(mission=w.chengdu_mission, city=w.chengdu, hotel=HOTEL,
                  check_in=dt.date(2030, 6, 2), check_out=dt.date(2030, 6, 4)),
    ])
    db.session.commit()
    return w


def _private_shown(app: Flask, role: str, w: World, mission_id: int) -> dict[str, bool]:
    client = client_for(app, role, w)
    shown = {}
    for suffix in ("", "/print"):
        page = client.get(f"/missions/{mission_id}{suffix}").get_data(as_text=True)
        shown[suffix or "detail"] = HOTEL in page or CARRIER in page or "3U1" in page
    page = client.get(f"/missions/{mission_id}").get_data(as_text=True)
    shown["delegation"] = "Ana Other" in page
    return shown


@pytest.mark.parametrize(("role", "allowed"), [
    ("admin", True), ("organiser", True), ("city_staff", False), ("delegate", False),
    ("anonymous", False)])
def test_travel_stays_and_visas_of_another_delegation(app: Flask, world: World, role: str,
                                                      allowed: bool) -> None:
    shown = _private_shown(app, role, world, world.chengdu_mission.id)
    assert shown == {"detail": allowed, "/print": allowed, "delegation": allowed}


def test_members_and_the_missions_city_staff_see_their_own(app: Flask, world: World) -> None:
    delegate = client_for(app, "delegate", world)
    for suffix in ("", "/print"):
        assert "Liuzhou Hotel" in delegate.get(f"/missions/{world.mission.id}{suffix}").text
    staff = client_for(app, "city_staff", world)
    assert "Liuzhou Hotel" in staff.get(f"/missions/{world.mission.id}").text
    world.users["city_staff"].city_id = world.chengdu.id
    db.session.commit()
    assert HOTEL in client_for(app, "city_staff", world).get(
        f"/missions/{world.chengdu_mission.id}").text


def _internal_event(w: World) -> Event:
    start = dt.datetime(2030, 6, 3, 2, tzinfo=dt.UTC)
    event = Event(slug="closed-door", kind="cluster_meeting", title_en="Closed-door talks",
                  title_zh="闭门会谈", starts_at=start, ends_at=start + dt.timedelta(hours=1),
                  timezone="Asia/Shanghai", city=w.chengdu, mission=w.chengdu_mission,
                  status="confirmed", visibility="internal")
    db.session.add(event)
    db.session.commit()
    return event


def test_internal_events_only_for_invited_delegates(app: Flask, world: World) -> None:
    event = _internal_event(world)
    delegate = client_for(app, "delegate", world)
    feed = "/events/feed.json?start=2030-05-01T00:00:00&end=2030-06-30T00:00:00&tz=UTC"
    assert delegate.get(f"/events/{event.id}").status_code == 404
    assert delegate.get(f"/events/{event.id}.ics").status_code == 404
    titles = [row["title"] for row in delegate.get(feed).get_json()]
    assert "Closed-door talks" not in titles
    assert "Visit chengdu-visit" in titles, "the internal event they are invited to"
    assert "Closed-door talks" not in delegate.get("/events/?date_from=2030-01-01").text
    assert "Closed-door talks" not in delegate.get(f"/cities/{world.chengdu.slug}").text
    assert delegate.get(f"/events/{world.chengdu_event.id}").status_code == 200
    for role in ("admin", "organiser", "city_staff"):
        client = client_for(app, role, world)
        assert client.get(f"/events/{event.id}").status_code == 200, role
        assert "Closed-door talks" in [row["title"] for row in client.get(feed).get_json()]
