"""Recording outcomes: on an event, with parties; titles and document links checked."""

from flask.testing import FlaskClient
from sqlalchemy import select

from core.extensions import db
from events.models import Event
from organisations.models import Organisation
from outcomes.models import Outcome


def _slug(model, slug: str):
    return db.session.scalar(select(model).where(model.slug == slug))


def test_record_yantai_tuscia_mou_on_its_signing_ceremony(organiser: FlaskClient) -> None:
    shipped = _slug(Outcome, "yantai-tuscia-mou")
    db.session.delete(shipped)  # the demo ships it recorded: record it again by hand
    db.session.commit()
    ceremony = _slug(Event, "yantai-tuscia-mou-signing-2020")
    form = organiser.get(f"/participants/outcomes/new?event={ceremony.id}")
    # The event comes chosen: a ticked chip of the event picker.
    assert (f'id="event_id-chosen-0" name="event_id" type="checkbox" value="{ceremony.id}"'
            in form.get_data(as_text=True))
    parties = db.session.scalars(select(Organisation.id).where(
        Organisation.slug.in_(["yantai-university", "tuscia-university"]))).all()
    assert len(parties) == 2
    response = organiser.post("/participants/outcomes/new", data={
        "kind": "mou", "title_en": "MoU between Yantai University and Tuscia University",
        "title_zh": "烟台大学与图西亚大学谅解备忘录", "event_id": ceremony.id,
        "partnership_id": "", "party_ids": parties, "signed_on": "2020-10-29",
        "document_url": ""})
    assert response.status_code == 302
    recorded = db.session.scalar(select(Outcome).where(Outcome.event_id == ceremony.id))
    assert recorded.partnership_id == ceremony.partnership_id  # taken from the event
    assert {o.slug for o in recorded.parties} == {"yantai-university", "tuscia-university"}
    event_page = organiser.get(f"/events/{ceremony.id}").get_data(as_text=True)
    assert "MoU between Yantai University and Tuscia University" in event_page
    report = organiser.get(f"/reports/partnerships/{ceremony.partnership_id}")
    assert "MoU between Yantai University and Tuscia University" in report.get_data(as_text=True)
    dashboard = organiser.get("/reports/dashboard?lang=zh").get_data(as_text=True)
    assert "烟台大学与图西亚大学谅解备忘录" in dashboard


def test_outcome_needs_a_title_and_a_valid_link(organiser: FlaskClient) -> None:
    page = organiser.post("/participants/outcomes/new?lang=zh", data={
        "kind": "mou", "document_url": "not a link"}).get_data(as_text=True)
    assert "请输入英文或中文标题。" in page
    assert "请输入以 https:// 开头的完整链接。" in page


def test_only_web_links_are_accepted_as_documents(organiser: FlaskClient) -> None:
    before = db.session.query(Outcome).count()
    page = organiser.post("/participants/outcomes/new", data={
        "kind": "mou", "title_en": "Sneaky", "document_url": "javascript://x%0aalert(1)"})
    assert "Enter a full link starting with https://." in page.get_data(as_text=True)
    assert db.session.query(Outcome).count() == before
