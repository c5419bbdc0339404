"""The partnership page, and the city, event and mission pages that link to it."""

from datetime import timedelta

from flask.testing import FlaskClient
from sqlalchemy import select

from core.extensions import db
from core.types import utcnow
from events.models import Event
from invitations.models import Invitation
from missions.models import Mission
from participants.models import Participant
from programme.models import City, Partnership
from tests.events.factories import city, event

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
