"""Queries behind the helix reports: who took part in a mission, event, city,
partnership or theme, counted by helix role and by side (Europe / China).

A person counts once per report. "Taking part" means being invited to one of the scope's
(non-cancelled) events without having declined or missed it, or being a member of one of
its missions' delegations; with ``basis="attended"`` only recorded attendance counts.

The counts of a city or partnership read all of its history, so the pages take them, and
the ids of the first people listed, from the per-generation cache
(:mod:`reports.generation`).
"""

from __future__ import annotations

from enum import StrEnum

from sqlalchemy import ColumnElement, Select, func, select, union
from sqlalchemy.orm import aliased, joinedload

from core.extensions import db
from events.models import Event, EventStatus
from invitations.models import Invitation, InvitationStatus
from missions.models import DelegationMember, Mission, MissionStatus, mission_city, mission_theme
from organisations.models import Organisation
from participants.models import Participant
from programme.models import City
from reports.generation import cached
from reports.helix import HelixComposition, from_counts

EXPECTED = (InvitationStatus.INVITED.value, InvitationStatus.ACCEPTED.value,
            InvitationStatus.TENTATIVE.value, InvitationStatus.ATTENDED.value)
ATTENDED = (InvitationStatus.ATTENDED.value,)
#: People listed on a report page (the CSV export has everyone).
PEOPLE_SHOWN = 100


class Scope(StrEnum):
    """What a helix report is about."""

    MISSION = "mission"
    EVENT = "event"
    CITY = "city"
    PARTNERSHIP = "partnership"
    THEME = "theme"


def _missions_of(scope: Scope, key: int) -> Select[tuple[int]] | None:
    if scope is Scope.MISSION:
        return select(Mission.id).where(Mission.id == key)
    if scope is Scope.CITY:
        return select(mission_city.c.mission_id).where(mission_city.c.city_id == key)
    if scope is Scope.PARTNERSHIP:
        return select(Mission.id).where(Mission.partnership_id == key)
    if scope is Scope.THEME:
        return select(mission_theme.c.mission_id).where(mission_theme.c.theme_id == key)
    return None


def _event_conditions(scope: Scope, key: int) -> list[ColumnElement[bool]]:
    """Which events are the scope's: one condition per index (a partnership's or theme's
    own events, and its missions' events, are two index ranges; ``OR`` would read the
    whole event table)."""
    if scope is Scope.EVENT:
        return [Event.id == key]
    if scope is Scope.MISSION:
        return [Event.mission_id == key]
    if scope is Scope.CITY:
        return [Event.city_id == key]
    missions = _missions_of(scope, key)
    assert missions is not None
    column = Event.partnership_id if scope is Scope.PARTNERSHIP else Event.theme_id
    return [column == key, Event.mission_id.in_(missions)]


def participant_ids(scope: Scope, key: int, basis: str = "expected") -> Select[tuple[int]]:
    """Ids of the people who took part in the scope (a sub-select, run by callers)."""
    statuses = ATTENDED if basis == "attended" else EXPECTED
    invited = [select(Invitation.participant_id).join(Event, Event.id == Invitation.event_id)
               .where(condition, Event.status != EventStatus.CANCELLED.value,
                      Invitation.status.in_(statuses))
               for condition in _event_conditions(scope, key)]
    missions = _missions_of(scope, key)
    if missions is not None and basis != "attended":
        invited.append(select(DelegationMember.participant_id)
                       .join(Mission, Mission.id == DelegationMember.mission_id)
                       .where(Mission.id.in_(missions),
                              Mission.status != MissionStatus.CANCELLED.value))
    if len(invited) == 1:
        return invited[0]
    return select(union(*invited).subquery().c[0])


def side_column() -> tuple[ColumnElement[str], type[City], type[City]]:
    """A participant's side: their own field, else their city's, else their organisation's
    city's (rows saved before the field existed)."""
    own, org_city = aliased(City), aliased(City)
    side = func.coalesce(Participant.side, own.side, org_city.side)
    return side, own, org_city  # type: ignore[return-value]


def helix_composition(scope: Scope, key: int, basis: str = "expected") -> HelixComposition:
    """Head counts by helix role and side for the scope (one query)."""
    side, own, org_city = side_column()
    rows = db.session.execute(
        select(Participant.helix_role, side, func.count(Participant.id))
        .outerjoin(own, own.id == Participant.city_id)
        .outerjoin(Organisation, Organisation.id == Participant.organisation_id)
        .outerjoin(org_city, org_city.id == Organisation.city_id)
        .where(Participant.id.in_(participant_ids(scope, key, basis)))
        .group_by(Participant.helix_role, side))
    return from_counts((role, s, n) for role, s, n in rows)


def report_composition(scope: Scope, key: int, basis: str = "expected") -> HelixComposition:
    """:func:`helix_composition`, computed once per reports generation."""
    return cached(("helix", scope.value, key, basis),
                  lambda: helix_composition(scope, key, basis))


def _people(scope: Scope, key: int, basis: str) -> Select[tuple[Participant]]:
    return (select(Participant).where(Participant.id.in_(participant_ids(scope, key, basis)))
            .order_by(Participant.helix_role, Participant.name, Participant.id))


def _with_places(query: Select[tuple[Participant]]) -> Select[tuple[Participant]]:
    return query.options(joinedload(Participant.organisation).joinedload(Organisation.city),
                         joinedload(Participant.city))


def people(scope: Scope, key: int, basis: str = "expected") -> list[Participant]:
    """The people counted in the report, by helix role then name (one query)."""
    return list(db.session.scalars(_with_places(_people(scope, key, basis))))


def first_people(scope: Scope, key: int, basis: str = "expected",
                 limit: int = PEOPLE_SHOWN) -> list[Participant]:
    """The first ``limit`` people of :func:`people` (their ids kept per generation; one
    query while the data do not change)."""
    ids = cached(("people", scope.value, key, basis, limit), lambda: list(db.session.scalars(
        _people(scope, key, basis).with_only_columns(Participant.id).limit(limit))))
    return list(db.session.scalars(_with_places(
        select(Participant).where(Participant.id.in_(ids))
        .order_by(Participant.helix_role, Participant.name, Participant.id))))
