"""Participant list, search, profile, create/edit and CSV export."""

from flask.testing import FlaskClient
from sqlalchemy import func, select

from core.extensions import db
from participants.models import Participant


def test_participants_are_for_organisers(client: FlaskClient, login, demo) -> None:
    assert client.get("/participants/").status_code in (302, 401)
    login("delegate")
    assert client.get("/participants/").status_code == 403
    assert client.post("/participants/new", data={}).status_code == 403


def test_search_by_english_chinese_and_pinyin(organiser: FlaskClient) -> None:
    for query in ("Zhou Hua", "周华", "zhouhua", "zhou hua", "ZH"):
        page = organiser.get("/participants/", query_string={"q": query}).get_data(as_text=True)
        assert "周华" in page, query
    page = organiser.get("/participants/", query_string={"q": "nobody-like-this"})
    assert "No participant matches." in page.get_data(as_text=True)


def test_filters_by_role_and_city(organiser: FlaskClient, by_email) -> None:
    zhou = by_email("zhou.hua@example.cn")
    page = organiser.get("/participants/", query_string={
        "role": zhou.helix_role, "city": zhou.city_id}).get_data(as_text=True)
    assert "周华" in page
    other_role = "civil_society" if zhou.helix_role != "civil_society" else "industry"
    page = organiser.get("/participants/", query_string={
        "role": other_role, "city": zhou.city_id}).get_data(as_text=True)
    assert "周华" not in page


def test_list_runs_a_constant_number_of_queries(organiser: FlaskClient, count_queries,
                                                org) -> None:
    organiser.get("/participants/")
    with count_queries() as before:
        organiser.get("/participants/")
    owner = org("barcelona-city-council")
    db.session.add_all(Participant(name=f"Extra {n}", email=f"extra{n}@example.org",
                                   helix_role="industry", organisation=owner)
                       for n in range(30))
    db.session.commit()
    with count_queries() as after:
        organiser.get("/participants/")
    assert len(after) == len(before)


def test_profile_shows_schedule(organiser: FlaskClient, by_email) -> None:
    person = by_email("jordi.puig@example.org")
    page = organiser.get(f"/participants/{person.id}").get_data(as_text=True)
    assert "Schedule" in page
    assert "IUC 4th Annual City-to-City Global Event" in page
    assert "Attended" in page
    # Their personal calendar feed, as https:// and webcal://, with the reset button.
    assert f"/calendar/u/{person.feed_token}.ics" in page
    assert "webcal://" in page
    assert f"/calendar/participants/{person.id}/token" in page


def test_create_defaults_role_city_and_zone_from_organisation(organiser: FlaskClient,
                                                               org, by_email) -> None:
    council = org("barcelona-city-council")
    response = organiser.post("/participants/new", data={
        "name": "Núria Ferrer", "name_zh": "", "email": "Nuria.Ferrer@Example.org",
        "organisation_id": council.id, "position": "Urban planner", "helix_role": "",
        "city_id": "", "language": "en", "timezone": ""})
    assert response.status_code == 302
    person = by_email("Nuria.Ferrer@example.org")
    assert person.helix_role == council.helix_role
    assert person.city_id == council.city_id
    assert person.timezone == "Europe/Madrid"


def test_invalid_and_duplicate_email_are_refused_in_chinese(organiser: FlaskClient) -> None:
    before = db.session.scalar(select(func.count(Participant.id)))
    data = {"name": "X", "email": "not-an-email", "helix_role": "industry", "language": "en"}
    page = organiser.post("/participants/new?lang=zh", data=data).get_data(as_text=True)
    assert "请输入有效的电子邮箱地址。" in page
    data["email"] = "JORDI.PUIG@example.org"
    page = organiser.post("/participants/new?lang=zh", data=data).get_data(as_text=True)
    assert "另一名参与者已使用此电子邮箱。" in page
    page = organiser.post("/participants/new?lang=zh", data={
        **data, "email": "new@example.org", "organisation_id": "999999"}).get_data(as_text=True)
    assert "未知机构：请从列表中选择。" in page
    assert db.session.scalar(select(func.count(Participant.id))) == before


