"""The invite page's pickers: bounded searches, ids checked by existence, input kept, and a
page whose size and statement count do not grow with the programme."""

from flask.testing import FlaskClient
from sqlalchemy import func, select

from core.extensions import db
from core.picker import SEARCH_LIMIT
from events.models import Event
from invitations.models import Invitation
from participants.models import Participant

SEARCH = "/participants/invite/search/"


def _found(client: FlaskClient, kind: str, q: str) -> list[dict[str, str]]:
    response = client.get(SEARCH + kind, query_string={"q": q})
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "private, no-store"
    return response.get_json()["results"]


def test_participants_are_found_by_name_chinese_pinyin_and_email(organiser: FlaskClient,
                                                                  by_email) -> None:
    zhou = by_email("zhou.hua@example.cn")
    for q in ("Zhou Hua", "周华", "zhouhua", "zhou.hua@example"):
        assert str(zhou.id) in [r["value"] for r in _found(organiser, "participants", q)], q
    label = next(r["label"] for r in _found(organiser, "participants", "周华"))
    assert label.startswith("Zhou Hua (周华)")
    assert _found(organiser, "participants", "") == []
    assert _found(organiser, "participants", "%") == []  # a LIKE wildcard is literal


def test_searches_are_bounded_and_hostile_text_is_refused(organiser: FlaskClient) -> None:
    for n in range(SEARCH_LIMIT + 5):
        db.session.add(Participant(name=f"Bulk {n}", email=f"bulk{n}@example.org",
                                   helix_role="industry"))
    db.session.commit()
    assert len(_found(organiser, "participants", "bulk")) == SEARCH_LIMIT
    assert len(_found(organiser, "targets", "e")) <= SEARCH_LIMIT
    assert organiser.get(SEARCH + "participants", query_string={"q": "x" * 100_000}
                         ).status_code == 400
    assert organiser.get(SEARCH + "targets?q=a%00b").status_code == 400
    assert organiser.get(SEARCH + "nothing?q=a").status_code == 404


def test_targets_and_organisations_are_found_in_both_languages(organiser: FlaskClient,
                                                               event, org) -> None:
    target = event("iuc-4th-global-event-2020")
    values = [r["value"] for r in _found(organiser, "targets", "4th Annual")]
    assert f"event:{target.id}" in values
    found = _found(organiser, "targets", "马拉加")
    assert any(r["value"].startswith("mission:") for r in found)
    zh = organiser.get(SEARCH + "targets", query_string={"q": "马拉加", "lang": "zh"}).get_json()
    assert zh["results"][0]["label"].startswith("出访：")
    council = org("barcelona-city-council")
    assert str(council.id) in [r["value"] for r in _found(organiser, "organisations", "barcelona")]


def test_the_page_ships_only_what_is_chosen(organiser: FlaskClient, event, by_email) -> None:
    target = event("iuc-4th-global-event-2020")
    page = organiser.get(f"/participants/invite?event={target.id}").get_data(as_text=True)
    assert f'type="checkbox" value="event:{target.id}"' in page
    assert 'data-search-url="/participants/invite/search/participants"' in page
    assert "jordi.puig@example.org" not in page and "Jordi Puig" not in page
    assert page.count('class="picker-chip form-check"') == 1
    zh = organiser.get("/participants/invite?lang=zh").get_data(as_text=True)
    assert "输入以搜索…" in zh and "编号，用逗号分隔" in zh


def test_a_failed_post_keeps_what_was_chosen_and_typed(organiser: FlaskClient, event,
                                                       by_email) -> None:
    target = event("yantai-tuscia-mou-signing-2020")
    person = by_email("jordi.puig@example.org")
    before = db.session.scalar(select(func.count(Invitation.id)))
    page = organiser.post("/participants/invite?lang=zh", data={
        "target": f"event:{target.id}", "participant_ids": [str(person.id), "abc, 999999"],
    }).get_data(as_text=True)
    assert db.session.scalar(select(func.count(Invitation.id))) == before
    assert "请从列表中选择一项。" in page
    assert f'type="checkbox" value="{person.id}"' in page and "Jordi Puig" in page
    assert 'value="abc 999999"' in page  # the unknown ids stay in the box
    assert f'type="checkbox" value="event:{target.id}"' in page


def test_forged_and_huge_submissions_are_errors_not_500(organiser: FlaskClient,
                                                        event) -> None:
    target = event("yantai-tuscia-mou-signing-2020")
    for data in ({"target": "event:99999999999", "participant_ids": "1"},
                 {"target": "party:1", "participant_ids": "1"},
                 {"target": f"event:{target.id}",
                  "participant_ids": ",".join(str(n) for n in range(1, 30_000))},
                 {"target": f"event:{target.id}", "organisation_id": "2147483647"}):
        response = organiser.post("/participants/invite", data=data)
        assert response.status_code == 200
        assert "invalid-feedback" in response.get_data(as_text=True)


def test_invite_by_picked_ids_without_javascript(organiser: FlaskClient, event,
                                                 by_email) -> None:
    target = event("yantai-tuscia-mou-signing-2020")
    people = [by_email("elena.moreno@example.org"), by_email("zhou.hua@example.cn")]
    response = organiser.post("/participants/invite", data={
        "target": f"event:{target.id}", "participant_ids": f"{people[0].id}, {people[1].id}"})
    assert response.status_code == 302
    assert db.session.scalar(select(func.count(Invitation.id)).where(
        Invitation.event_id == target.id,
        Invitation.participant_id.in_([p.id for p in people]))) == 2


def _grow(n: int) -> None:
    first = db.session.scalar(select(Event).order_by(Event.id))
    for k in range(n):
        db.session.add(Participant(name=f"Grown {n}-{k}", email=f"grown{n}-{k}@example.org",
                                   helix_role="academia"))
        db.session.add(Event(kind=first.kind, title_en=f"Grown event {n}-{k}",
                             starts_at=first.starts_at, ends_at=first.ends_at,
                             timezone=first.timezone))
    db.session.commit()


def _measure(client: FlaskClient, count_queries, path: str) -> tuple[int, int]:
    client.get(path)
    with count_queries() as statements:
        response = client.get(path)
    assert response.status_code == 200
    return len(statements), len(response.data)


def test_invite_page_does_not_grow_with_the_programme(organiser: FlaskClient, count_queries,
                                                      event) -> None:
    path = f"/participants/invite?event={event('iuc-4th-global-event-2020').id}"
    _grow(50)
    small = _measure(organiser, count_queries, path)
    _grow(500)
    large = _measure(organiser, count_queries, path)
    assert large[0] == small[0]
    assert abs(large[1] - small[1]) < 200  # the CSRF token's length may vary
    assert large[1] < 40_000
