"""The demo's pilot projects follow the table of the 2020 newsletter in the seeds (issue #12):
all 15 rows, each with the cities of its row and the status its "Results" column reports;
outcomes carry a status, cities and themes that the form records and the pages show."""

from __future__ import annotations

import difflib
import os
import re
from pathlib import Path

import pytest
from flask.testing import FlaskClient
from sqlalchemy import select

from core.extensions import db
from outcomes.models import Outcome
from programme.models import City, Theme

SEEDS = Path(os.environ.get("HELIX_SEEDS",
                            Path(__file__).resolve().parents[3] / "shared" / "seeds"))
NEWSLETTER = SEEDS / "001_2d5e05c6e8791fad.txt"
TABLE_START = "2020 Pilot Projects - Progress Review of Selected Cases"
TABLE_END = "IUC's 4th Annual City-to-City Global Event"
#: words of the "Results" column that settle a project's status, and that status
RESULT_WORDS = (("planned", "planned"), ("under construction", "in_progress"),
                ("was opened", "completed"), ("published", "completed"))
#: parts of a city's name that say nothing of the city ("Greater Manchester")
GENERIC = {"greater", "region"}


def _table() -> list[tuple[str, str, str]]:
    """(project, cities, results) of every project row of the newsletter's table."""
    if not NEWSLETTER.exists():
        pytest.skip(f"the seeds are not at {SEEDS}")
    text = NEWSLETTER.read_text(encoding="utf-8")
    table = text.split(TABLE_START, 1)[1].split(TABLE_END, 1)[0]
    rows = [[cell.strip() for cell in line.split("\t")] for line in table.splitlines()]
    return [(row[0], row[1], row[2]) for row in rows
            if len(row) == 3 and row[2] and row[1] != "Cities"]


def _named(cities_column: str, cities: list[City]) -> set[str]:
    """Slugs of the demo cities the "Cities" column names."""
    words = set(re.findall(r"\w+", cities_column.lower()))
    return {c.slug for c in cities
            if {w for w in re.findall(r"\w+", c.name_en.lower()) if w not in GENERIC} <= words}


def _by_row(demo: dict[str, int]) -> dict[tuple[str, str, str], Outcome]:
    pilots = list(db.session.scalars(select(Outcome).where(Outcome.kind == "pilot_project")))
    titles = {o.title_en.lower(): o for o in pilots}
    matched = {}
    for row in _table():
        best = difflib.get_close_matches(row[0].lower(), list(titles), n=1, cutoff=0.5)
        assert best, f"no pilot project of the demo is {row[0]!r}"
        matched[row] = titles[best[0]]
    assert len({o.id for o in matched.values()}) == len(matched)  # one project per row
    return matched


def test_every_row_of_the_table_is_a_pilot_project(demo: dict[str, int]) -> None:
    rows = _table()
    assert len(rows) == 15
    matched = _by_row(demo)
    pilots = db.session.scalars(select(Outcome).where(Outcome.kind == "pilot_project")).all()
    assert len(pilots) == len(rows)
    for outcome in matched.values():
        assert outcome.title_zh and outcome.themes


def test_pilot_projects_are_in_the_cities_of_their_row(demo: dict[str, int]) -> None:
    cities = list(db.session.scalars(select(City)))
    for (project, column, _results), outcome in _by_row(demo).items():
        assert {c.slug for c in outcome.cities} == _named(column, cities), project


def test_statuses_follow_the_results_column(demo: dict[str, int]) -> None:
    settled = 0
    for (project, _cities, results), outcome in _by_row(demo).items():
        for words, status in RESULT_WORDS:
            if words in results.lower():
                assert outcome.status == status, (project, words)
                settled += 1
                break
        if "signed" in results.lower() and outcome.status != "completed":
            assert outcome.status in ("signed", "in_progress"), project
    assert settled == 4  # Liudong, the Yangzhou pavilions, the railway, Nice's carnival
    liudong = db.session.scalar(select(Outcome).where(Outcome.slug == "liudong-concept-design"))
    assert liudong.status == "planned" and liudong.signed_on is None


def test_the_status_is_recorded_and_shown(organiser: FlaskClient) -> None:
    cities = db.session.scalars(select(City.id).where(City.slug.in_(["rome", "yantai"]))).all()
    theme = db.session.scalar(select(Theme.id).where(Theme.slug == "smart-cities"))
    response = organiser.post("/participants/outcomes/new", data={
        "kind": "pilot_project", "status": "in_progress", "title_en": "Yantai smart lamp posts",
        "title_zh": "烟台智慧灯杆", "event_id": "", "partnership_id": "", "city_ids": cities,
        "theme_ids": [theme], "signed_on": "", "document_url": ""})
    assert response.status_code == 302
    saved = db.session.scalar(select(Outcome).where(Outcome.title_en == "Yantai smart lamp posts"))
    assert saved.status == "in_progress"
    assert {c.slug for c in saved.cities} == {"rome", "yantai"}
    assert [t.slug for t in saved.themes] == ["smart-cities"]
    bad = organiser.post("/participants/outcomes/new", data={
        "kind": "pilot_project", "status": "shipped", "title_en": "Nope", "city_ids": ["99999"]})
    assert bad.status_code == 200
    assert db.session.scalar(select(Outcome).where(Outcome.title_en == "Nope")) is None


@pytest.mark.parametrize(("lang", "planned", "city"), [("en", "Planned", "Liuzhou"),
                                                       ("zh", "已规划", "柳州")])
def test_the_partnership_report_shows_status_and_cities(organiser: FlaskClient, lang: str,
                                                        planned: str, city: str) -> None:
    liudong = db.session.scalar(select(Outcome).where(Outcome.slug == "liudong-concept-design"))
    page = organiser.get(f"/reports/partnerships/{liudong.partnership_id}?lang={lang}")
    text = page.get_data(as_text=True)
    item = text.split('data-status="planned"', 1)[1].split("</li>", 1)[0]
    assert planned in item and city in item


def test_the_dashboard_lists_every_pilot_project(organiser: FlaskClient) -> None:
    page = organiser.get("/reports/dashboard?lang=zh").get_data(as_text=True)
    section = page.split('id="pilot-projects"', 1)[1].split("</section>", 1)[0]
    assert "试点项目" in section
    assert section.count('data-outcome="pilot_project"') == 15
    assert "在华测试医疗设备数字化解决方案与创新" in section  # no event, no partnership
    assert section.count('data-status="planned"') == 1 and "已规划" in section
