"""Queries for the programme dashboard's "Measure" indicators.

Each indicator is one aggregate query (``GROUP BY`` in the database); together they read
every event and invitation of the programme, so their results (counts keyed by ids) are
kept per reports generation (:mod:`reports.generation`). Each request then reads the
generation, the few cities and partnerships named, and nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Integer, cast, extract, func, literal_column, select
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import selectinload
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement

from core.extensions import db
from events.models import Event, EventStatus
from invitations.models import Invitation
from missions.models import Mission, MissionKind, MissionStatus, mission_city
from organisations.helix_roles import HelixRole
from outcomes.models import Outcome, OutcomeKind
from participants.models import Participant
from programme.models import City, Partnership
from reports.generation import cached
from reports.indicators import outcomes_by_kind, per_year, roles_over_time
from reports.queries import EXPECTED


class utc_year(FunctionElement[int]):  # noqa: N801 (an SQL function, named like one)
    """The calendar year, in UTC, of a ``UTCDateTime`` column."""

    type = Integer()
    inherit_cache = True


@compiles(utc_year)
def _utc_year(element: utc_year, compiler: SQLCompiler, **kw: Any) -> str:
    """SQLite keeps the UTC wall time: its year is the UTC year."""
    (column,) = element.clauses
    return compiler.process(cast(extract("year", column), Integer), **kw)


@compiles(utc_year, "postgresql")
def _utc_year_postgresql(element: utc_year, compiler: SQLCompiler, **kw: Any) -> str:
    """``timestamptz`` is read in UTC, not in the session's zone (a literal zone, so the
    same expression can be grouped by)."""
    (column,) = element.clauses
    in_utc = func.timezone(literal_column("'UTC'"), column)
    return compiler.process(cast(extract("year", in_utc), Integer), **kw)


@dataclass(frozen=True)
class Counts:
    """The dashboard's aggregates, by id (what is cached per generation)."""

    delegations: list[tuple[int, int]]
    events: list[tuple[int, int, int]]
    roles: list[tuple[int, str | None, int]]
    outcomes: list[tuple[str, int]]


@dataclass
class Dashboard:
    """Everything the dashboard shows."""

    delegations: list[tuple[City, int]]
    partnership_years: list[int]
    events_per_partnership: list[tuple[Partnership, list[int]]]
    role_years: list[int]
    roles_per_year: dict[HelixRole, list[int]]
    outcome_counts: dict[str, int]


def delegation_counts() -> list[tuple[int, int]]:
    """``(city id, missions)``: the (non-cancelled, not online) missions that visited each
    city, most visited first, then by name."""
    count = func.count(func.distinct(Mission.id))
    rows = db.session.execute(
        select(City.id, count).join(mission_city, mission_city.c.city_id == City.id)
        .join(Mission, Mission.id == mission_city.c.mission_id)
        .where(Mission.status != MissionStatus.CANCELLED.value,
               Mission.kind != MissionKind.ONLINE.value)
        .group_by(City.id, City.name_en).order_by(count.desc(), City.name_en))
    return [(city_id, n) for city_id, n in rows]


def event_counts() -> list[tuple[int, int, int]]:
    """``(partnership id, year, events)``: non-cancelled events per partnership (their own,
    else their mission's) per UTC year."""
    partnership_id = func.coalesce(Event.partnership_id, Mission.partnership_id)
    year = utc_year(Event.starts_at)
    rows = db.session.execute(
        select(partnership_id, year, func.count(Event.id))
        .outerjoin(Mission, Mission.id == Event.mission_id)
        .where(partnership_id.is_not(None), Event.status != EventStatus.CANCELLED.value)
        .group_by(partnership_id, year))
    return [(pid, y, n) for pid, y, n in rows]


def role_counts() -> list[tuple[int, str | None, int]]:
    """``(year, helix role, participations)``: people × non-cancelled events they are
    expected at, per UTC year and role."""
    year = utc_year(Event.starts_at)
    rows = db.session.execute(
        select(year, Participant.helix_role, func.count(Invitation.id))
        .select_from(Invitation)
        .join(Event, Event.id == Invitation.event_id)
        .join(Participant, Participant.id == Invitation.participant_id)
        .where(Invitation.status.in_(EXPECTED), Event.status != EventStatus.CANCELLED.value)
        .group_by(year, Participant.helix_role))
    return [(y, role, n) for y, role, n in rows]


def outcome_counts() -> list[tuple[str, int]]:
    """``(kind, outcomes)`` recorded."""
    return [(kind, n) for kind, n in db.session.execute(
        select(Outcome.kind, func.count(Outcome.id)).group_by(Outcome.kind))]


def counts() -> Counts:
    """Every aggregate of the dashboard (four queries)."""
    return Counts(delegation_counts(), event_counts(), role_counts(), outcome_counts())


def dashboard() -> Dashboard:
    """Every indicator: the aggregates of this generation, with their cities and
    partnerships (three queries while the data do not change)."""
    data = cached(("dashboard",), counts)
    ids = [city_id for city_id, _n in data.delegations]
    cities = {c.id: c for c in db.session.scalars(select(City).where(City.id.in_(ids)))}
    partnership_years, table = per_year((str(pid), y, n) for pid, y, n in data.events)
    partnerships = db.session.scalars(
        select(Partnership).where(Partnership.id.in_([int(k) for k in table]))
        .options(selectinload(Partnership.eu_cities), selectinload(Partnership.china_cities))
        .order_by(Partnership.start_date, Partnership.slug))
    role_years, per_role = roles_over_time(data.roles)
    return Dashboard(
        [(cities[city_id], n) for city_id, n in data.delegations if city_id in cities],
        partnership_years,
        [(p, [table[str(p.id)][y] for y in partnership_years]) for p in partnerships],
        role_years, per_role,
        outcomes_by_kind(data.outcomes, [kind.value for kind in OutcomeKind]))