def test_edit_sets_key_contacts(organiser: FlaskClient, by_email) -> None:
    person = by_email("jordi.puig@example.org")
    response = organiser.post(f"/participants/{person.id}/edit", data={
        "name": person.name, "email": person.email, "organisation_id": person.organisation_id,
        "helix_role": person.helix_role, "city_id": person.city_id, "language": "en",
        "timezone": "Europe/Madrid", "key_contact_for": [person.city_id]})
    assert response.status_code == 302
    page = organiser.get("/participants/key-contacts").get_data(as_text=True)
    assert "Jordi Puig" in page
    assert "Giancarlo Defazio" in page  # the demo's named focal point without a record


def test_export_csv_keeps_chinese_and_filters(organiser: FlaskClient) -> None:
    response = organiser.get("/participants/export.csv", query_string={"q": "周"})
    assert response.mimetype == "text/csv"
    data = response.get_data()
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    assert text.splitlines()[0].startswith("name,name_zh,email")
    assert "周华" in text
    assert "Jordi Puig" not in text


def test_delegation_members_cannot_be_deleted(organiser: FlaskClient) -> None:
    from missions.models import DelegationMember

    member = db.session.scalar(select(DelegationMember).limit(1))
    response = organiser.post(f"/participants/{member.participant_id}/delete?lang=zh",
                              follow_redirects=True)
    assert "该参与者是某出访代表团的成员：请先将其移出代表团。" in response.get_data(as_text=True)
    assert db.session.get(Participant, member.participant_id) is not None


def test_delete_participant_with_invitations(organiser: FlaskClient) -> None:
    from invitations.models import Invitation
    from missions.models import DelegationMember

    person = db.session.scalar(
        select(Participant).where(Participant.invitations.any(),
                                  ~Participant.id.in_(select(DelegationMember.participant_id)))
        .limit(1))
    person_id = person.id
    response = organiser.post(f"/participants/{person_id}/delete")
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(Participant, person_id) is None
    assert not db.session.scalar(select(Invitation.id).where(
        Invitation.participant_id == person_id))


def test_database_search_agrees_with_the_pure_matcher(organiser: FlaskClient) -> None:
    from organisations.search import matches
    from participants.queries import ParticipantFilters, all_participants

    everyone = db.session.scalars(select(Participant)).all()
    for query in ("zhou", "周", "zh", "lopez", "López", "example.cn", "wang fang", "wf"):
        expected = {p.id for p in everyone if matches(query, p.name, p.name_zh, p.email)}
        found = {p.id for p in all_participants(ParticipantFilters(q=query))}
        assert found == expected, query


def test_city_staff_write_only_in_their_city(client: FlaskClient, login, demo) -> None:
    from programme.models import City

    barcelona = db.session.scalar(select(City.id).where(City.slug == "barcelona"))
    chengdu = db.session.scalar(select(City.id).where(City.slug == "chengdu"))
    login("city_staff", city_id=barcelona)
    data = {"name": "Staff Made", "email": "staff.made@example.org", "helix_role": "industry",
            "language": "en", "city_id": chengdu}
    assert client.post("/participants/new", data=data).status_code == 403
    assert client.post("/participants/new", data={**data, "city_id": barcelona}
                       ).status_code == 302
    rows = b"email,name,city,role\r\nfar.away@example.cn,Far Away,Chengdu,industry\r\n"
    from participants.csv_preview import pack

    response = client.post("/participants/import/confirm", data={
        "kind": "participants", "payload": pack(rows), "expected": "1"})
    assert response.status_code == 403
    assert not db.session.scalar(select(Participant.id).where(
        Participant.email == "far.away@example.cn"))
