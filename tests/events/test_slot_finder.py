"""The slot finder page: a quiet first visit, pre-filling from a mission or an event, the
delegation's busy time and the cities' public holidays (the July 2018 mission to China)."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from flask.testing import FlaskClient

from core.extensions import db
from events.models import Event
from invitations.models import Invitation
from missions.models import Mission
from participants.models import Participant
from programme.models import City

MISSION = "eu-mission-china-2018"


def _mission() -> Mission:
    return db.session.scalar(db.select(Mission).where(Mission.slug == MISSION))


def _city(slug: str) -> City:
    return db.session.scalar(db.select(City).where(City.slug == slug))


def _selected_ids(page: str) -> set[int]:
    select = re.search(r'<select[^>]*id="cities".*?</select>', page, re.S)
    assert select
    return {int(value) for tag, value in re.findall(r'(<option[^>]*value="(\d+)"[^>]*>)',
                                                     select.group(0)) if "selected" in tag}


def _rome_windows(page: str) -> list[str]:
    """The table's Rome times, e.g. ``09:00–12:00``, one per window."""
    return re.findall(r'Rome</span> (\d\d:\d\d–\d\d:\d\d)', page)


def test_first_visit_shows_no_errors(client: FlaskClient, login: Callable[..., Any],
                                     demo: dict[str, int]) -> None:
    login("organiser")
    for url in ("/events/slots", f"/events/slots?mission={_mission().id}",
                "/events/slots?mission=abc&event=99999999999"):
        page = client.get(url).get_data(as_text=True)
        assert "is-invalid" not in page and "invalid-feedback" not in page
        assert 'id="slot-list"' not in page


def test_mission_prefills_its_cities_and_dates(client: FlaskClient, login: Callable[..., Any],
                                               demo: dict[str, int]) -> None:
    login("organiser")
    mission = _mission()
    assert f'href="/events/slots?mission={mission.id}"' in client.get(
        f"/missions/{mission.id}").get_data(as_text=True)
    page = client.get(f"/events/slots?mission={mission.id}").get_data(as_text=True)
    assert _selected_ids(page) == {c.id for c in mission.cities}
    assert 'value="2018-07-01"' in page and 'value="2018-07-08"' in page
    assert f'name="mission" type="hidden" value="{mission.id}"' in page
    assert "travel legs and events are busy time" in page


def test_event_prefills_its_cities_day_and_length(client: FlaskClient,
                                                  login: Callable[..., Any],
                                                  demo: dict[str, int]) -> None:
    login("organiser")
    visit = db.session.scalar(db.select(Event).where(Event.slug == "yantai-field-visit-2018"))
    assert f'href="/events/slots?event={visit.id}"' in client.get(
        f"/events/{visit.id}").get_data(as_text=True)
    page = client.get(f"/events/slots?event={visit.id}").get_data(as_text=True)
    # One venue city: the mission's cities are offered instead.
    assert _selected_ids(page) == {c.id for c in _mission().cities}
    assert 'value="2018-07-05"' in page and 'value="450"' in page  # 09:00–16:30
    assert f'name="mission" type="hidden" value="{visit.mission_id}"' in page


def _search(client: FlaskClient, mission: Mission | None, first: str, last: str,
            *slugs: str) -> str:
    cities = "&".join(f"cities={_city(slug).id}" for slug in slugs)
    source = f"&mission={mission.id}" if mission else ""
    response = client.get(f"/events/slots?{cities}&date_from={first}&date_to={last}"
                          f"&duration=60{source}")
    assert response.status_code == 200
    return response.get_data(as_text=True)


def test_the_mission_events_are_busy(client: FlaskClient, login: Callable[..., Any],
                                     demo: dict[str, int]) -> None:
    login("organiser")
    alone = _search(client, None, "2018-07-02", "2018-07-06", "rome", "beijing")
    assert _rome_windows(alone) == ["09:00–12:00"] * 5
    # The Beijing cluster meeting runs until 11:00 Rome time on 2 July, the field visits
    # until 10:30 on 5 and 6 July; 4 July's Zhengzhou meeting ends before Rome starts.
    busy = _search(client, _mission(), "2018-07-02", "2018-07-06", "rome", "beijing")
    assert _rome_windows(busy) == ["11:00–12:00", "09:00–12:00", "09:00–12:00",
                                   "10:30–12:00", "10:30–12:00"]


