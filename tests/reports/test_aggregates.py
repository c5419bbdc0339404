"""The reports' aggregate queries against an independent count, their per-generation
cache, and constant statement counts however many events there are (issue #14)."""

from collections import Counter
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from flask.testing import FlaskClient
from sqlalchemy import select, text

from core.extensions import db
from events.models import Event, EventStatus
from invitations.models import Invitation
from missions.models import DelegationMember, Mission, MissionKind, MissionStatus
from organisations.helix_roles import coerce_role
from outcomes.models import Outcome
from participants.models import Participant
from programme.models import City, Partnership
from reports import dashboard
from reports.queries import EXPECTED, Scope, first_people, helix_composition, people

CANCELLED = EventStatus.CANCELLED.value


@pytest.fixture
def organiser(client: FlaskClient, login: Callable[..., Any], demo: dict[str, int]
              ) -> FlaskClient:
    login("organiser")
    return client


def _all(model: type[Any]) -> list[Any]:
    return list(db.session.scalars(select(model)))


def _partnership() -> Partnership:
    return db.session.scalar(select(Partnership).order_by(Partnership.id))


def _side(person: Participant) -> str | None:
    organisation_city = person.organisation.city if person.organisation else None
    return (person.side or (person.city.side if person.city else None)
            or (organisation_city.side if organisation_city else None))


def _people_of(in_events: Callable[[Event], bool], in_missions: Callable[[Mission], bool]
               ) -> set[Participant]:
    """Who took part, counted row by row in Python (the reports' definition)."""
    invited = {inv.participant for inv in _all(Invitation)
               if inv.status in EXPECTED and inv.event.status != CANCELLED
               and in_events(inv.event)}
    members = {m.participant for m in _all(DelegationMember)
               if m.mission.status != MissionStatus.CANCELLED.value and in_missions(m.mission)}
    return invited | members


def _partnership_of(event: Event) -> int | None:
    return event.partnership_id or (event.mission.partnership_id if event.mission else None)


def test_dashboard_counts_match_a_row_by_row_count(organiser: FlaskClient) -> None:
    data = dashboard.counts()
    visits: Counter[int] = Counter()
    for mission in _all(Mission):
        if mission.status != MissionStatus.CANCELLED.value \
                and mission.kind != MissionKind.ONLINE.value:
            visits.update(city.id for city in mission.cities)
    assert dict(data.delegations) == dict(visits) and visits
    events = Counter((_partnership_of(e), e.starts_at.year) for e in _all(Event)
                     if e.status != CANCELLED and _partnership_of(e) is not None)
    assert {(p, y): n for p, y, n in data.events} == dict(events) and events
    roles = Counter((inv.event.starts_at.year, inv.participant.helix_role)
                    for inv in _all(Invitation)
                    if inv.status in EXPECTED and inv.event.status != CANCELLED)
    assert {(y, r): n for y, r, n in data.roles} == dict(roles) and roles
    assert dict(data.outcomes) == dict(Counter(o.kind for o in _all(Outcome)))
    shown = dashboard.dashboard()
    assert [n for _city, n in shown.delegations] == sorted(visits.values(), reverse=True)


def test_years_are_utc_years_whatever_the_session_zone(organiser: FlaskClient) -> None:
    partnership = _partnership()
    late = datetime(2031, 12, 31, 20, 0, tzinfo=UTC)  # 2032 in Shanghai
    db.session.add(Event(kind="meeting", title_en="New Year's Eve call", starts_at=late,
                         ends_at=late + timedelta(hours=1), timezone="Asia/Shanghai",
                         partnership_id=partnership.id, status="confirmed"))
    db.session.commit()
    if db.session.get_bind().dialect.name == "postgresql":
        db.session.execute(text("SET TIME ZONE 'Asia/Shanghai'"))
    years = {(p, y): n for p, y, n in dashboard.event_counts()}
    assert years[(partnership.id, 2031)] == 1 and (partnership.id, 2032) not in years


