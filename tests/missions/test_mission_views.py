"""Mission pages and writes: itinerary by local date, legs, stays, visas, print, locking,
constant query counts."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from flask.testing import FlaskClient

from core.extensions import db
from missions.models import DelegationMember, HotelStay, Mission, TravelLeg
from missions.services import update_mission
from tests.events.factories import city, event, mission, participant, utc


def _fill(trip: Mission, count: int, first: int = 0) -> None:
    for index in range(first, first + count):
        event(f"Visit {index}", at=city("yantai" if index % 2 else "beijing"), mission=trip,
              start=utc(7, 2, 1) + timedelta(hours=3 * index),
              end=utc(7, 2, 2) + timedelta(hours=3 * index))
        db.session.add(TravelLeg(mission=trip, from_city=city("beijing"), to_city=city("yantai"),
                                 departs_at=utc(7, 3, 1) + timedelta(hours=index),
                                 departure_timezone="Asia/Shanghai",
                                 arrives_at=utc(7, 3, 2) + timedelta(hours=index),
                                 arrival_timezone="Asia/Shanghai", mode="train"))
        db.session.add(HotelStay(mission=trip, city=city("beijing"), hotel=f"Hotel {index}",
                                 check_in=date(2018, 7, 1), check_out=date(2018, 7, 3)))
        person = participant(f"Member {index}")
        db.session.add(DelegationMember(mission=trip, participant=person))
    db.session.commit()


def test_mission_pages_issue_a_constant_number_of_queries(
        client: FlaskClient, login: Callable[..., Any], count_queries: Callable[[], Any]) -> None:
    login("organiser")
    trip = mission()
    _fill(trip, 2)
    with count_queries() as few_detail:
        assert client.get(f"/missions/{trip.id}").status_code == 200
    with count_queries() as few_list:
        assert client.get("/missions/").status_code == 200
    _fill(trip, 20, first=2)
    for index in range(10):
        mission(title_en=f"Other mission {index}")
    with count_queries() as many_detail:
        page = client.get(f"/missions/{trip.id}").get_data(as_text=True)
    with count_queries() as many_list:
        client.get("/missions/")
    assert "Visit 21" in page and "Member 21" in page and "Hotel 21" in page
    assert len(many_detail) == len(few_detail) <= 20
    assert len(many_list) == len(few_list) <= 5


def test_itinerary_groups_by_venue_local_date_with_overnight_flight(
        client: FlaskClient, login: Callable[..., Any]) -> None:
    login("organiser", timezone="Europe/Rome")
    trip = mission()
    rome, beijing = city("rome"), city("beijing")
    response = client.post(f"/missions/{trip.id}/legs", data={
        "mode": "flight", "from_city_id": rome.id, "to_city_id": beijing.id,
        "departs_local": "2018-07-01T21:40", "arrives_local": "2018-07-02T13:30",
        "carrier": "Air China", "number": "CA940"})
    assert response.status_code == 302
    leg = db.session.scalar(db.select(TravelLeg))
    assert leg.departs_at == utc(7, 1, 19, 40) and leg.arrives_at == utc(7, 2, 5, 30)
    event("Early breakfast", at=beijing, mission=trip, start=utc(7, 2, 23, 30),
          end=utc(7, 3, 0, 30))  # 07:30 CST on 3 July, still 2 July in UTC
    page = client.get(f"/missions/{trip.id}").get_data(as_text=True)
    day1 = page.split('data-date="2018-07-01"')[1].split('data-date="2018-07-02"')[0]
    day2 = page.split('data-date="2018-07-02"')[1].split('data-date="2018-07-03"')[0]
    day3 = page.split('data-date="2018-07-03"')[1].split('data-date="2018-07-04"')[0]
    assert "CA940" in day1 and "21:40 CEST" in day1 and "13:30 CST (+1)" in day1
    assert "Arrival in Beijing" in day2
    assert "Early breakfast" in day3 and "07:30 CST" in day3 and "01:30" in day3


def test_leg_errors(client: FlaskClient, login: Callable[..., Any]) -> None:
    login("organiser")
    trip = mission()
    rome, beijing = city("rome"), city("beijing")
    page = client.post(f"/missions/{trip.id}/legs", data={
        "mode": "flight", "from_city_id": rome.id, "to_city_id": beijing.id,
        "departs_local": "2018-07-02T10:00", "arrives_local": "2018-07-02T15:00"}
    ).get_data(as_text=True)  # 08:00 UTC -> 07:00 UTC: arrives before it leaves
    assert "The arrival must be after the departure" in page.split('id="arrives_local-errors"')[1]
    page = client.post(f"/missions/{trip.id}/legs", data={
        "mode": "flight", "from_city_id": rome.id, "to_city_id": beijing.id,
        "departs_local": "2018-03-25T02:15", "arrives_local": "2018-03-25T20:00"}
    ).get_data(as_text=True)
    assert "does not exist in Europe/Rome" in page.split('id="departs_local-errors"')[1]


def test_stays_and_visa_status(client: FlaskClient, login: Callable[..., Any]) -> None:
    login("organiser")
    trip = mission()
    li = participant("Li Na")
    assert client.post(f"/missions/{trip.id}/stays", data={
        "city_id": city("yantai").id, "hotel": "Yantai Marina Hotel",
        "check_in": "2018-07-04", "check_out": "2018-07-06"}).status_code == 302
    bad = client.post(f"/missions/{trip.id}/stays", data={
        "city_id": city("yantai").id, "hotel": "X", "check_in": "2018-07-06",
        "check_out": "2018-07-06"}).get_data(as_text=True)
    assert "Check-out must be after check-in." in bad
    assert client.post(f"/missions/{trip.id}/members", data={
        "participant_id": li.id, "role": "interpreter", "visa_status": "requested",
        "letter_requested_on": "2018-05-20"}).status_code == 302
    member = db.session.scalar(db.select(DelegationMember))
    issued = client.post(f"/missions/{trip.id}/members/{member.id}", data={
        "role": "interpreter", "visa_status": "issued"}).get_data(as_text=True)
    assert "Enter the date the visa was issued." in issued
    client.post(f"/missions/{trip.id}/members/{member.id}", data={
        "role": "interpreter", "visa_status": "issued", "visa_issued_on": "2018-06-15",
        "letter_requested_on": "2018-05-20"})
    page = client.get(f"/missions/{trip.id}").get_data(as_text=True)
    assert "Li Na" in page and "Issued" in page and "15 Jun 2018" in page
    night = page.split('data-date="2018-07-05"')[1].split('data-date="2018-07-06"')[0]
    assert "Yantai Marina Hotel" in night


def test_printable_itinerary_is_bilingual(client: FlaskClient) -> None:
    trip = mission()
    event("Field visit to Yantai", title_zh="烟台实地考察", kind="field_visit",
          at=city("yantai"), mission=trip)
    page = client.get(f"/missions/{trip.id}/print").get_data(as_text=True)
    assert "Field visit to Yantai" in page and "烟台实地考察" in page
    assert "Field visit" in page and "实地考察" in page and "Yantai" in page and "烟台" in page
    assert "itinerary-print.css" in page and "<script" not in page


def test_mission_dates_must_hold_its_events(client: FlaskClient,
                                            login: Callable[..., Any]) -> None:
    login("organiser")
    trip = mission()
    event("Day two", mission=trip)  # 2 July, Beijing
    data = {"kind": "outgoing", "title_en": "EU mission", "start_date": "2018-07-03",
            "end_date": "2018-07-08", "status": "planned", "version_id": "1"}
    page = client.post(f"/missions/{trip.id}/edit", data=data).get_data(as_text=True)
    assert "outside these dates" in page.split('id="end_date-errors"')[1]
    assert "2 Jul 2018" in page.split('id="end_date-errors"')[1]
    page = client.post(f"/missions/{trip.id}/edit?lang=zh", data=data).get_data(as_text=True)
    assert "2018年7月2日" in page.split('id="end_date-errors"')[1]  # not 2018-07-02
    client.get("/?lang=en")  # back to English for the rest
    page = client.post(f"/missions/{trip.id}/edit", data={**data, "start_date": "2018-07-09"}
                       ).get_data(as_text=True)
    assert "must not be before the first day" in page


def test_second_mission_save_is_refused(client: FlaskClient, login: Callable[..., Any]) -> None:
    login("organiser")
    trip = mission()
    update_mission(trip, {"title_en": "Colleague's title"}, 1)
    response = client.post(f"/missions/{trip.id}/edit", data={
        "kind": "outgoing", "title_en": "Mine", "start_date": "2018-07-01",
        "end_date": "2018-07-08", "status": "planned", "version_id": "1"})
    assert response.status_code == 409
    assert f'href="/missions/{trip.id}"' in response.get_data(as_text=True)


def test_create_mission(client: FlaskClient, login: Callable[..., Any]) -> None:
    login("organiser")
    response = client.post("/missions/new", data={
        "kind": "outgoing", "title_en": "EU cities' one-week mission to China",
        "title_zh": "欧盟城市中国一周考察团", "start_date": "2018-07-01",
        "end_date": "2018-07-08", "status": "planned",
        "cities": [str(city("beijing").id), str(city("yantai").id)]})
    assert response.status_code == 302
    created = db.session.scalar(db.select(Mission))
    assert [c.slug for c in created.cities] == ["beijing", "yantai"]
    assert client.post("/missions/new", data={}).status_code == 200
    # The mission page shows its history to organisers.
    page = client.get(f"/missions/{created.id}?lang=en").get_data(as_text=True)
    assert "History" in page


def test_legs_and_stays_must_fit_the_mission(client: FlaskClient,
                                             login: Callable[..., Any]) -> None:
    login("organiser")
    trip = mission()  # 1–8 July 2018
    page = client.post(f"/missions/{trip.id}/legs", data={
        "mode": "train", "from_city_id": city("beijing").id, "to_city_id": city("yantai").id,
        "departs_local": "2018-07-20T10:00", "arrives_local": "2018-07-20T14:00"}
    ).get_data(as_text=True)
    assert "Outside the mission's dates" in page.split('id="departs_local-errors"')[1]
    page = client.post(f"/missions/{trip.id}/stays", data={
        "city_id": city("yantai").id, "hotel": "Late Hotel", "check_in": "2018-07-08",
        "check_out": "2018-07-12"}).get_data(as_text=True)
    assert "Outside the mission's dates" in page.split('id="check_out-errors"')[1]
    page = client.post(f"/missions/{trip.id}/stays?lang=zh", data={
        "city_id": city("yantai").id, "hotel": "Late Hotel", "check_in": "2018-07-08",
        "check_out": "2018-07-12"}).get_data(as_text=True)
    assert "2018年7月1日 – 2018年7月8日" in page.split('id="check_out-errors"')[1]
    client.get("/?lang=en")  # back to English for the rest
    assert db.session.scalar(db.select(db.func.count(HotelStay.id))) == 0
