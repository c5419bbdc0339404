"""The IUC demo programme loads completely, and loading twice duplicates nothing."""

from datetime import UTC, datetime, timedelta

from flask.testing import FlaskClient, FlaskCliRunner
from sqlalchemy import func, select

from core.extensions import db
from events.models import Event
from invitations.models import Invitation
from missions.models import DelegationMember, Mission
from organisations.helix_roles import HelixRole
from organisations.models import Organisation
from outcomes.models import Outcome
from participants.models import Participant
from programme.models import City, Partnership, Side, Theme

TABLES = (City, Theme, Partnership, Organisation, Participant, Mission, Event, Invitation,
          Outcome)


def _counts() -> dict[str, int]:
    return {model.__name__: db.session.scalar(select(func.count()).select_from(model))
            for model in TABLES}


def test_load_demo_command_twice(runner: FlaskCliRunner) -> None:
    first = runner.invoke(args=["helix", "load-demo"])
    assert first.exit_code == 0, first.output
    counts = _counts()
    second = runner.invoke(args=["helix", "load-demo"])
    assert second.exit_code == 0, second.output
    assert _counts() == counts
    skipped = runner.invoke(args=["helix", "load-demo", "--if-empty"])
    assert "not loaded" in skipped.output


def test_demo_contents(demo: dict[str, int]) -> None:
    counts = _counts()
    assert counts["City"] >= 30
    assert counts["Event"] >= 25
    sides = set(db.session.scalars(select(City.side)))
    assert {Side.EU.value, Side.CHINA.value} <= sides
    assert all(c.name_zh for c in db.session.scalars(select(City)))
    roles = set(db.session.scalars(select(Participant.helix_role)))
    assert roles == {r.value for r in HelixRole}


def test_documented_activities(demo: dict[str, int]) -> None:
    def on(day: datetime, tz_city: str) -> Event | None:
        return db.session.scalar(select(Event).join(Event.city).where(City.slug == tz_city)
                                 .where(Event.starts_at >= day)
                                 .where(Event.starts_at < day + timedelta(days=1)))

    assert on(datetime(2017, 3, 14, 16, 0, tzinfo=UTC), "beijing")  # 15 March, Beijing time
    assert on(datetime(2017, 10, 22, 16, 0, tzinfo=UTC), "beijing")  # 23 October 2017
    global_event = db.session.scalar(select(Event).where(Event.reported_attendance == 166))
    assert global_event is not None and global_event.online
    assert global_event.starts_at.date().isoformat() == "2020-12-03"
    pairs = {p.slug: ({c.slug for c in p.eu_cities}, {c.slug for c in p.china_cities})
             for p in db.session.scalars(select(Partnership))}
    assert pairs["mannheim-chongqing"] == ({"mannheim"}, {"chongqing"})
    assert pairs["barcelona-chengdu-guangzhou-yangzhou-liuzhou"] == (
        {"barcelona"}, {"chengdu", "guangzhou", "yangzhou", "liuzhou"})
    # the newsletter's pilot projects of several European cities
    assert pairs["bologna-stuttgart-region-nanjing-guangzhou"] == (
        {"bologna", "stuttgart-region"}, {"nanjing", "guangzhou"})
    assert pairs["yangzhou-expo-2021"] == (
        {"barcelona", "bologna", "rome", "stuttgart-region"}, {"yangzhou"})


def test_demo_uses_one_chinese_name_for_iuc(demo: dict[str, int]) -> None:
    """IUC is 国际城市合作项目 everywhere in the demo (issue #12), as its successor IURC is
    国际城市与区域合作项目 and the glossary's Urban Cooperation Action Plan 城市合作行动计划;
    国际城镇合作项目 was used too."""
    texts = [*db.session.scalars(select(Mission.title_zh)),
             *db.session.scalars(select(Mission.objectives_zh)),
             *db.session.scalars(select(Event.title_zh)),
             *db.session.scalars(select(Event.description_zh)),
             *db.session.scalars(select(Organisation.name_zh))]
    joined = "\n".join(t for t in texts if t)
    assert "国际城市合作项目" in joined
    assert "国际城镇合作项目" not in joined
    assert "国际城市与区域合作项目" in joined  # IURC, named beside it


def test_demo_lazio_pinyin_key(demo: dict[str, int]) -> None:
    """拉齐奥大区 is lā qí ào dà qū: the sort key is 'laqiaodaqu' (it was 'laqiaoaodaqu')."""
    lazio = db.session.scalar(select(City).where(City.slug == "lazio"))
    assert lazio is not None
    assert lazio.name_pinyin == "laqiaodaqu"


def test_first_cohort_is_2014_to_2016(client: FlaskClient, demo: dict[str, int]) -> None:
    """The seeds list the first pilot cities as the 2014–2016 cohort (it was "since 2015")."""
    barcelona = client.get("/cities/barcelona").get_data(as_text=True)
    assert "2014–2016" in barcelona and "since" not in barcelona
    chinese = client.get("/cities/?lang=zh").get_data(as_text=True)
    assert "试点批次" in chinese and "2014–2016" in chinese
    assert "2017" in client.get("/cities/malaga").get_data(as_text=True)


def test_delegation_visas_follow_the_trip(demo: dict[str, int]) -> None:
    """Chinese members of a past delegation to Europe had visas; the European hosts needed
    none (every member used to be "visa not needed")."""
    mission = db.session.scalar(
        select(Mission).where(Mission.slug == "zhengzhou-delegation-malaga-2017"))
    assert mission is not None
    members = {m.participant.email: m for m in mission.members}
    head = members["zhang.wei@example.cn"]
    assert head.visa_status == "issued"
    assert head.letter_requested_on < head.letter_sent_on < head.visa_issued_on
    assert head.visa_issued_on < mission.start_date
    assert members["elena.moreno@example.org"].visa_status == "not_needed"
    statuses = {m.visa_status for m in db.session.scalars(select(DelegationMember))}
    assert {"issued", "not_needed"} <= statuses


def test_demo_stage_histories(demo: dict[str, int]) -> None:
    """Every partnership has a dated history ending at its stage; Barcelona's follows the
    U-CAP (seeds 002), the others walk the narrative over their period."""
    for partnership in db.session.scalars(select(Partnership)):
        history = partnership.stage_history
        assert history and history[-1].stage == partnership.stage, partnership.slug
        assert [s.changed_on for s in history] == sorted(s.changed_on for s in history)
    barcelona = db.session.scalar(select(Partnership).where(
        Partnership.slug == "barcelona-chengdu-guangzhou-yangzhou-liuzhou"))
    assert barcelona is not None
    assert [(s.stage, s.changed_on.isoformat()) for s in barcelona.stage_history] == [
        ("aim", "2019-04-01"), ("commit", "2019-06-01"), ("partner", "2019-09-01"),
        ("plan", "2020-05-01")]
