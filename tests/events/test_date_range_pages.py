"""Every range a page takes goes through core.date_ranges: year 1, 9999, reversed, too
long and malformed ranges give the one localised error (never a 500, never a silent
wrong answer) on the mission and event forms, the event list, its feed and the slot finder."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from flask.testing import FlaskClient

from core.extensions import db
from events.models import Event
from missions.models import Mission
from tests.events.factories import city, event, utc
from tests.events.test_event_writes import form as event_form

YEARS = "between 1970 and 2100"
BAD_DAYS = [  # (first, last, message)
    ("0001-07-01", "2018-07-02", YEARS),
    ("2018-07-01", "9999-12-31", YEARS),
    ("2018-07-05", "2018-07-01", "The last day must not be before the first day."),
    ("2018-07-01", "2018-07-0x", "Not a valid date value."),
    ("2018-02-30", "2018-03-02", "Not a valid date value."),
]


def _errors(page: str, field: str) -> str:
    return page.split(f'id="{field}-errors"')[1].split("</div>\n  </div>")[0]


@pytest.mark.parametrize(("first", "last", "message"), [
    *BAD_DAYS, ("2018-01-01", "2018-05-01", "The range may span at most 120 days.")])
def test_mission_form(client: FlaskClient, login: Callable[..., Any], first: str, last: str,
                      message: str) -> None:
    login("organiser")
    response = client.post("/missions/new", data={
        "kind": "outgoing", "title_en": "Trip", "start_date": first, "end_date": last,
        "status": "planned"})
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert message in _errors(page, "start_date") + _errors(page, "end_date")
    assert f'value="{last}"' in page  # what was typed is kept
    assert db.session.scalar(db.select(db.func.count()).select_from(Mission)) == 0


def test_mission_of_exactly_120_days_is_saved_and_chinese_names_the_limit(
        client: FlaskClient, login: Callable[..., Any]) -> None:
    login("organiser")
    data = {"kind": "outgoing", "title_en": "Trip", "start_date": "2018-01-01",
            "end_date": "2018-04-30", "status": "planned"}
    assert client.post("/missions/new", data=data).status_code == 302
    zh = client.post("/missions/new?lang=zh", data={**data, "end_date": "2018-05-01"})
    assert "120" in _errors(zh.get_data(as_text=True), "end_date")
    assert "天" in _errors(zh.get_data(as_text=True), "end_date")


@pytest.mark.parametrize(("starts", "ends", "message"), [
    ("0001-07-03T10:00", "2018-07-03T12:00", YEARS),
    ("2018-07-03T10:00", "9999-12-31T12:00", YEARS),
    ("2018-07-03T10:00", "2018-07-03T09:00", "The end must be after the start."),
    ("2018-07-03T10:00", "2018-08-03T10:01", "The range may span at most 31 days."),
    ("2018-07-03T10:00", "2018-07-03T25:00", "Not a valid datetime value."),
])
def test_event_form(client: FlaskClient, login: Callable[..., Any], starts: str, ends: str,
                    message: str) -> None:
    login("organiser")
    response = client.post("/events/new", data=event_form(starts_local=starts, ends_local=ends))
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert message in _errors(page, "starts_local") + _errors(page, "ends_local")
    assert db.session.scalar(db.select(db.func.count()).select_from(Event)) == 0


@pytest.mark.parametrize(("first", "last", "message"), [
    *BAD_DAYS, ("2000-01-01", "2020-12-31", "The range may span at most 3660 days.")])
def test_event_list_shows_the_error_and_ignores_the_dates(
        client: FlaskClient, first: str, last: str, message: str) -> None:
    event("Early July", at=city("rome"), start=utc(7, 2, 8), end=utc(7, 2, 9))
    event("Late 2019", at=city("rome"), start=utc(11, 2, 8, year=2019),
          end=utc(11, 2, 9, year=2019))
    response = client.get(f"/events/?date_from={first}&date_to={last}")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert message in page and "invalid-feedback" in page
    assert "Early July" in page and "Late 2019" in page  # not narrowed by a wrong range


def test_event_list_sound_range_still_filters(client: FlaskClient) -> None:
    event("Early July", at=city("rome"), start=utc(7, 2, 8), end=utc(7, 2, 9))
    event("Late 2019", at=city("rome"), start=utc(11, 2, 8, year=2019),
          end=utc(11, 2, 9, year=2019))
    page = client.get("/events/?date_from=2018-07-01&date_to=2018-07-31").get_data(as_text=True)
    assert "Early July" in page and "Late 2019" not in page and "invalid-feedback" not in page


@pytest.mark.parametrize(("start", "end", "message"), [
    ("0001-01-01T00:00:00", "0001-01-08T00:00:00", YEARS),
    ("9999-12-25T00:00:00", "9999-12-31T23:59:59", YEARS),
    ("2018-07-08T00:00:00", "2018-07-01T00:00:00", "The end must be after the start."),
    ("2018-07-01T00:00:00", "2018-09-02T00:00:00", "The range may span at most 62 days."),
    ("2018-07-01T00:00:00", "2018-07-32T00:00:00", "Give the start and the end of the range."),
    ("2018-07-01T00:00:00", "", "Give the start and the end of the range."),
])
def test_calendar_feed(client: FlaskClient, start: str, end: str, message: str) -> None:
    response = client.get(f"/events/feed.json?start={start}&end={end}&tz=Asia/Shanghai")
    assert response.status_code == 400
    assert message in response.get_json()["error"]


def test_calendar_feed_errors_in_chinese_and_62_days_allowed(client: FlaskClient) -> None:
    zh = client.get("/events/feed.json?start=2018-07-01T00:00:00&end=2018-09-02T00:00:00"
                    "&lang=zh")
    assert zh.status_code == 400 and "62" in zh.get_json()["error"]
    assert "天" in zh.get_json()["error"]
    ok = client.get("/events/feed.json?start=2018-07-01T00:00:00&end=2018-09-01T00:00:00")
    assert ok.status_code == 200 and ok.get_json() == []


@pytest.mark.parametrize(("first", "last", "message"), [
    *BAD_DAYS, ("2018-07-01", "2018-08-01", "The range may span at most 31 days.")])
def test_slot_finder(client: FlaskClient, login: Callable[..., Any], first: str, last: str,
                     message: str) -> None:
    login("organiser")
    cities = f"cities={city('rome').id}&cities={city('liuzhou').id}"
    response = client.get(f"/events/slots?{cities}&date_from={first}&date_to={last}"
                          "&duration=60")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert message in _errors(page, "date_from") + _errors(page, "date_to")
