"""Read queries for participant and organisation pages (constant query counts)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import joinedload, selectinload

from core.extensions import db
from core.i18n import localized
from events.models import Event
from missions.models import DelegationMember, Mission
from participants.models import Invitation, Organisation, Participant
from participants.search import like_pattern, normalise_query
from programme.models import City
from programme.sorting import by_name

PAGE_SIZE = 50


@dataclass
class ParticipantFilters:
    """What a participant list is narrowed down to."""

    q: str = ""
    organisation_id: int | None = None
    city_id: int | None = None
    helix_role: str | None = None

    def as_args(self) -> dict[str, object]:
        """The filters as URL query arguments (empty ones left out)."""
        args = {"q": self.q, "organisation": self.organisation_id, "city": self.city_id,
                "role": self.helix_role}
        return {key: value for key, value in args.items() if value}


def participant_query(filters: ParticipantFilters) -> Select[tuple[Participant]]:
    """Participants matching the filters: name, Chinese name, pinyin or e-mail for ``q``."""
    query = select(Participant)
    folded = normalise_query(filters.q)
    if folded:
        query = query.where(Participant.search_key.like(like_pattern(folded), escape="\\"))
    if filters.organisation_id:
        query = query.where(Participant.organisation_id == filters.organisation_id)
    if filters.city_id:
        query = query.where(or_(
            Participant.city_id == filters.city_id,
            Participant.organisation.has(Organisation.city_id == filters.city_id)
            & Participant.city_id.is_(None)))
    if filters.helix_role:
        query = query.where(Participant.helix_role == filters.helix_role)
    return query


def participant_page(filters: ParticipantFilters, page: int = 1
                     ) -> tuple[list[Participant], int]:
    """One page of participants with organisations and cities, and the total (two queries)."""
    query = participant_query(filters)
    total = db.session.scalar(select(func.count()).select_from(query.subquery())) or 0
    rows = db.session.scalars(
        query.options(joinedload(Participant.organisation), joinedload(Participant.city))
        .order_by(Participant.name, Participant.id)
        .limit(PAGE_SIZE).offset((max(page, 1) - 1) * PAGE_SIZE)).all()
    return list(rows), total


def all_participants(filters: ParticipantFilters) -> list[Participant]:
    """Every participant matching the filters (for CSV export), eagerly loaded."""
    return list(db.session.scalars(
        participant_query(filters)
        .options(joinedload(Participant.organisation), joinedload(Participant.city))
        .order_by(Participant.name, Participant.id)))


def organisation_page(q: str = "") -> list[tuple[Organisation, int]]:
    """Organisations with their participant counts (one query)."""
    count = (select(func.count(Participant.id))
             .where(Participant.organisation_id == Organisation.id)
             .correlate(Organisation).scalar_subquery())
    query = select(Organisation, count).options(joinedload(Organisation.city))
    folded = normalise_query(q)
    if folded:
        query = query.where(Organisation.search_key.like(like_pattern(folded), escape="\\"))
    return [(org, n) for org, n in db.session.execute(query.order_by(Organisation.name_en))]


def schedule(participant_id: int) -> list[Invitation]:
    """A participant's invitations with events, cities and missions, in time order."""
    return list(db.session.scalars(
        select(Invitation).join(Invitation.event)
        .where(Invitation.participant_id == participant_id)
        .options(joinedload(Invitation.event).joinedload(Event.city),
                 joinedload(Invitation.event).joinedload(Event.mission))
        .order_by(Event.starts_at)))


def delegations(participant_id: int) -> list[DelegationMember]:
    """The missions a participant is a delegation member of."""
    return list(db.session.scalars(
        select(DelegationMember).join(DelegationMember.mission)
        .where(DelegationMember.participant_id == participant_id)
        .options(joinedload(DelegationMember.mission)).order_by(Mission.start_date)))


def city_choices(blank: bool = True) -> list[tuple[object, str]]:
    """Cities for a select, sorted in the page language."""
    cities = by_name(db.session.scalars(select(City)).all())
    options = [(c.id, localized(c, "name")[0]) for c in cities]
    return ([("", "—")] if blank else []) + options  # type: ignore[list-item]


def organisation_choices(blank: bool = True) -> list[tuple[object, str]]:
    """Organisations for a select, sorted in the page language."""
    organisations = by_name(db.session.scalars(select(Organisation)).all())
    options = [(o.id, localized(o, "name")[0]) for o in organisations]
    return ([("", "—")] if blank else []) + options  # type: ignore[list-item]


def participant_choices() -> list[tuple[int, str]]:
    """Every participant for a multiple select: ``Name (中文名) — organisation``."""
    rows = db.session.scalars(select(Participant).options(joinedload(Participant.organisation))
                              .order_by(Participant.name))
    options = []
    for p in rows:
        label = p.name + (f" ({p.name_zh})" if p.name_zh else "")
        if p.organisation:
            label += f" — {p.organisation.name_en}"
        options.append((p.id, label))
    return options


def key_contacts() -> list[tuple[City, list[Participant]]]:
    """Every city with its key contacts (two queries)."""
    cities = by_name(db.session.scalars(select(City)).all())
    contacts: dict[int, list[Participant]] = {c.id: [] for c in cities}
    people = db.session.scalars(
        select(Participant).where(Participant.key_contact_for.any())
        .options(selectinload(Participant.key_contact_for),
                 joinedload(Participant.organisation)).order_by(Participant.name))
    for person in people:
        for city in person.key_contact_for:
            contacts[city.id].append(person)
    return [(city, contacts[city.id]) for city in cities]
