"""Queries for the programme dashboard's "Measure" indicators (one query each)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from core.extensions import db
from events.models import Event, EventStatus
from invitations.models import Invitation
from missions.models import Mission, MissionKind, MissionStatus, mission_city
from organisations.helix_roles import HelixRole
from outcomes.models import Outcome, OutcomeKind
from participants.models import Participant
from programme.models import City, Partnership
from reports.indicators import outcomes_by_kind, per_year, roles_over_time
from reports.queries import EXPECTED


@dataclass
class Dashboard:
    """Everything the dashboard shows."""

    delegations: list[tuple[City, int]]
    partnership_years: list[int]
    events_per_partnership: list[tuple[Partnership, list[int]]]
    role_years: list[int]
    roles_per_year: dict[HelixRole, list[int]]
    outcome_counts: dict[str, int]


def delegations_received() -> list[tuple[City, int]]:
    """Cities by number of (non-cancelled, not online) missions that visited them."""
    count = func.count(func.distinct(Mission.id))
    rows = db.session.execute(
        select(City, count).join(mission_city, mission_city.c.city_id == City.id)
        .join(Mission, Mission.id == mission_city.c.mission_id)
        .where(Mission.status != MissionStatus.CANCELLED.value,
               Mission.kind != MissionKind.ONLINE.value)
        .group_by(City.id).order_by(count.desc(), City.name_en))
    return [(city, n) for city, n in rows]


def events_per_partnership() -> tuple[list[int], list[tuple[Partnership, list[int]]]]:
    """Years and, per partnership, its non-cancelled events per year."""
    partnership_id = func.coalesce(Event.partnership_id, Mission.partnership_id)
    rows = db.session.execute(
        select(partnership_id, Event.starts_at).outerjoin(Mission, Mission.id == Event.mission_id)
        .where(partnership_id.is_not(None), Event.status != EventStatus.CANCELLED.value))
    years, table = per_year((str(pid), starts.year) for pid, starts in rows)
    if not table:
        return years, []
    partnerships = db.session.scalars(
        select(Partnership).where(Partnership.id.in_([int(k) for k in table]))
        .options(selectinload(Partnership.eu_cities), selectinload(Partnership.china_cities))
        .order_by(Partnership.start_date, Partnership.slug))
    return years, [(p, [table[str(p.id)][y] for y in years]) for p in partnerships]


def roles_per_year() -> tuple[list[int], dict[HelixRole, list[int]]]:
    """Participations (person × event) per helix role per year."""
    rows = db.session.execute(
        select(Event.starts_at, Participant.helix_role)
        .join(Invitation, Invitation.event_id == Event.id)
        .join(Participant, Participant.id == Invitation.participant_id)
        .where(Invitation.status.in_(EXPECTED), Event.status != EventStatus.CANCELLED.value))
    return roles_over_time((starts.year, role) for starts, role in rows)


def outcome_counts() -> dict[str, int]:
    """Outcomes recorded, per kind."""
    rows = db.session.execute(select(Outcome.kind, Outcome.signed_on))
    return outcomes_by_kind(rows, [kind.value for kind in OutcomeKind])


def dashboard() -> Dashboard:
    """Compute every indicator."""
    partnership_years, per_partnership = events_per_partnership()
    role_years, per_role = roles_per_year()
    return Dashboard(delegations_received(), partnership_years, per_partnership,
                     role_years, per_role, outcome_counts())
