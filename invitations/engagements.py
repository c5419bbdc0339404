"""Load people's engagements from the database and check them for conflicts.

People are participants. An event with invitations is attended by its invitees (unless
they declined); an event of a mission without invitations by the whole delegation (a
delegation that splits up lists who goes where with invitations). Travel legs carry the
whole delegation. Everything in a window around the event is fetched in a fixed number
of queries.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import UTC, datetime, time, timedelta

from sqlalchemy import or_, select
from sqlalchemy.orm import selectinload

from core.extensions import db
from core.i18n import localized
from events.conflicts import Conflict, Engagement, Place, check_schedule
from events.models import Event, EventStatus
from invitations.models import Invitation, InvitationStatus
from missions.models import DelegationMember, Mission, TravelLeg
from programme.models import City

WINDOW = timedelta(days=2)
NOT_ATTENDING = (InvitationStatus.DECLINED.value,)


def place(city: City | None) -> Place | None:
    """The conflict checker's view of a city."""
    if city is None:
        return None
    return Place(city.id, city.latitude, city.longitude, city.name_en)


def event_engagement(event: Event, city: City | None = None) -> Engagement:
    """An event as an engagement; purely online events have no place."""
    where = None if event.online and not event.hybrid else place(city or event.city)
    return Engagement(("event", event.id), event.starts_at, event.ends_at, where,
                      label=localized(event, "title")[0])


def leg_engagement(leg: TravelLeg) -> Engagement:
    """A travel leg moves people from its origin to its destination."""
    route = f"{localized(leg.from_city, 'name')[0]} → {localized(leg.to_city, 'name')[0]}"
    flight = f"{leg.carrier or ''} {leg.number or ''}".strip()
    return Engagement(("leg", leg.id), leg.departs_at, leg.arrives_at, place(leg.from_city),
                      place(leg.to_city), label=f"{flight} {route}".strip())


def people_of_event(event: Event) -> set[int]:
    """Participant ids expected at the event: its invitees, else its mission's delegation."""
    if event.id is not None:
        rows = db.session.execute(
            select(Invitation.participant_id, Invitation.status)
            .where(Invitation.event_id == event.id)).all()
        if rows:
            return {person for person, status in rows if status not in NOT_ATTENDING}
    if event.mission_id:
        return set(db.session.scalars(
            select(DelegationMember.participant_id).where(
                DelegationMember.mission_id == event.mission_id)))
    return set()


def schedules(people: Iterable[int], start: datetime, end: datetime
              ) -> dict[int, list[Engagement]]:
    """Every person's events and travel legs between ``start`` and ``end`` (5 queries)."""
    people = set(people)
    result: dict[int, list[Engagement]] = defaultdict(list)
    if not people:
        return result
    memberships = db.session.execute(
        select(DelegationMember.participant_id, DelegationMember.mission_id)
        .where(DelegationMember.participant_id.in_(people))).all()
    missions_of: dict[int, set[int]] = defaultdict(set)
    for person, mission_id in memberships:
        missions_of[mission_id].add(person)
    invited = db.session.execute(
        select(Invitation.participant_id, Invitation.event_id)
        .where(Invitation.participant_id.in_(people), Invitation.status.not_in(NOT_ATTENDING))
    ).all()
    invited_to: dict[int, set[int]] = defaultdict(set)
    for person, event_id in invited:
        invited_to[event_id].add(person)
    events = db.session.scalars(
        select(Event).options(selectinload(Event.city))
        .where(Event.status != EventStatus.CANCELLED.value,
               Event.starts_at < end, Event.ends_at > start,
               or_(Event.id.in_(list(invited_to)), Event.mission_id.in_(list(missions_of))))).all()
    with_invitations = set(db.session.scalars(
        select(Invitation.event_id).distinct()
        .where(Invitation.event_id.in_([e.id for e in events]))))
    for event in events:
        if event.id in with_invitations:
            attendees = invited_to.get(event.id, set())
        else:
            attendees = missions_of.get(event.mission_id, set())
        for person in attendees:
            result[person].append(event_engagement(event))
    legs = db.session.scalars(
        select(TravelLeg).options(selectinload(TravelLeg.from_city),
                                  selectinload(TravelLeg.to_city))
        .where(TravelLeg.mission_id.in_(list(missions_of)), TravelLeg.departs_at < end,
               TravelLeg.arrives_at > start)).all()
    for leg in legs:
        for person in missions_of[leg.mission_id]:
            result[person].append(leg_engagement(leg))
    return result


