"""Event pages: list filters and paging, constant query counts, calendar feed, detail."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

from flask.testing import FlaskClient

from core.extensions import db
from core.services import load_demo_programme
from tests.events.factories import city, event, mission, utc


def _many_events(count: int) -> None:
    rome, beijing = city("rome"), city("beijing")
    trip = mission()
    for index in range(count):
        event(f"Event {index}", at=rome if index % 2 else beijing,
              start=utc(7, 2, 1) + timedelta(hours=index),
              end=utc(7, 2, 2) + timedelta(hours=index),
              mission=trip, kind="field_visit" if index % 3 else "webinar")


def test_list_query_count_is_constant(client: FlaskClient, login: Callable[..., Any],
                                      count_queries: Callable[[], Any]) -> None:
    login("organiser")
    _many_events(3)
    with count_queries() as few:
        assert client.get("/events/").status_code == 200
    _many_events(30)
    with count_queries() as many:
        page = client.get("/events/").get_data(as_text=True)
    assert "Event 29" not in page or "Event 0" in page
    assert len(many) == len(few)
    assert len(few) <= 10


def test_filters_and_paging(client: FlaskClient) -> None:
    _many_events(30)
    page = client.get("/events/?kind=webinar").get_data(as_text=True)
    assert "10 events" in page
    assert "Event 3<" in page and "Event 1<" not in page
    first = client.get("/events/").get_data(as_text=True)
    assert "30 events" in first and "Event 24<" in first and "Event 25<" not in first
    second = client.get("/events/?page=2").get_data(as_text=True)
    assert "Event 25<" in second
    rome = city("rome")
    only_rome = client.get(f"/events/?city={rome.id}").get_data(as_text=True)
    assert "15 events" in only_rome
    dated = client.get("/events/?date_from=2018-07-03&date_to=2018-07-03").get_data(as_text=True)
    assert "Event 29<" in dated and "Event 2<" not in dated  # days on the viewer's (UTC) clock


def test_date_filter_uses_the_viewers_days(client: FlaskClient,
                                           login: Callable[..., Any]) -> None:
    login("organiser", timezone="Asia/Shanghai")
    event("Late in Rome", at=city("rome"), start=utc(7, 2, 20), end=utc(7, 2, 21))
    event("Early in Beijing", start=utc(7, 2, 1), end=utc(7, 2, 2))
    page = client.get("/events/?date_from=2018-07-03&date_to=2018-07-03").get_data(as_text=True)
    assert "Late in Rome" in page and "Early in Beijing" not in page


def test_internal_events_hidden_from_the_public(client: FlaskClient) -> None:
    event("Secret planning call", visibility="internal")
    event("Open forum")
    page = client.get("/events/").get_data(as_text=True)
    assert "Open forum" in page and "Secret planning call" not in page


def test_calendar_page_uses_vendored_fullcalendar_in_page_language(client: FlaskClient) -> None:
    page = client.get("/events/calendar").get_data(as_text=True)
    assert "vendor/fullcalendar-6.1.21/index.global.min.js" in page
    assert 'data-locale="en-gb"' in page and "zh-cn.global" not in page
    assert "<script>" not in page and "cdn" not in page.lower()
    csp = client.get("/events/calendar").headers["Content-Security-Policy"]
    assert "unsafe-inline" not in csp and "'sha256-47DEQ" in csp  # only an empty <style>
    zh = client.get("/events/calendar?lang=zh").get_data(as_text=True)
    assert "locales/zh-cn.global.min.js" in zh and 'data-locale="zh-cn"' in zh
    with client.get("/static/vendor/fullcalendar-6.1.21/index.global.min.js") as script:
        assert script.status_code == 200


def test_calendar_feed_gives_wall_times_in_the_viewer_zone(client: FlaskClient) -> None:
    event("Cluster meeting", start=utc(7, 2, 1, 30), end=utc(7, 2, 9))  # 09:30 CST
    rows = client.get("/events/feed.json?start=2018-07-01T00:00:00Z&end=2018-07-08T00:00:00Z"
                      "&tz=Europe/Rome").get_json()
    assert [(r["title"], r["start"], r["end"]) for r in rows] == [
        ("Cluster meeting", "2018-07-02T03:30:00", "2018-07-02T11:00:00")]
    rows = client.get("/events/feed.json?start=2018-07-01T00:00:00&end=2018-07-08T00:00:00"
                      "&tz=Asia/Shanghai").get_json()
    assert rows[0]["start"] == "2018-07-02T09:30:00"
    assert client.get("/events/feed.json?start=x&end=y").status_code == 400


def test_detail_shows_venue_viewer_and_each_city_time(client: FlaskClient,
                                                       login: Callable[..., Any]) -> None:
    login("organiser", timezone="America/New_York")
    webinar = event("Rome–Liuzhou webinar", at=city("rome"), kind="webinar", online=True,
                    hybrid=True, join_url="https://meet.example.org/x",
                    start=utc(7, 3, 8), end=utc(7, 3, 9))
    webinar.cities = [city("liuzhou")]
    db.session.commit()
    page = client.get(f"/events/{webinar.id}").get_data(as_text=True)
    assert "10:00 CEST · 16:00 CST" in page
    assert "04:00 EDT" in page  # the viewer's zone
    winter = event("Winter webinar", at=city("rome"), start=utc(1, 16, 9), end=utc(1, 16, 10))
    winter.cities = [city("liuzhou")]
    db.session.commit()
    assert "10:00 CET · 17:00 CST" in client.get(f"/events/{winter.id}").get_data(as_text=True)


def test_event_crossing_midnight_shows_its_end_date(client: FlaskClient) -> None:
    late = event("Night train briefing", at=city("rome"), start=utc(7, 3, 20), end=utc(7, 3, 23))
    page = client.get(f"/events/{late.id}").get_data(as_text=True)
    assert "22:00" in page and "01:00 CEST" in page and "4 Jul 2018" in page


def test_calendar_opens_on_the_latest_event_of_a_finished_programme(
        client: FlaskClient) -> None:
    # Every event of the historical demo is in 2017-2020: the calendar opens on the 4th
    # global event's month (3 December 2020), not on an empty month of today.
    load_demo_programme(sample_season=False)
    client.set_cookie("helix_tz", "Europe/Brussels")
    page = client.get("/events/calendar").get_data(as_text=True)
    assert 'data-initial-date="2020-12-' in page
    chosen = client.get("/events/calendar?date=2018-07-02").get_data(as_text=True)
    assert 'data-initial-date="2018-07-02"' in chosen