def test_a_delegates_own_invitation_is_busy(client: FlaskClient, login: Callable[..., Any],
                                            demo: dict[str, int]) -> None:
    login("organiser")
    head = db.session.scalar(db.select(Participant).where(
        Participant.email == "marco.bianchi@example.org"))
    # Outside the mission: the head of delegation is invited to a Rome call on 3 July.
    call = Event(kind="webinar", title_en="Rome council call", online=True,
                 timezone="Europe/Rome", starts_at=datetime(2018, 7, 3, 7, 30, tzinfo=UTC),
                 ends_at=datetime(2018, 7, 3, 8, 30, tzinfo=UTC), status="confirmed")
    db.session.add_all([call, Invitation(event=call, participant=head)])
    db.session.commit()
    busy = _search(client, _mission(), "2018-07-03", "2018-07-03", "rome", "beijing")
    assert _rome_windows(busy) == ["10:30–12:00"]
    declined = db.session.scalar(db.select(Invitation).where(Invitation.event_id == call.id))
    declined.status = "declined"
    db.session.commit()
    free = _search(client, _mission(), "2018-07-03", "2018-07-03", "rome", "beijing")
    assert _rome_windows(free) == ["09:00–12:00"]


def test_the_flight_home_on_8_july_is_busy(client: FlaskClient, login: Callable[..., Any],
                                           demo: dict[str, int]) -> None:
    login("organiser")
    # 8 July 2018 is a Sunday: let both cities work every day, so that only the
    # delegation's flight (Beijing 13:30 CST, Rome 19:00 CEST) keeps 09:00 Rome out.
    for slug in ("rome", "beijing"):
        _city(slug).work_days = "0123456"
    db.session.commit()
    alone = _search(client, None, "2018-07-07", "2018-07-08", "rome", "beijing")
    assert _rome_windows(alone) == ["09:00–12:00", "09:00–12:00"]
    busy = _search(client, _mission(), "2018-07-07", "2018-07-08", "rome", "beijing")
    assert _rome_windows(busy) == ["09:00–12:00"]
    slots = _table(busy, "slot-list")
    assert "8 July 2018" not in slots and "7 July 2018" in slots
    listed = re.search(r'<ul id="slot-busy-list">.*?</ul>', busy, re.S)
    assert listed and "Air China CA939 Beijing → Rome" in listed.group(0)
    assert "07:30 CEST – " in listed.group(0) and "19:00 CEST" in listed.group(0)


def _table(page: str, table_id: str) -> str:
    """One table of the page ("" when absent)."""
    found = re.search(rf'<table[^>]*id="{table_id}".*?</table>', page, re.S)
    return found.group(0) if found else ""


def test_holidays_of_each_country(client: FlaskClient, login: Callable[..., Any],
                                  demo: dict[str, int]) -> None:
    login("organiser")
    # 26 December 2018 is St Stephen's Day in Italy; 1 October 2018 China's National Day.
    december = _search(client, None, "2018-12-24", "2018-12-28", "rome", "beijing")
    assert _rome_windows(december) == ["09:00–11:00"] * 3  # 24, 27, 28 (25 and 26 off)
    assert "26 December 2018" not in _table(december, "slot-list")
    calendars = _table(december, "slot-calendars")
    assert "26 December 2018 (Saint Stephen&#39;s Day)" in calendars
    assert "09:00–18:00 · Mon, Tue, Wed, Thu, Fri" in calendars
    october = _search(client, None, "2018-09-29", "2018-10-08", "rome", "beijing")
    slots = _table(october, "slot-list")
    # 29 and 30 September (a Saturday and Sunday) were worked in China, not in Rome;
    # 1–7 October were off in China; Monday 8 October is worked by both.
    assert "8 October 2018" in slots and "1 October 2018" not in slots
    assert "29 September 2018" not in slots and _rome_windows(october) == ["09:00–12:00"]
    china = _table(_search(client, None, "2018-09-29", "2018-10-08", "beijing", "yantai"),
                   "slot-list")
    assert all(day in china for day in ("29 September 2018", "30 September 2018",
                                        "8 October 2018"))
    assert "1 October 2018" not in china and "3 October 2018" not in china
    chinese = client.get(f"/events/slots?cities={_city('beijing').id}&cities="
                         f"{_city('rome').id}&date_from=2018-09-29&date_to=2018-10-08"
                         "&duration=60&lang=zh").get_data(as_text=True)
    calendars = _table(chinese, "slot-calendars")
    assert "2018年10月1日" in calendars and "国庆节" in calendars and "2018年9月29日" in calendars
