"""The organisations index is paged (a page and a bounded count), with participant counts
per organisation; the participant list filters by an organisation picked by search."""

from flask.testing import FlaskClient
from sqlalchemy import func, select

from core.extensions import db
from organisations.models import Organisation
from organisations.queries import PAGE_SIZE
from participants.models import Participant


def _many(count: int) -> None:
    db.session.add_all(Organisation(name_en=f"Zz cluster {n:03d}", helix_role="industry")
                       for n in range(count))
    db.session.commit()


def test_index_shows_one_page_with_the_total_and_the_next(organiser: FlaskClient) -> None:
    _many(PAGE_SIZE)
    total = db.session.scalar(select(func.count()).select_from(Organisation))
    first = organiser.get("/participants/organisations/?lang=en").get_data(as_text=True)
    assert first.count("/participants/organisations/") >= PAGE_SIZE
    assert f">{total}</span>" in first and "/participants/organisations/?page=2" in first
    last = organiser.get(f"/participants/organisations/?page={-(-total // PAGE_SIZE)}")
    assert f"Zz cluster {PAGE_SIZE - 1:03d}" in last.get_data(as_text=True)
    search = organiser.get("/participants/organisations/?q=zz+cluster+00").get_data(as_text=True)
    assert "Zz cluster 009" in search and "Zz cluster 010" not in search


def test_participant_counts_per_organisation(organiser: FlaskClient, org) -> None:  # noqa: ANN001
    council = org("barcelona-city-council")
    people = db.session.scalar(select(func.count()).select_from(Participant)
                               .where(Participant.organisation_id == council.id))
    assert people > 0
    page = organiser.get("/participants/organisations/?q=barcelona+city+council")
    row = page.get_data(as_text=True).split(f"/participants/organisations/{council.id}\"")[1]
    assert f'<td class="text-end">{people}</td>' in row.split("</tr>")[0]


def test_organisation_search_answers_json(organiser: FlaskClient) -> None:
    found = organiser.get("/participants/organisations/search?q=barcelona").get_json()
    assert any("Barcelona" in result["label"] for result in found["results"])
    assert len(found["results"]) <= 20


def test_participant_list_ships_only_the_chosen_organisation(organiser: FlaskClient,
                                                             org) -> None:  # noqa: ANN001
    _many(30)
    council = org("barcelona-city-council")
    page = organiser.get(f"/participants/?organisation={council.id}&lang=en")
    text = page.get_data(as_text=True)
    assert "Zz cluster" not in text
    assert 'data-search-url="/participants/organisations/search"' in text
    member = db.session.scalar(select(Participant).where(
        Participant.organisation_id == council.id))
    other = db.session.scalar(select(Participant).where(
        Participant.organisation_id != council.id))
    assert member.name in text and f">{other.name}<" not in text
    assert organiser.get("/participants/?organisation=abc").status_code == 200
