"""Action plans: the demo plans, activity forms, permissions, exports, query counts."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from flask.testing import FlaskClient
from sqlalchemy import select

from actionplans.models import Activity
from actionplans.timeline import bar, months_between, progress
from audit.models import AuditEntry
from core.extensions import db
from events.models import Event
from programme.models import City, Partnership

BARCELONA = "barcelona-chengdu-guangzhou-yangzhou-liuzhou"
MALAGA = "malaga-changchun-zhengzhou"


def _partnership(slug: str) -> Partnership:
    return db.session.scalar(select(Partnership).where(Partnership.slug == slug))


def _city(slug: str) -> City:
    return db.session.scalar(select(City).where(City.slug == slug))


def test_demo_loads_barcelona_and_malaga_plans(organiser: FlaskClient) -> None:
    barcelona = _partnership(BARCELONA)
    page = organiser.get(f"/partnerships/{barcelona.id}/plan").get_data(as_text=True)
    assert "Second mission to Guangzhou and Liuzhou" in page
    assert "2019-04" in page and "2021-12" in page  # the timeline's months
    assert "plan-bar plan-done" in page
    assert "4 of 6 done" in page
    chinese = organiser.get(f"/partnerships/{barcelona.id}/plan?lang=zh").get_data(as_text=True)
    assert "第二次赴广州和柳州考察" in chinese
    assert "城市合作行动计划" in chinese
    malaga = _partnership(MALAGA)
    assert db.session.query(Activity).filter_by(partnership_id=malaga.id).count() == 5


def test_organiser_adds_an_activity_linked_to_events(organiser: FlaskClient) -> None:
    partnership = _partnership(BARCELONA)
    events = db.session.scalars(select(Event.id).limit(2)).all()
    response = organiser.post(f"/partnerships/{partnership.id}/plan/new", data={
        "title_en": "Liudong pilot design", "title_zh": "柳东试点设计", "theme_id": "",
        "owner_city_id": partnership.eu_cities[0].id, "owner_organisation_id": "",
        "starts_on": "2020-06-01", "ends_on": "2020-09-30", "status": "in_progress",
        "event_ids": events})
    assert response.status_code == 302
    activity = db.session.scalar(select(Activity).where(
        Activity.title_en == "Liudong pilot design"))
    assert sorted(e.id for e in activity.events) == sorted(events)
    assert db.session.scalar(select(AuditEntry).where(
        AuditEntry.object_type == "activity", AuditEntry.object_id == activity.id,
        AuditEntry.action == "created")) is not None
    csv = organiser.get(f"/partnerships/{partnership.id}/plan/plan.csv")
    assert csv.mimetype == "text/csv"
    assert "柳东试点设计" in csv.get_data(as_text=True)
    printable = organiser.get(f"/partnerships/{partnership.id}/plan/print").get_data(
        as_text=True)
    assert "Liudong pilot design" in printable and "柳东试点设计" in printable


def test_end_before_start_is_refused_in_chinese(organiser: FlaskClient) -> None:
    partnership = _partnership(MALAGA)
    before = db.session.query(Activity).count()
    page = organiser.post(f"/partnerships/{partnership.id}/plan/new?lang=zh", data={
        "title_en": "Backwards", "starts_on": "2018-05-01", "ends_on": "2018-04-01",
        "status": "planned"}).get_data(as_text=True)
    assert "结束日期不能早于开始日期。" in page
    assert 'value="Backwards"' in page
    assert db.session.query(Activity).count() == before
    empty = organiser.post(f"/partnerships/{partnership.id}/plan/new?lang=zh", data={
        "status": "planned"}).get_data(as_text=True)
    assert "请输入英文或中文标题。" in empty


def test_drop_keeps_the_activity(organiser: FlaskClient) -> None:
    partnership = _partnership(MALAGA)
    activity = db.session.scalar(select(Activity).where(
        Activity.partnership_id == partnership.id).limit(1))
    response = organiser.post(f"/partnerships/{partnership.id}/plan/{activity.id}/drop")
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(Activity, activity.id).status == "dropped"


def test_city_staff_edit_only_their_partnerships(client: FlaskClient,
                                                 login: Callable[..., Any],
                                                 demo: dict[str, int]) -> None:
    barcelona, malaga = _partnership(BARCELONA), _partnership(MALAGA)
    login("city_staff", city_id=_city("liuzhou").id)
    assert client.get(f"/partnerships/{barcelona.id}/plan/new").status_code == 200
    assert client.get(f"/partnerships/{malaga.id}/plan/new").status_code == 403
    other = db.session.scalar(select(Activity.id).where(Activity.partnership_id == malaga.id))
    assert client.post(f"/partnerships/{malaga.id}/plan/{other}/drop").status_code == 403
    assert client.get(f"/partnerships/{malaga.id}/plan").status_code == 200


def test_plan_page_query_count_is_constant(organiser: FlaskClient,
                                          count_queries: Callable[[], Any]) -> None:
    partnership = _partnership(BARCELONA)
    url = f"/partnerships/{partnership.id}/plan"
    db.session.expire_all()
    with count_queries() as few:
        organiser.get(url)
    events = db.session.scalars(select(Event)).all()[:3]
    for n in range(4):
        db.session.add(Activity(partnership=partnership, title_en=f"Extra {n}",
                                status="planned", starts_on=date(2020, 1, 1), events=events))
    db.session.commit()
    db.session.expire_all()
    with count_queries() as many:
        organiser.get(url)
    assert len(many) == len(few)


def test_timeline_helpers() -> None:
    months = months_between(date(2019, 11, 5), date(2020, 2, 1))
    assert [m.month for m in months] == [11, 12, 1, 2]
    assert bar(months, date(2019, 12, 1), date(2020, 1, 31)) == (1, 2)
    assert bar(months, None, None) is None
    assert progress([("A", "done"), ("A", "planned"), ("A", "dropped"), ("B", "done")]) == {
        "A": (1, 2), "B": (1, 1)}