@pytest.mark.parametrize("scope", [Scope.CITY, Scope.PARTNERSHIP])
def test_helix_composition_matches_a_row_by_row_count(organiser: FlaskClient,
                                                      scope: Scope) -> None:
    for target in _all(City if scope is Scope.CITY else Partnership):
        if scope is Scope.CITY:
            found = _people_of(lambda e, c=target: e.city_id == c.id,
                               lambda m, c=target: c in m.cities)
        else:
            found = _people_of(
                lambda e, p=target: p.id in (e.partnership_id, e.mission
                                             and e.mission.partnership_id),
                lambda m, p=target: m.partnership_id == p.id)
        expected = Counter((coerce_role(p.helix_role), _side(p)) for p in found)
        assert dict(helix_composition(scope, target.id).counts) == dict(expected)


def test_first_people_are_the_head_of_the_full_list(organiser: FlaskClient) -> None:
    partnership = _partnership()
    everyone = people(Scope.PARTNERSHIP, partnership.id)
    assert len(everyone) > 3
    assert first_people(Scope.PARTNERSHIP, partnership.id, limit=3) == everyone[:3]


def test_reports_follow_every_change_of_the_counted_rows(organiser: FlaskClient) -> None:
    partnership = _partnership()
    path = f"/reports/partnerships/{partnership.id}.json"
    before = organiser.get(path).get_json()
    event = db.session.scalar(select(Event).where(Event.partnership_id == partnership.id,
                                                  Event.status != CANCELLED))
    person = Participant(name="Late Comer", email="late@example.org", helix_role="industry",
                         side="eu")
    db.session.add_all([person, Invitation(event=event, participant=person)])
    db.session.commit()
    after = organiser.get(path).get_json()
    assert after["total"] == before["total"] + 1
    assert after["by_role"]["industry"] == before["by_role"]["industry"] + 1
    person = db.session.get(Participant, person.id)
    person.helix_role = "academia"  # a participant is no feed data: the reports' own hook
    db.session.commit()
    moved = organiser.get(path).get_json()
    assert moved["by_role"]["industry"] == before["by_role"]["industry"]
    assert moved["by_role"]["academia"] == before["by_role"]["academia"] + 1
    page = organiser.get("/reports/dashboard").get_data(as_text=True)
    db.session.add(Outcome(kind="mou", title_en="Fresh MoU", partnership_id=partnership.id))
    db.session.commit()
    assert organiser.get("/reports/dashboard").get_data(as_text=True) != page


def test_index_lists_the_latest_events_and_links_to_the_rest(organiser: FlaskClient) -> None:
    _grow(30)
    page = organiser.get("/reports/").get_data(as_text=True)
    assert 'id="all-events"' in page and 'href="/events/"' in page
    assert page.count('href="/reports/events/') == 25
    assert "Grown event 29" in page and "Grown event 0<" not in page


def _grow(n: int, start: int = 0) -> None:
    """``n`` more events of the first partnership, each with two invitations."""
    partnership = _partnership()
    city = db.session.scalar(select(City).order_by(City.id))
    guests = list(db.session.scalars(select(Participant).order_by(Participant.id).limit(2)))
    base = datetime(2040, 1, 1, 9, 0, tzinfo=UTC)
    for i in range(start, start + n):
        starts = base + timedelta(days=i)
        grown = Event(kind="meeting", title_en=f"Grown event {i}", starts_at=starts,
                      ends_at=starts + timedelta(hours=1), timezone="UTC", city_id=city.id,
                      partnership_id=partnership.id, status="confirmed")
        db.session.add_all([grown, *(Invitation(event=grown, participant=g) for g in guests)])
    db.session.commit()


def _pages() -> Iterator[str]:
    partnership = _partnership()
    city = db.session.scalar(select(City).order_by(City.id))
    yield "/reports/dashboard"
    yield "/reports/"
    yield f"/reports/cities/{city.id}"
    yield f"/reports/partnerships/{partnership.id}"
    yield f"/partnerships/{partnership.id}"


def test_statement_counts_do_not_grow_with_the_events(organiser: FlaskClient,
                                                      count_queries: Callable[[], Any]) -> None:
    def measure() -> dict[str, tuple[int, int]]:
        counts = {}
        for path in _pages():
            runs = []
            for _ in range(2):  # built after the change, then from the cache
                with count_queries() as statements:
                    assert organiser.get(path).status_code == 200
                runs.append(len(statements))
            counts[path] = (runs[0], runs[1])
        return counts

    _grow(5)
    small = measure()
    _grow(45, start=5)
    assert measure() == small
