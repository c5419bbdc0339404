"""Organisations: create, duplicate name, refused deletion while people belong to them."""

from flask.testing import FlaskClient
from sqlalchemy import select

from core.extensions import db
from organisations.models import Organisation


def test_create_edit_and_delete_an_empty_organisation(organiser: FlaskClient) -> None:
    response = organiser.post("/participants/organisations/new", data={
        "name_en": "Viterbo Agrifood Cluster", "name_zh": "维泰博农业食品集群",
        "city_id": "", "helix_role": "industry"})
    assert response.status_code == 302
    created = db.session.scalar(select(Organisation).where(
        Organisation.name_en == "Viterbo Agrifood Cluster"))
    assert created.slug == "viterbo-agrifood-cluster"
    page = organiser.get("/participants/organisations/", query_string={"q": "weitaibo"})
    assert "维泰博农业食品集群" in page.get_data(as_text=True)
    created_id = created.id
    response = organiser.post(f"/participants/organisations/{created_id}/delete")
    assert response.status_code == 302
    assert db.session.scalar(select(Organisation).where(Organisation.id == created_id)) is None


def test_duplicate_name_is_refused(organiser: FlaskClient, org) -> None:
    existing = org("barcelona-city-council")
    page = organiser.post("/participants/organisations/new?lang=zh", data={
        "name_en": existing.name_en.upper(), "helix_role": "government"})
    assert "已存在同名机构。" in page.get_data(as_text=True)


def test_deleting_an_organisation_with_participants_is_refused(organiser: FlaskClient,
                                                                org) -> None:
    council = org("barcelona-city-council")
    count = len(council.participants)
    assert count
    response = organiser.post(f"/participants/organisations/{council.id}/delete?lang=zh",
                              follow_redirects=True)
    page = response.get_data(as_text=True)
    assert f"该机构下有 {count} 名参与者：请先将其移出或删除。" in page
    assert db.session.get(Organisation, council.id) is not None
