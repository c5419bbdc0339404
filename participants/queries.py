"""Read queries for participant pages and selects (constant query counts)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from flask_sqlalchemy.pagination import Pagination
from sqlalchemy import Select, or_, select
from sqlalchemy.orm import joinedload, selectinload

from core.extensions import db
from core.i18n import localized
from core.paging import bounded_page
from organisations.models import Organisation
from organisations.search import like_pattern, normalise_query
from participants.models import Participant
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


def participant_page(filters: ParticipantFilters, page: int = 1) -> tuple[Pagination, bool]:
    """One page of participants with organisations and cities, and whether the list goes
    on past its counted total (core.paging: two queries, whatever the count)."""
    return bounded_page(
        participant_query(filters)
        .options(joinedload(Participant.organisation), joinedload(Participant.city))
        .order_by(Participant.name, Participant.id), page, PAGE_SIZE)


def all_participants(filters: ParticipantFilters) -> list[Participant]:
    """Every participant matching the filters (for CSV export), eagerly loaded."""
    return list(db.session.scalars(
        participant_query(filters)
        .options(joinedload(Participant.organisation), joinedload(Participant.city))
        .order_by(Participant.name, Participant.id)))


def participant_label(person: Participant) -> str:
    """``Name (中文名) — organisation`` (the organisation in the page language)."""
    label = person.name + (f" ({person.name_zh})" if person.name_zh else "")
    if person.organisation:
        label += f" — {localized(person.organisation, 'name')[0]}"
    return label


def participant_labels(ids: Sequence[int]) -> dict[int, str]:
    """Labels of the participants with these ids that exist (one query)."""
    rows = db.session.scalars(select(Participant).where(Participant.id.in_(ids))
                              .options(joinedload(Participant.organisation)))
    return {person.id: participant_label(person) for person in rows}


def participant_matches(q: str, limit: int) -> list[tuple[int, str]]:
    """At most ``limit`` participants whose name, Chinese name, pinyin or e-mail holds
    ``q``, by name (one query)."""
    if not normalise_query(q):
        return []
    rows = db.session.scalars(
        participant_query(ParticipantFilters(q=q)).options(joinedload(Participant.organisation))
        .order_by(Participant.name, Participant.id).limit(limit))
    return [(person.id, participant_label(person)) for person in rows]


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
