"""What a form offers of the reference data: cities, themes and partnerships.

Archived cities, themes and partnerships leave every choice list, except those the record
being edited already names (``keep``): editing an old event keeps its archived city instead
of silently dropping it, and a new record cannot choose an archived one. Every list is in the
page's language (Chinese by pinyin), one query each.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from core.extensions import db
from core.i18n import localized
from programme.models import City, Partnership, Side, Theme, offered
from programme.sorting import by_name, partnership_names

Choice = tuple[int | str, str]
"""An option's value (an id, or ``""`` for the blank entry) and label."""
BLANK: Choice = ("", "—")
"""The blank first entry of an optional select."""

Keep = Iterable[int | None]
"""Ids the edited record already names (``None`` values are ignored)."""


def _blank(blank: bool) -> list[Choice]:
    return [BLANK] if blank else []


def city_choices(keep: Keep = (), *, blank: bool = True, side: Side | None = None,
                 among: Iterable[int] | None = None) -> list[Choice]:
    """Cities offered (of one ``side``, or only those ``among`` the given ids), with an
    optional blank first entry."""
    query = select(City).where(offered(City, keep))
    if side is not None:
        query = query.where(City.side == side.value)
    if among is not None:
        query = query.where(City.id.in_(list(among)))
    cities = by_name(db.session.scalars(query))
    return _blank(blank) + [(c.id, localized(c, "name")[0]) for c in cities]


def theme_choices(keep: Keep = (), *, blank: bool = True) -> list[Choice]:
    """Themes (clusters) offered, with an optional blank first entry."""
    themes = by_name(db.session.scalars(select(Theme).where(offered(Theme, keep))))
    return _blank(blank) + [(t.id, localized(t, "name")[0]) for t in themes]


def partnership_choices(keep: Keep = (), *, blank: bool = True) -> list[Choice]:
    """Partnerships offered, named by their cities and sorted by that name."""
    query = select(Partnership).where(offered(Partnership, keep)).options(
        selectinload(Partnership.eu_cities), selectinload(Partnership.china_cities))
    return _blank(blank) + partnership_names(db.session.scalars(query))
