"""The partnership page, and the city, event and mission pages that link to it."""

from collections.abc import Callable
from datetime import timedelta
from typing import Any

from flask.testing import FlaskClient
from sqlalchemy import select

from actionplans.models import Activity
from core.extensions import db
from core.types import utcnow
from events.models import Event
from followup.models import ActionItem
from indicators.models import IndicatorValue
from invitations.models import Invitation
from missions.models import Mission
from participants.models import Participant
from programme.models import City, Partnership
from tests.events.factories import city, event
from tests.security.world import build_world

CLUSTER = "barcelona-chengdu-guangzhou-yangzhou-liuzhou"


def _cluster() -> Partnership:
    found = db.session.scalar(select(Partnership).where(Partnership.slug == CLUSTER))
    assert found is not None
    return found


def test_partnership_page_in_both_languages(client: FlaskClient,
                                            demo: dict[str, int]) -> None:
    cluster = _cluster()
    english = client.get(f"/partnerships/{cluster.id}?lang=en").get_data(as_text=True)
    for name in ("Barcelona", "Chengdu", "Guangzhou", "Yangzhou", "Liuzhou", "Missions",
                 "Outcomes"):
        assert name in english
    chinese = client.get(f"/partnerships/{cluster.id}?lang=zh").get_data(as_text=True)
    for name in ("巴塞罗那", "成都", "柳州"):
        assert name in chinese
    for link in (f"/partnerships/{cluster.id}/plan", f"/partnerships/{cluster.id}/indicators"):
        assert f'href="{link}"' in english  # its action plan and indicators


def test_partnership_page_lists_its_events_and_missions(client: FlaskClient,
                                                        demo: dict[str, int]) -> None:
    event = db.session.scalar(select(Event).where(
        Event.partnership_id.is_not(None), Event.visibility == "public").order_by(Event.id))
    assert event is not None
    page = client.get(f"/partnerships/{event.partnership_id}?lang=en").get_data(as_text=True)
    assert f"/events/{event.id}" in page
    mission = db.session.scalar(select(Mission).where(Mission.partnership_id.is_not(None))
                                .order_by(Mission.id))
    if mission is not None:
        page = client.get(f"/partnerships/{mission.partnership_id}").get_data(as_text=True)
        assert f"/missions/{mission.id}" in page


def test_unknown_partnership_is_404(client: FlaskClient, demo: dict[str, int]) -> None:
    assert client.get("/partnerships/999999").status_code == 404


def test_event_and_mission_pages_link_to_their_partnership(client: FlaskClient,
                                                           demo: dict[str, int]) -> None:
    event = db.session.scalar(select(Event).where(
        Event.partnership_id.is_not(None), Event.visibility == "public").order_by(Event.id))
    assert event is not None
    page = client.get(f"/events/{event.id}?lang=en").get_data(as_text=True)
    assert f"/partnerships/{event.partnership_id}" in page
    mission = db.session.scalar(select(Mission).where(Mission.partnership_id.is_not(None))
                                .order_by(Mission.id))
    assert mission is not None
    page = client.get(f"/missions/{mission.id}?lang=en").get_data(as_text=True)
    assert f"/partnerships/{mission.partnership_id}" in page


def test_city_page_shows_partnerships_and_participating_events(
        client: FlaskClient, demo: dict[str, int]) -> None:
    page = client.get("/cities/liuzhou?lang=en").get_data(as_text=True)
    assert f"/partnerships/{_cluster().id}" in page
    rome = client.get("/cities/rome?lang=en").get_data(as_text=True)
    recent = rome.split("Recent events", 1)[1]
    assert "No events." not in recent
    # The latest public online event Rome's people are invited to (no venue city of its own).
    invited = db.session.scalars(
        select(Invitation.event_id).join(Participant).join(City, City.id == Participant.city_id)
        .join(Event, Event.id == Invitation.event_id)
        .where(City.slug == "rome", Event.visibility == "public", Event.city_id.is_(None),
               Event.starts_at < utcnow())
        .order_by(Event.starts_at.desc())).first()
    assert invited is not None
    assert f"/events/{invited}" in recent


