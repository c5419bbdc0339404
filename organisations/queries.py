"""Read queries for organisation pages and the city and organisation selects."""

from __future__ import annotations

from collections.abc import Sequence

from flask_sqlalchemy.pagination import Pagination
from sqlalchemy import Select, func, select
from sqlalchemy.orm import joinedload

from core.extensions import db
from core.i18n import localized
from core.paging import bounded_page
from organisations.models import Organisation
from organisations.search import like_pattern, normalise_query
from programme.sorting import by_name

#: Organisations on one page of the index.
PAGE_SIZE = 50


def organisation_query(q: str = "") -> Select[tuple[Organisation]]:
    """Organisations whose name (either language, pinyin) or slug holds ``q``."""
    query = select(Organisation)
    folded = normalise_query(q)
    if folded:
        query = query.where(Organisation.search_key.like(like_pattern(folded), escape="\\"))
    return query


def organisation_page(q: str = "", page: int = 1
                      ) -> tuple[list[tuple[Organisation, int]], Pagination, bool]:
    """One page of organisations by English name with their participant counts, the
    pager, and whether the list goes on past its counted total (three queries)."""
    listing, more = bounded_page(
        organisation_query(q).options(joinedload(Organisation.city))
        .order_by(Organisation.name_en, Organisation.id), page, PAGE_SIZE)
    ids = [o.id for o in listing.items]
    counts = {org_id: count for org_id, count in db.session.execute(
        select(Organisation.id, func.count()).join(Organisation.participants)
        .where(Organisation.id.in_(ids)).group_by(Organisation.id))} if ids else {}
    return [(o, counts.get(o.id, 0)) for o in listing.items], listing, more


def organisation_choices(blank: bool = True) -> list[tuple[object, str]]:
    """Organisations for a select, sorted in the page language."""
    organisations = by_name(db.session.scalars(select(Organisation)).all())
    options = [(o.id, localized(o, "name")[0]) for o in organisations]
    return ([("", "—")] if blank else []) + options  # type: ignore[list-item]


def organisation_labels(ids: Sequence[int]) -> dict[int, str]:
    """Names (in the page language) of the organisations with these ids that exist."""
    rows = db.session.scalars(select(Organisation).where(Organisation.id.in_(ids)))
    return {o.id: localized(o, "name")[0] for o in rows}


def organisation_matches(q: str, limit: int) -> list[tuple[int, str]]:
    """At most ``limit`` organisations whose name (either language, pinyin) or slug holds
    ``q``, by English name (one query)."""
    if not normalise_query(q):
        return []
    rows = db.session.scalars(
        organisation_query(q).order_by(Organisation.name_en, Organisation.id).limit(limit))
    return [(o.id, localized(o, "name")[0]) for o in rows]
