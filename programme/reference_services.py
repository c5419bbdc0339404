"""Writing the programme's reference data: cities and themes (create, edit, archive).

Cities and themes are never deleted (events, missions and partnerships refer to them):
archiving takes them out of the choice lists. Every function audits its change and commits
once, or rolls back and raises a :class:`ReferenceDataError` whose ``field`` names the form
field the message belongs to.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, TypeVar

from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from audit.services import record, tracking
from core.errors import HelixError
from core.extensions import db
from core.types import utcnow
from programme.collation import latin_key
from programme.models import City, Theme

SLUG_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
"""A slug: lower-case ASCII letters and digits in words joined by single hyphens."""
SLUG_LIMIT = 80
RESERVED_SLUGS = frozenset({"new"})
"""Slugs that are pages of their own (``/cities/new``)."""
SLUG_TAKEN = _l("This short name is already used: choose another one.")

CITY_FIELDS = ("name_en", "name_zh", "name_pinyin", "country", "region_en", "region_zh",
               "population", "area_km2", "latitude", "longitude", "timezone", "side",
               "cohort_year", "cohort_end_year", "key_contact", "work_start", "work_end",
               "work_days")
"""The city columns the form writes (besides the slug)."""
THEME_FIELDS = ("name_en", "name_zh", "sdgs", "urban_agenda")
"""The theme columns the form writes (besides the slug)."""

Reference = City | Theme
R = TypeVar("R", City, Theme)


class ReferenceDataError(HelixError):
    """A refused city or theme write."""


def slugify(text: str) -> str:
    """The slug a name suggests: ``Málaga`` → ``malaga``, ``Lazio Region`` → ``lazio-region``
    (empty when the name has no Latin letters or digits)."""
    return re.sub(r"[^a-z0-9]+", "-", latin_key(text)).strip("-")[:SLUG_LIMIT].strip("-")


def slug_taken(model: type[Reference], slug: str, current: Reference | None) -> bool:
    """Whether another record of ``model`` already has ``slug``."""
    found = db.session.scalar(select(model.id).where(model.slug == slug))
    return found is not None and (current is None or found != current.id)


def _clean(value: Any) -> Any:
    """Stripped text, empty text as None; other values as given."""
    if isinstance(value, str):
        return value.strip() or None
    return value


def _save(actor: Any, model: type[R], current: R | None, data: Mapping[str, Any],
          fields: tuple[str, ...]) -> R:
    slug = (data.get("slug") or "").strip() or slugify(data.get("name_en") or "")
    if slug in RESERVED_SLUGS or slug_taken(model, slug, current):
        raise ReferenceDataError(SLUG_TAKEN, field="slug")
    values = {name: _clean(data.get(name)) for name in fields}
    try:
        if current is None:
            current = model(slug=slug, **values)
            db.session.add(current)
            record(actor, "created", current)
        else:
            with db.session.no_autoflush, tracking(actor, current):
                current.slug = slug
                for name, value in values.items():
                    setattr(current, name, value)
        db.session.commit()
    except IntegrityError:
        # Another request took the slug between the check and the commit.
        db.session.rollback()
        raise ReferenceDataError(SLUG_TAKEN, field="slug") from None
    return current


def save_city(actor: Any, city: City | None, data: Mapping[str, Any]) -> City:
    """Create (``city`` is None) or update a city from the form's ``data``; the slug is
    the one entered or, when empty, the English name's."""
    return _save(actor, City, city, data, CITY_FIELDS)


def save_theme(actor: Any, theme: Theme | None, data: Mapping[str, Any]) -> Theme:
    """Create (``theme`` is None) or update a theme from the form's ``data``."""
    return _save(actor, Theme, theme, data, THEME_FIELDS)


def set_archived(actor: Any, item: Reference, archived: bool) -> None:
    """Archive a city or theme (out of the choice lists, kept everywhere else) or bring it
    back; audited as a change of ``archived_at``. Doing it twice changes nothing."""
    if (item.archived_at is not None) == archived:
        return
    before = item.archived_at
    item.archived_at = utcnow() if archived else None
    record(actor, "changed", item, {"archived_at": (before, item.archived_at)})
    db.session.commit()