def event_conflicts(event: Event, people: set[int] | None = None) -> list[tuple[Conflict, int]]:
    """Conflicts involving ``event`` (saved or not), with one affected person each.

    Returns ``(conflict, people_count)`` pairs: the same clash is reported once with
    the number of people it affects.
    """
    people = people_of_event(event) if people is None else people
    if not people or event.starts_at is None or event.ends_at is None:
        return []
    city = db.session.get(City, event.city_id) if event.city_id else None
    candidate = event_engagement(event, city)
    found = schedules(people, event.starts_at - WINDOW, event.ends_at + WINDOW)
    counts: dict[tuple, int] = defaultdict(int)
    kept: list[Conflict] = []
    for person, engagements in found.items():
        others = [e for e in engagements if e.ref != candidate.ref]
        for conflict in check_schedule([*others, candidate], who=person):
            if conflict.involves(candidate.ref):
                key = (conflict.kind, conflict.first.ref, conflict.second.ref)
                if key not in counts:
                    kept.append(conflict)
                counts[key] += 1
    return [(c, counts[(c.kind, c.first.ref, c.second.ref)]) for c in kept]


def mission_conflicts(mission: Mission) -> list[tuple[Conflict, int]]:
    """Conflicts in the schedules of the mission's delegation during the mission."""
    people = {m.participant_id for m in mission.members}
    start = datetime.combine(mission.start_date, time.min, tzinfo=UTC) - WINDOW
    end = datetime.combine(mission.end_date, time.min, tzinfo=UTC) + 2 * WINDOW
    counts: dict[tuple, int] = defaultdict(int)
    kept: list[Conflict] = []
    for person, engagements in schedules(people, start, end).items():
        for conflict in check_schedule(engagements, who=person):
            key = (conflict.kind, conflict.first.ref, conflict.second.ref)
            if key not in counts:
                kept.append(conflict)
            counts[key] += 1
    return [(c, counts[(c.kind, c.first.ref, c.second.ref)]) for c in kept]


def busy_times(mission_id: int | None, event_id: int | None, start: datetime,
               end: datetime) -> list[tuple[datetime, datetime, str]]:
    """When the people of a mission or an event are taken between ``start`` and ``end``,
    as ``(start, end, label)`` in time order.

    The people are the mission's delegation and the event's attendees; their events and
    travel legs count, and so do the mission's own events and legs (a delegation not yet
    named still travels). The event itself (being rescheduled) does not count.
    """
    people: set[int] = set()
    event = db.session.get(Event, event_id) if event_id else None
    if event is not None:
        people |= people_of_event(event)
        mission_id = mission_id or event.mission_id
    if mission_id:
        people |= set(db.session.scalars(select(DelegationMember.participant_id).where(
            DelegationMember.mission_id == mission_id)))
    found = {engagement.ref: engagement
             for engagements in schedules(people, start, end).values()
             for engagement in engagements}
    if mission_id:
        for own in db.session.scalars(select(Event).where(
                Event.mission_id == mission_id, Event.status != EventStatus.CANCELLED.value,
                Event.starts_at < end, Event.ends_at > start)):
            found[("event", own.id)] = event_engagement(own)
        for leg in db.session.scalars(select(TravelLeg).where(
                TravelLeg.mission_id == mission_id, TravelLeg.departs_at < end,
                TravelLeg.arrives_at > start)):
            found[("leg", leg.id)] = leg_engagement(leg)
    found.pop(("event", event_id), None)
    return sorted((e.starts_at, e.ends_at, e.label) for e in found.values())
