"""The demo's sample season (issue #12): upcoming work dated from the loading day, labelled
in both languages, loaded twice without duplicates, shown on the home page and in feeds."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from html import unescape

import pytest
from flask.testing import FlaskClient, FlaskCliRunner
from icalendar import Calendar
from sqlalchemy import func, select

from core.extensions import db
from core.sample_season import first_monday_after, is_holiday, sample_season
from core.services import load_demo_programme
from core.timefmt import to_local
from events.models import Event
from invitations.models import Invitation
from missions.models import DelegationMember, HotelStay, Mission, TravelLeg
from outcomes.models import Outcome
from participants.models import Participant
from registrations.models import RegistrationSettings

#: A Saturday a week before Europe's clocks go forward: the season crosses the change.
TODAY = date(2027, 3, 20)
TABLES = (Participant, Mission, DelegationMember, TravelLeg, HotelStay, Event, Invitation,
          RegistrationSettings, Outcome)


def _counts() -> dict[str, int]:
    return {model.__name__: db.session.scalar(select(func.count()).select_from(model))
            for model in TABLES}


def _sample_events() -> list[Event]:
    return list(db.session.scalars(select(Event).where(Event.slug.like("sample-%"))
                                   .order_by(Event.starts_at)))


def _historical_starts() -> dict[str, datetime]:
    rows = db.session.execute(select(Event.slug, Event.starts_at)
                              .where(Event.slug.not_like("sample-%")))
    return {slug: starts_at for slug, starts_at in rows}


def test_first_monday_after() -> None:
    assert first_monday_after(date(2027, 3, 20)) == date(2027, 3, 22)  # Saturday
    assert first_monday_after(date(2027, 3, 22)) == date(2027, 3, 29)  # Monday: next week


def test_loading_twice_and_on_another_day_adds_nothing(runner: FlaskCliRunner) -> None:
    first = runner.invoke(args=["helix", "load-demo", "--no-accounts", "--today", "2027-03-20"])
    assert first.exit_code == 0, first.output
    counts, history = _counts(), _historical_starts()
    starts = [e.starts_at for e in _sample_events()]
    sample_legs = db.session.scalar(select(func.count()).select_from(TravelLeg).where(
        TravelLeg.mission.has(Mission.slug.like("sample-%"))))
    assert sample_legs == 3 and counts["HotelStay"] == 2
    assert counts["RegistrationSettings"] == 1
    again = runner.invoke(args=["helix", "load-demo", "--no-accounts", "--today", "2027-03-20"])
    assert again.exit_code == 0, again.output
    assert _counts() == counts
    assert [e.starts_at for e in _sample_events()] == starts
    later = runner.invoke(args=["helix", "load-demo", "--no-accounts", "--today", "2027-05-01"])
    assert later.exit_code == 0, later.output
    assert _counts() == counts
    assert _historical_starts() == history  # the documented programme is never moved
    moved = [e.starts_at for e in _sample_events()]
    assert all(new > old for new, old in zip(moved, starts, strict=True))


def test_a_bad_today_is_refused(runner: FlaskCliRunner) -> None:
    result = runner.invoke(args=["helix", "load-demo", "--no-accounts", "--today", "20.3.2027"])
    assert result.exit_code != 0
    assert "YYYY" in result.output or "Invalid value" in result.output


def test_the_season_lies_in_the_coming_months_on_working_hours(app: object) -> None:
    load_demo_programme(today=TODAY)
    events = _sample_events()
    assert len(events) == 9
    kinds = [e.kind for e in events]
    assert kinds.count("webinar") == 4 and "cluster_meeting" in kinds
    for event in events:
        local = to_local(event.starts_at, event.timezone)
        assert TODAY < local.date() <= TODAY + timedelta(days=92), event.slug
        assert local.weekday() < 5, event.slug
        assert time(8) <= local.time() and to_local(event.ends_at, event.timezone).time() <= (
            time(18)), event.slug
        assert event.title_en.startswith("Sample season: ")
        assert event.title_zh.startswith("示例季：")
        assert event.date_note_en.startswith("Sample season") and "示例季" in event.date_note_zh
        if event.online or event.hybrid:
            assert event.join_url.startswith("https://")
    # 09:00 in Rome is 08:00 UTC before the clocks change on 28 March 2027, 07:00 after
    webinar = db.session.scalar(select(Event).where(
        Event.slug == "sample-webinar-positive-energy-districts"))
    assert webinar.starts_at == datetime(2027, 5, 5, 7, 0, tzinfo=UTC)


def test_the_delegation_travels_and_stays(app: object) -> None:
    load_demo_programme(today=TODAY)
    mission = db.session.scalar(select(Mission).where(Mission.slug.like("sample-%")))
    assert mission.title_zh.startswith("示例季：")
    assert "flights and hotels invented" in mission.date_note_en
    assert "航班和酒店均为虚构" in mission.date_note_zh
    assert {c.slug for c in mission.cities} == {"barcelona", "bologna"}
    assert mission.start_date > TODAY
    legs = mission.legs
    assert [(leg.from_city.slug, leg.to_city.slug) for leg in legs] == [
        ("guangzhou", "barcelona"), ("barcelona", "bologna"), ("bologna", "guangzhou")]
    assert all(leg.arrives_at > leg.departs_at for leg in legs)
    assert legs[0].departure_timezone == "Asia/Shanghai"
    assert legs[0].arrival_timezone == "Europe/Madrid"
    assert [s.city.slug for s in mission.stays] == ["barcelona", "bologna"]
    assert mission.stays[0].check_out == mission.stays[1].check_in
    visas = {m.participant.email: m.visa_status for m in mission.members}
    assert visas["chen.jing@example.cn"] == "requested"
    assert visas["sun.qiang@example.cn"] == "needed"
    assert visas["jordi.puig@example.org"] == "not_needed"
    assert all(e.mission_id == mission.id for e in _sample_events() if e.city is not None)


def test_invitations_have_mixed_answers_and_one_webinar_takes_registrations(
        app: object) -> None:
    load_demo_programme(today=TODAY)
    answers = set(db.session.scalars(select(Invitation.status).join(Invitation.event)
                                     .where(Event.slug.like("sample-%"))))
    assert {"accepted", "tentative", "declined", "invited"} <= answers
    settings = db.session.scalars(select(RegistrationSettings)).all()
    assert len(settings) == 1 and settings[0].open
    assert settings[0].event.kind == "webinar" and settings[0].event.visibility == "public"
    assert TODAY < settings[0].deadline.date() < settings[0].event.starts_at.date()


def test_the_season_follows_the_template() -> None:
    season = sample_season(TODAY)
    assert [m["slug"] for m in season["missions"]] == [
        "sample-delegation-guangzhou-liuzhou-barcelona-bologna"]
    assert all(e["slug"].startswith("sample-") for e in season["events"])


def test_holidays() -> None:
    assert is_holiday(date(2026, 12, 25)) and is_holiday(date(2027, 1, 1))
    assert not is_holiday(date(2026, 12, 23)) and not is_holiday(date(2027, 1, 4))
    assert is_holiday(date(2027, 2, 5)) and is_holiday(date(2027, 2, 12))  # 6 February 2027
    assert not is_holiday(date(2027, 2, 4)) and not is_holiday(date(2027, 2, 13))


def test_whatever_the_loading_day_the_season_avoids_holidays() -> None:
    """Loaded on any day of a year, the delegation and every event stay on working days out
    of Christmas and the Spring Festival week, within about three months; the delegation's
    events stay inside its trip."""
    for n in range(365):
        today = date(2026, 6, 1) + timedelta(days=n)
        season = sample_season(today)
        trip = season["missions"][0]
        trip_days = [trip["start"] + timedelta(days=d)
                     for d in range((trip["end"] - trip["start"]).days + 1)]
        assert not any(is_holiday(day) for day in trip_days), today
        for event in season["events"]:
            day = date.fromisoformat(event["start"][:10])
            assert today < day <= today + timedelta(days=92), (today, event["slug"])
            assert day.weekday() < 5 and not is_holiday(day), (today, event["slug"])
            if event.get("mission"):
                assert trip["start"] <= day <= trip["end"], (today, event["slug"])


@pytest.fixture
def pinned_now(monkeypatch: pytest.MonkeyPatch) -> datetime:
    """The home page's and the feeds' "now": :data:`TODAY` at noon UTC, whatever the real
    date."""
    now = datetime.combine(TODAY, time(12), tzinfo=UTC)
    monkeypatch.setattr("events.contributions.utcnow", lambda: now)
    monkeypatch.setattr("calendars.feeds.utcnow", lambda: now)
    monkeypatch.setattr("registrations.services.utcnow", lambda: now)
    return now


@pytest.mark.parametrize(("lang", "title"), [
    ("en", "Sample season: Webinar: hydrogen for e-mobility"),
    ("zh", "示例季：网络研讨会：氢能助力电动出行"),
])
def test_the_home_page_lists_the_coming_sample_events(client: FlaskClient, pinned_now: datetime,
                                                      lang: str, title: str) -> None:
    load_demo_programme(today=TODAY)
    page = unescape(client.get(f"/?lang={lang}").get_data(as_text=True))
    upcoming = page.split('id="upcoming"', 1)[1].split('id="recent"', 1)[0]
    assert title in upcoming
    assert "No events." not in upcoming and "暂无活动。" not in upcoming


def test_the_date_note_is_in_the_page_language(client: FlaskClient) -> None:
    load_demo_programme(today=TODAY)
    event = _sample_events()[0]
    english = unescape(client.get(f"/events/{event.id}?lang=en").get_data(as_text=True))
    chinese = unescape(client.get(f"/events/{event.id}?lang=zh").get_data(as_text=True))
    assert event.date_note_en in english and event.date_note_zh not in english
    assert event.date_note_zh in chinese and event.date_note_en not in chinese


@pytest.mark.parametrize("url", ["/calendar/programme.ics", "/calendar/cities/barcelona.ics",
                                 "/calendar/themes/smart-cities.ics"])
def test_the_public_feeds_hold_the_sample_season(client: FlaskClient, pinned_now: datetime,
                                                  url: str) -> None:
    load_demo_programme(today=TODAY)
    for lang, label in (("en", "Sample season: "), ("zh", "示例季：")):
        response = client.get(f"{url}?lang={lang}")
        assert response.status_code == 200
        events = Calendar.from_ical(response.data).walk("VEVENT")
        summaries = [str(event.get("SUMMARY")) for event in events]
        assert any(s.startswith(label) for s in summaries), (url, lang)


def test_the_open_webinar_takes_registrations(client: FlaskClient, pinned_now: datetime) -> None:
    load_demo_programme(today=TODAY)
    webinar = db.session.scalar(select(Event).where(
        Event.slug == "sample-webinar-blockchain-open-registration"))
    page = client.get(f"/events/{webinar.id}?lang=zh").get_data(as_text=True)
    assert f'href="/register/{webinar.id}"' in page
    form = client.get(f"/register/{webinar.id}")
    assert form.status_code == 200 and 'name="email"' in form.get_data(as_text=True)