def test_city_page_lists_a_few_events_each_way_and_links_to_all(client: FlaskClient) -> None:
    rome = city("rome")
    now = utcnow()
    for n in range(1, 13):
        event(f"Past {n}", at=rome, start=now - timedelta(days=n), end=now - timedelta(days=n)
              + timedelta(hours=2))
        event(f"Next {n}", at=rome, start=now + timedelta(days=n),
              end=now + timedelta(days=n, hours=2))
    page = client.get("/cities/rome?lang=en").get_data(as_text=True)
    upcoming, recent = page.split("Recent events", 1)
    assert [f"Next {n}<" in upcoming for n in (1, 10, 11)] == [True, True, False]
    assert [f"Past {n}<" in recent for n in (1, 10, 11)] == [True, True, False]
    assert "Past 1<" not in upcoming and "Next 1<" not in recent
    assert f"/events/?city={rome.id}" in page


def test_partnership_page_shows_its_action_plan_in_constant_queries(
        client: FlaskClient, count_queries: Callable[[], Any]) -> None:
    world = build_world()
    url = f"/partnerships/{world.partnership.id}"
    db.session.expire_all()
    with count_queries() as few:
        page = client.get(url + "?lang=en").get_data(as_text=True)
    assert 'id="plan-activities"' in page and "<td>Pilot</td>" in page
    event = db.session.get(Event, world.liuzhou_event.id)
    for n in range(3):
        db.session.add(Activity(partnership_id=world.partnership.id, title_en=f"Extra {n}",
                                title_zh=f"活动{n}", status="done", events=[event]))
    db.session.commit()
    db.session.expire_all()
    with count_queries() as many:
        page = client.get(url + "?lang=zh").get_data(as_text=True)
    assert "活动2" in page and "已完成" in page and f'href="/events/{event.id}"' in page
    assert len(many) == len(few)


def test_partnership_page_lists_its_open_action_items_to_those_who_may_list_them(
        client: FlaskClient, login: Callable[..., Any]) -> None:
    world = build_world()  # "Send the minutes": open, at an event of the partnership's mission
    activity = db.session.get(Activity, world.activity_id)
    db.session.add_all([
        ActionItem(event=world.chengdu_event, title="Carry the pilot on", status="open",
                   activity=activity),
        ActionItem(event=world.liuzhou_event, title="Closed long ago", status="done"),
        ActionItem(event=world.chengdu_event, title="Another partnership's", status="open")])
    db.session.commit()
    url = f"/partnerships/{world.partnership.id}?lang=en"
    assert "Send the minutes" not in client.get(url).get_data(as_text=True)  # a visitor
    login("organiser")
    page = client.get(url).get_data(as_text=True)
    assert "Send the minutes" in page and "Carry the pilot on" in page
    assert "Closed long ago" not in page and "Another partnership" not in page
    assert f'href="/events/{world.chengdu_event.id}#event-followup"' in page


def test_partnership_page_shows_indicators_to_those_who_may_see_them(
        client: FlaskClient, login: Callable[..., Any]) -> None:
    world = build_world()
    db.session.get(Event, world.liuzhou_event.id).partnership_id = world.partnership.id
    db.session.add(IndicatorValue(partnership_id=world.partnership.id, code="visits",
                                  year=2030, value=3, source="Programme office"))
    db.session.commit()
    url = f"/partnerships/{world.partnership.id}"
    assert 'id="partnership-indicators"' not in client.get(url).get_data(as_text=True)
    login("organiser")
    page = client.get(url + "?lang=zh").get_data(as_text=True)
    part = page[page.index('id="partnership-indicators"'):]
    assert "接待的高层访问或代表团" in part and "Programme office" in part
    assert "不同人员 · 学术界 / 研究机构: 1" in part  # Ana, invited to its event
