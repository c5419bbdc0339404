"""A person's side of their own (issue #12): defaulting from the city, chosen on the form,
shown on the profile in both languages and counted by the helix reports."""

from collections.abc import Callable
from typing import Any

from flask.testing import FlaskClient
from sqlalchemy import select

from core.extensions import db
from participants.models import Participant
from reports.queries import Scope, helix_composition

FORM = {"name": "Núria Ferrer", "name_zh": "", "email": "nuria.ferrer@example.org",
        "position": "Urban planner", "helix_role": "", "city_id": "", "language": "en",
        "timezone": ""}


def test_side_defaults_from_the_organisations_city(organiser: FlaskClient, org,
                                                   by_email) -> None:
    council = org("barcelona-city-council")
    data = {**FORM, "organisation_id": council.id, "side": ""}
    assert organiser.post("/participants/new", data=data).status_code == 302
    assert by_email("nuria.ferrer@example.org").side == "eu"


def test_side_chosen_on_the_form_wins(organiser: FlaskClient, org, by_email) -> None:
    office = org("iuc-asia-office")
    data = {**FORM, "organisation_id": office.id, "side": "international"}
    assert organiser.post("/participants/new", data=data).status_code == 302
    person = by_email("nuria.ferrer@example.org")
    assert person.side == "international" and person.city.side == "china"
    page = organiser.get(f"/participants/{person.id}").get_data(as_text=True)
    assert "International" in page.split('id="participant-side"')[1].split("</dd>")[0]
    page = organiser.get(f"/participants/{person.id}?lang=zh").get_data(as_text=True)
    assert "国际" in page.split('id="participant-side"')[1].split("</dd>")[0]


def test_unknown_side_is_refused_in_chinese(organiser: FlaskClient, org) -> None:
    data = {**FORM, "organisation_id": org("iuc-asia-office").id, "side": "mars"}
    response = organiser.post("/participants/new?lang=zh", data=data)
    assert response.status_code == 200
    errors = response.get_data(as_text=True).split('id="side-errors"')[1].split("</div>\n")[0]
    assert "invalid-feedback" in errors
    assert db.session.scalar(select(Participant).where(
        Participant.email == FORM["email"])) is None


def test_iuc_office_staff_in_beijing_are_international(by_email: Callable[[str], Any],
                                                       demo) -> None:
    laura = by_email("laura.schmidt@example.eu")
    assert laura.city.side == "china" and laura.side == "international"
    zhou = by_email("zhou.hua@example.cn")
    assert zhou.side == zhou.city.side == "china"


def test_reports_count_the_persons_own_side(by_email: Callable[[str], Participant],
                                            demo) -> None:
    """An event report counts the IUC office staff as international, not as China."""
    laura = by_email("laura.schmidt@example.eu")
    event_id = laura.invitations[0].event_id
    helix = helix_composition(Scope.EVENT, event_id)
    assert helix.count(side="international") >= 1
    laura.side = None  # rows from before the field existed fall back to the city
    db.session.commit()
    assert helix_composition(Scope.EVENT, event_id).count(side="international") < \
        helix.count(side="international")
