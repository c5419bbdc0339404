"""List pages run the same number of queries however many rows they show."""

from collections.abc import Callable

from flask.testing import FlaskClient
from sqlalchemy import select

from core.extensions import db
from events.models import Event
from invitations.models import Invitation
from organisations.models import Organisation
from participants.models import Participant


def _grow(org: Callable[[str], Organisation], event: Callable[[str], Event]) -> None:
    council = org("barcelona-city-council")
    target = event("iuc-4th-global-event-2020")
    for n in range(25):
        extra = Organisation(slug=f"extra-{n}", name_en=f"Extra {n}", helix_role="industry",
                             city_id=council.city_id)
        person = Participant(name=f"Extra {n}", email=f"extra{n}@example.org",
                             helix_role="industry", organisation=extra)
        db.session.add_all([extra, person, Invitation(event=target, participant=person)])
    db.session.commit()


def _queries(client: FlaskClient, count_queries, path: str) -> int:
    client.get(path)
    with count_queries() as statements:
        assert client.get(path).status_code == 200
    return len(statements)


def test_list_pages_have_constant_query_counts(organiser: FlaskClient, count_queries, org,
                                               event) -> None:
    target = event("iuc-4th-global-event-2020")
    council = org("barcelona-city-council")
    paths = ["/participants/organisations/", "/participants/key-contacts",
             f"/participants/events/{target.id}/invitations", f"/reports/events/{target.id}",
             f"/participants/organisations/{council.id}", "/reports/dashboard",
             f"/events/{target.id}"]
    before = {path: _queries(organiser, count_queries, path) for path in paths}
    _grow(org, event)
    after = {path: _queries(organiser, count_queries, path) for path in paths}
    assert after == before
    assert db.session.scalar(select(Invitation.id).where(
        Invitation.participant.has(Participant.email == "extra0@example.org")))
