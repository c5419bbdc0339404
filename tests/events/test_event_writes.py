"""Event writes: validation next to fields, optimistic locking, cancel/duplicate/delete,
conflict warnings on save, permissions."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from flask.testing import FlaskClient

from core.extensions import db
from events.models import Event
from events.services import update_event
from invitations.models import Invitation
from tests.events.factories import city, event, mission, participant, utc


def form(**overrides: Any) -> dict[str, Any]:
    """A valid in-person event in Rome, typed in Rome time."""
    data = {"kind": "delegation_meeting", "title_en": "Rome meets Liuzhou", "title_zh": "",
            "starts_local": "2018-07-03T10:00", "ends_local": "2018-07-03T12:00",
            "timezone": "", "city_id": str(city("rome").id), "language": "bilingual",
            "status": "confirmed", "visibility": "public", "venue": "Campidoglio"}
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def test_create_stores_utc_and_the_venue_zone(client: FlaskClient,
                                               login: Callable[..., Any]) -> None:
    login("organiser")
    response = client.post("/events/new", data=form())
    assert response.status_code == 302
    created = db.session.scalar(db.select(Event))
    assert created.timezone == "Europe/Rome"
    assert created.starts_at == utc(7, 3, 8) and created.ends_at == utc(7, 3, 10)


@pytest.mark.parametrize(("overrides", "field", "message"), [
    ({"ends_local": "2018-07-03T09:00"}, "ends_local", "The end must be after the start."),
    ({"timezone": "Europe/Atlantis"}, "timezone", "Unknown time zone"),
    ({"timezone": "Asia/Shanghai"}, "timezone", "whose time zone is Europe/Rome"),
    ({"online": "y", "city_id": ""}, "join_url", "needs a join link"),
    ({"city_id": ""}, "city_id", "An in-person event needs a city."),
    ({"hybrid": "y", "join_url": "javascript://%0Aalert(1)"}, "join_url", "https://"),
    ({"starts_local": "2018-03-25T02:30", "ends_local": "2018-03-25T04:00"}, "starts_local",
     "does not exist in Europe/Rome"),
    ({"starts_local": "2018-10-28T02:30", "ends_local": "2018-10-28T04:00"}, "starts_local",
     "happens twice in Europe/Rome"),
])
def test_bad_input_error_next_to_the_field_and_input_kept(
        client: FlaskClient, login: Callable[..., Any], overrides: dict[str, str], field: str,
        message: str) -> None:
    login("organiser")
    response = client.post("/events/new", data=form(**overrides))
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    errors = page.split(f'id="{field}-errors"')[1].split("</div>\n  </div>")[0]
    assert message in errors
    assert 'value="Rome meets Liuzhou"' in page and 'value="Campidoglio"' in page
    assert db.session.scalar(db.select(db.func.count(Event.id))) == 0


def test_errors_are_localised(client: FlaskClient, login: Callable[..., Any]) -> None:
    login("organiser")
    page = client.post("/events/new?lang=zh", data=form(ends_local="2018-07-03T09:00")
                       ).get_data(as_text=True)
    assert "结束时间必须晚于开始时间" in page


def test_event_outside_the_mission_dates_is_refused(client: FlaskClient,
                                                    login: Callable[..., Any]) -> None:
    login("organiser")
    trip = mission(start=date(2018, 7, 1), end=date(2018, 7, 2))
    page = client.post("/events/new", data=form(mission_id=str(trip.id))).get_data(as_text=True)
    assert "outside the mission" in page.split('id="mission_id-errors"')[1]
    page = client.post("/events/new?lang=zh", data=form(mission_id=str(trip.id))
                       ).get_data(as_text=True)
    assert "2018年7月1日 – 2018年7月2日" in page.split('id="mission_id-errors"')[1]
    client.get("/?lang=en")  # back to English for the rest
    ok = client.post("/events/new", data=form(mission_id=str(trip.id),
                                              starts_local="2018-07-02T10:00",
                                              ends_local="2018-07-02T11:00"))
    assert ok.status_code == 302


def test_second_save_is_refused_with_a_link(client: FlaskClient,
                                            login: Callable[..., Any]) -> None:
    login("organiser")
    meeting = event("Original", at=city("rome"))
    opened = client.get(f"/events/{meeting.id}/edit").get_data(as_text=True)
    assert 'name="version_id" type="hidden" value="1"' in opened
    update_event(meeting, {"title_en": "Changed by a colleague"}, 1)  # the first save
    response = client.post(f"/events/{meeting.id}/edit",
                           data=form(title_en="My change", version_id="1"))
    page = response.get_data(as_text=True)
    assert response.status_code == 409
    assert "Someone else saved this event" in page
    assert f'href="/events/{meeting.id}"' in page
    assert 'value="My change"' in page  # what was typed is kept
    db.session.expire_all()
    assert db.session.get(Event, meeting.id).title_en == "Changed by a colleague"


def test_edit_with_current_version_saves_and_bumps_sequence(client: FlaskClient,
                                                            login: Callable[..., Any]) -> None:
    login("organiser")
    meeting = event("Original", at=city("rome"))
    response = client.post(f"/events/{meeting.id}/edit",
                           data=form(title_en="Moved", version_id="1"))
    assert response.status_code == 302
    db.session.expire_all()
    saved = db.session.get(Event, meeting.id)
    assert (saved.title_en, saved.version_id, saved.sequence) == ("Moved", 2, 1)


def test_stale_cancel_is_refused(client: FlaskClient, login: Callable[..., Any]) -> None:
    login("organiser")
    meeting = event("Moved meanwhile")
    update_event(meeting, {"title_en": "Moved by a colleague"}, 1)
    page = client.post(f"/events/{meeting.id}/cancel", data={"version_id": "1"},
                       follow_redirects=True).get_data(as_text=True)
    assert "Someone else saved this event" in page
    db.session.expire_all()
    assert db.session.get(Event, meeting.id).status == "confirmed"


def test_cancel_keeps_the_event(client: FlaskClient, login: Callable[..., Any]) -> None:
    login("organiser")
    meeting = event("To cancel")
    client.post(f"/events/{meeting.id}/cancel", data={"version_id": "1"})
    db.session.expire_all()
    kept = db.session.get(Event, meeting.id)
    assert kept.status == "cancelled" and kept.sequence == 1
    assert "This event was cancelled." in client.get(f"/events/{meeting.id}").get_data(
        as_text=True)


def test_delete_only_drafts(client: FlaskClient, login: Callable[..., Any]) -> None:
    login("organiser")
    draft = event("Draft", status="tentative")
    confirmed = event("Confirmed")
    invited = event("Invited", status="tentative")
    db.session.add(Invitation(event=invited, participant=participant("Ada Guest")))
    db.session.commit()
    client.post(f"/events/{draft.id}/delete")
    client.post(f"/events/{confirmed.id}/delete")
    client.post(f"/events/{invited.id}/delete")
    db.session.expire_all()
    remaining = set(db.session.scalars(db.select(Event.title_en)))
    assert remaining == {"Confirmed", "Invited"}


def test_duplicate_for_the_next_cluster_meeting(client: FlaskClient,
                                                login: Callable[..., Any]) -> None:
    login("organiser")
    original = event("Smart cities cluster", kind="cluster_meeting")
    original.cities = [city("rome")]
    db.session.commit()
    response = client.post(f"/events/{original.id}/duplicate", data={"weeks": "4"})
    copy = db.session.scalar(db.select(Event).where(Event.id != original.id))
    assert response.headers["Location"].endswith(f"/events/{copy.id}/edit")
    assert copy.uid != original.uid and copy.status == "tentative"
    assert copy.starts_at == utc(7, 30, 1) and [c.slug for c in copy.cities] == ["rome"]


def test_overlap_warning_then_confirmed_save(client: FlaskClient,
                                            login: Callable[..., Any]) -> None:
    login("organiser")
    anna = participant("Anna Delegate")
    trip = mission(anna)
    event("Morning meeting", at=city("rome"), mission=trip, start=utc(7, 3, 7),
          end=utc(7, 3, 9))
    data = form(mission_id=str(trip.id), title_en="Clashing visit")
    page = client.post("/events/new", data=data).get_data(as_text=True)
    assert "Schedule warnings" in page and "overlaps" in page and "Morning meeting" in page
    assert db.session.scalar(db.select(db.func.count(Event.id))) == 1
    saved = client.post("/events/new", data={**data, "confirm_conflicts": "y"})
    assert saved.status_code == 302
    detail = client.get(saved.headers["Location"]).get_data(as_text=True)
    assert "Schedule warnings" in detail


def test_chengdu_to_rome_the_same_afternoon_warns(client: FlaskClient,
                                                  login: Callable[..., Any]) -> None:
    login("organiser")
    anna = participant("Anna Delegate")
    trip = mission(anna)
    event("Chengdu morning", at=city("chengdu"), mission=trip, start=utc(7, 3, 1),
          end=utc(7, 3, 4))  # 09:00-12:00 CST
    page = client.post("/events/new", data=form(
        mission_id=str(trip.id), starts_local="2018-07-03T15:00",
        ends_local="2018-07-03T17:00")).get_data(as_text=True)
    assert "Chengdu morning" in page and "km" in page and "only 9 h in between" in page


@pytest.mark.parametrize(("role", "status"), [(None, 302), ("delegate", 403),
                                               ("city_staff", 403)])
def test_writes_need_an_organiser(client: FlaskClient, login: Callable[..., Any],
                                  role: str | None, status: int) -> None:
    meeting = event("Protected")
    if role:
        login(role)  # city staff without a city own nothing
    for response in (client.post("/events/new", data=form()),
                     client.post(f"/events/{meeting.id}/cancel"),
                     client.post(f"/events/{meeting.id}/delete"),
                     client.get("/events/slots")):
        assert response.status_code == status
        if status == 302:
            assert "/login" in response.headers["Location"]
    db.session.expire_all()
    assert db.session.get(Event, meeting.id).status == "confirmed"


def test_city_staff_plan_in_their_own_city_only(client: FlaskClient,
                                                login: Callable[..., Any]) -> None:
    login("city_staff", city_id=city("rome").id)
    assert client.post("/events/new", data=form()).status_code == 302
    elsewhere = form(city_id=str(city("liuzhou").id), timezone="")
    assert client.post("/events/new", data=elsewhere).status_code == 403
    beijing = event("Beijing meeting")
    assert client.get(f"/events/{beijing.id}/edit").status_code == 403
    own = db.session.scalar(db.select(Event).where(Event.title_en == "Rome meets Liuzhou"))
    moved = form(city_id=str(city("liuzhou").id), version_id="1")
    assert client.post(f"/events/{own.id}/edit", data=moved).status_code == 403


def test_writes_are_audited(client: FlaskClient, login: Callable[..., Any]) -> None:
    from audit.services import entries_for

    login("organiser")
    client.post("/events/new", data=form())
    created = db.session.scalar(db.select(Event))
    client.post(f"/events/{created.id}/edit", data=form(title_en="Renamed", version_id="1"))
    client.post(f"/events/{created.id}/cancel", data={"version_id": "2"})
    actions = [entry.action for entry in entries_for(created)]
    assert actions == ["cancelled", "changed", "created"]
    # The history is on the event page: what changed, before → after.
    page = client.get(f"/events/{created.id}?lang=en").get_data(as_text=True)
    assert "History" in page and "Rome meets Liuzhou" in page and "Renamed" in page


def test_invitations_say_who_attends_a_mission_event(client: FlaskClient,
                                                     login: Callable[..., Any]) -> None:
    login("organiser")
    anna, bo = participant("Anna Delegate"), participant("Bo Delegate")
    trip = mission(anna, bo)
    split = event("Bo alone in Rome", at=city("rome"), mission=trip, start=utc(7, 3, 7),
                  end=utc(7, 3, 9))
    db.session.add(Invitation(event=split, participant=bo, status="accepted"))
    db.session.commit()
    page = client.post("/events/new", data=form(mission_id=str(trip.id))).get_data(as_text=True)
    assert "Bo alone in Rome" in page and "(1 person)" in page
    db.session.add(Invitation(event=split, participant=anna, status="declined"))
    db.session.commit()
    page = client.post("/events/new", data=form(mission_id=str(trip.id))).get_data(as_text=True)
    assert "(1 person)" in page
