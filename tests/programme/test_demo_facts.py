"""Demo facts a careful reader of the seeds corrected (issue #12): Zhengdong's Chinese name,
and the note on invented days and venues, in both languages on the event page and in the
printable itinerary."""

from __future__ import annotations

from html import unescape

from flask.testing import FlaskClient
from sqlalchemy import select

from core.extensions import db
from events.models import Event
from missions.models import Mission


def test_zhengdong_is_zhengdong_new_area_in_chinese(demo: dict[str, int]) -> None:
    visit = db.session.scalar(select(Event).where(Event.slug == "zhengdong-field-visit-2017"))
    assert visit.title_zh == "郑东新区实地考察"
    texts = [*db.session.scalars(select(Event.title_zh)),
             *db.session.scalars(select(Event.description_zh)),
             *db.session.scalars(select(Mission.objectives_zh))]
    assert not any("郑东经济开发区" in text for text in texts if text)


def test_every_date_note_is_in_both_languages(demo: dict[str, int]) -> None:
    events = db.session.scalars(select(Event).where(
        Event.date_note_en.is_not(None) | Event.date_note_zh.is_not(None))).all()
    assert len(events) >= 60
    for event in events:
        assert event.date_note_en and event.date_note_zh, event.slug
        assert not any("\u4e00" <= ch <= "\u9fff" for ch in event.date_note_en), event.slug
        assert any("\u4e00" <= ch <= "\u9fff" for ch in event.date_note_zh), event.slug


def test_an_assumed_venue_says_so(demo: dict[str, int]) -> None:
    """Málaga City Hall is nowhere in the seeds: the note says the venue was assumed."""
    assumed = db.session.scalars(select(Event).where(Event.venue == "Málaga City Hall")).all()
    assert assumed
    for event in assumed:
        assert "venue assumed" in event.date_note_en and "会场为推定" in event.date_note_zh


def test_the_note_shows_in_the_page_language_and_in_the_printed_itinerary(
        client: FlaskClient, demo: dict[str, int]) -> None:
    meeting = db.session.scalar(select(Event).where(
        Event.slug == "zhengzhou-delegation-malaga-meeting-2017"))
    english = unescape(client.get(f"/events/{meeting.id}?lang=en").get_data(as_text=True))
    chinese = unescape(client.get(f"/events/{meeting.id}?lang=zh").get_data(as_text=True))
    assert meeting.date_note_en in english and meeting.date_note_zh not in english
    assert meeting.date_note_zh in chinese and meeting.date_note_en not in chinese
    assert "日期说明" in chinese
    mission_page = unescape(client.get(f"/missions/{meeting.mission_id}?lang=zh")
                            .get_data(as_text=True))
    assert meeting.date_note_zh in mission_page
    printed = unescape(client.get(f"/missions/{meeting.mission_id}/print")
                       .get_data(as_text=True))
    assert f"Note on the date: {meeting.date_note_en}" in printed
    assert f"日期说明：{meeting.date_note_zh}" in printed


def test_a_delegation_says_which_of_its_days_were_assumed(client: FlaskClient,
                                                          demo: dict[str, int]) -> None:
    trips = db.session.scalars(select(Mission).where(Mission.kind != "online")).all()
    assert trips and all(m.date_note_en and m.date_note_zh for m in trips)
    trip = db.session.scalar(select(Mission).where(Mission.slug == "eu-mission-china-2018"))
    english = unescape(client.get(f"/missions/{trip.id}?lang=en").get_data(as_text=True))
    chinese = unescape(client.get(f"/missions/{trip.id}?lang=zh").get_data(as_text=True))
    assert f"Note on the date: {trip.date_note_en}" in english
    assert f"日期说明：{trip.date_note_zh}" in chinese and trip.date_note_en not in chinese
    printed = unescape(client.get(f"/missions/{trip.id}/print").get_data(as_text=True))
    assert trip.date_note_en in printed and trip.date_note_zh in printed
