"""Inviting one by one, by organisation, city and helix role; statuses and counts."""

from flask.testing import FlaskClient
from sqlalchemy import func, select

from core.extensions import db
from events.models import Event, EventStatus
from invitations.models import Invitation


def _count(**where: object) -> int:
    query = select(func.count(Invitation.id))
    for column, value in where.items():
        query = query.where(getattr(Invitation, column) == value)
    return db.session.scalar(query)


def test_event_page_shows_counts_per_status(organiser: FlaskClient, event) -> None:
    global_event = event("iuc-4th-global-event-2020")
    page = organiser.get(f"/events/{global_event.id}").get_data(as_text=True)
    assert 'data-status="attended">Attended: <strong>32</strong>' in page
    assert 'data-status="no_show">No-show: <strong>2</strong>' in page
    assert 'data-status="declined">Declined: <strong>3</strong>' in page


def test_counts_are_hidden_from_the_public(client: FlaskClient, demo, event) -> None:
    global_event = event("iuc-4th-global-event-2020")
    page = client.get(f"/events/{global_event.id}").get_data(as_text=True)
    assert "data-status" not in page
    assert "event-outcomes" in page


def test_invite_one_by_one_then_twice_is_refused(organiser: FlaskClient, event,
                                                 by_email) -> None:
    target = event("yantai-tuscia-mou-signing-2020")
    person = by_email("jordi.puig@example.org")
    data = {"target": f"event:{target.id}", "participant_ids": [person.id]}
    response = organiser.post("/participants/invite", data=data)
    assert response.status_code == 302
    assert _count(event_id=target.id, participant_id=person.id) == 1
    other = by_email("elena.moreno@example.org")
    before = _count(event_id=target.id)
    page = organiser.post("/participants/invite?lang=zh", data={
        **data, "participant_ids": [other.id, person.id]}).get_data(as_text=True)
    assert "以下人员已受邀参加此活动：Jordi Puig。" in page
    assert _count(event_id=target.id) == before  # Elena was not half-invited


def test_invite_a_whole_mission_by_organisation(organiser: FlaskClient, org) -> None:
    council = org("barcelona-city-council")
    mission_id = db.session.scalar(select(Event.mission_id).where(
        Event.slug == "iuc-4th-global-event-2020"))
    events = db.session.scalars(select(Event.id).where(
        Event.mission_id == mission_id, Event.status != EventStatus.CANCELLED.value)).all()
    people = [p.id for p in council.participants]
    existing = db.session.scalar(select(func.count(Invitation.id)).where(
        Invitation.event_id.in_(events), Invitation.participant_id.in_(people)))
    before = _count()
    response = organiser.post("/participants/invite", data={
        "target": f"mission:{mission_id}", "organisation_id": council.id},
        follow_redirects=True)
    page = response.get_data(as_text=True)
    expected = len(people) * len(events) - existing
    assert _count() - before == expected > 0
    assert f"{expected} invitations created." in page
    assert "queued" not in page  # the 2020 events are over: no e-mail is written
    assert f"{existing} people were already invited and were skipped." in page


def test_invite_by_city_and_role_narrow_each_other(organiser: FlaskClient, event,
                                                   by_email) -> None:
    target = event("yantai-tuscia-mou-signing-2020")
    zhou = by_email("zhou.hua@example.cn")
    organiser.post("/participants/invite", data={
        "target": f"event:{target.id}", "city_id": zhou.city_id, "helix_role": zhou.helix_role})
    invited = db.session.scalars(select(Invitation).where(
        Invitation.event_id == target.id)).all()
    assert zhou.id in {i.participant_id for i in invited}
    assert all(i.participant.helix_role == zhou.helix_role for i in invited
               if i.participant.city_id == zhou.city_id)


def test_nobody_chosen_is_a_clear_error(organiser: FlaskClient, event) -> None:
    target = event("yantai-tuscia-mou-signing-2020")
    page = organiser.post("/participants/invite?lang=zh",
                          data={"target": f"event:{target.id}"}).get_data(as_text=True)
    assert "请选择参与者、机构、城市或螺旋角色。" in page


def test_status_change_and_attendance_export(organiser: FlaskClient, event) -> None:
    global_event = event("iuc-4th-global-event-2020")
    invitation = db.session.scalar(select(Invitation).where(
        Invitation.event_id == global_event.id, Invitation.status == "no_show"))
    response = organiser.post(f"/participants/invitations/{invitation.id}/status",
                              data={"status": "attended"})
    assert response.status_code == 302
    assert _count(event_id=global_event.id, status="attended") == 33
    page = organiser.get(f"/participants/events/{global_event.id}/invitations")
    assert 'data-status="attended">Attended: <strong>33</strong>' in page.get_data(as_text=True)
    csv = organiser.get(f"/participants/events/{global_event.id}/attendance.csv")
    lines = csv.get_data().decode("utf-8-sig").splitlines()
    assert lines[0].endswith(",status,minutes")
    assert len(lines) == 1 + 37
    assert sum(line.endswith(",attended,") for line in lines) == 33


def test_attendance_cannot_be_recorded_before_the_event(organiser: FlaskClient,
                                                        event) -> None:
    from datetime import timedelta

    from core.types import utcnow

    target = event("yantai-tuscia-mou-signing-2020")
    length = target.ends_at - target.starts_at
    target.starts_at = utcnow() + timedelta(days=30)
    target.ends_at = target.starts_at + length
    db.session.commit()
    invitation = db.session.scalar(select(Invitation).where(Invitation.event_id == target.id))
    before = invitation.status
    response = organiser.post(f"/participants/invitations/{invitation.id}/status?lang=zh",
                              data={"status": "no_show"}, follow_redirects=True)
    assert "活动开始后才能记录出席情况。" in response.get_data(as_text=True)
    db.session.refresh(invitation)
    assert invitation.status == before
    organiser.post(f"/participants/invitations/{invitation.id}/status",
                   data={"status": "accepted"})
    db.session.refresh(invitation)
    assert invitation.status == "accepted"
