"""Writing partnerships: create, edit (a change of stage appends to its history), archive.

Every function commits once, with its audit entry, or rolls back and raises a
:class:`PartnershipError`. Partnerships are never deleted: archiving keeps them, their
history, missions and events.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from audit.services import record, tracking
from core.errors import HelixError
from core.extensions import db
from core.types import utcnow
from programme.models import City, Partnership, PartnershipStage, Side, Stage, Theme

SLUG_LIMIT = 110


class PartnershipError(HelixError):
    """A refused partnership write; ``field`` names the form field it concerns."""

    message = _l("The partnership could not be saved.")


def _actor_label(actor: Any) -> str | None:
    return getattr(actor, "email", None) if getattr(actor, "is_authenticated", False) else None


def _cities(ids: Sequence[int], side: Side, field: str) -> list[City]:
    found = list(db.session.scalars(select(City).where(City.id.in_(ids), City.side == side.value)))
    if not found or len(found) != len(set(ids)):
        raise PartnershipError(_l("Choose one of the options in the list."), field=field)
    return found


def _slug(cities: Sequence[City]) -> str:
    """``barcelona-liuzhou``, or ``barcelona-liuzhou-2`` when taken."""
    base = "-".join(c.slug for c in cities)[:SLUG_LIMIT].strip("-") or "partnership"
    taken = set(db.session.scalars(select(Partnership.slug).where(
        Partnership.slug.like(f"{base}%"))))
    candidates = (base, *(f"{base}-{n}" for n in range(2, len(taken) + 2)))
    return next(slug for slug in candidates if slug not in taken)


def _assign(partnership: Partnership, data: Mapping[str, Any]) -> None:
    partnership.eu_cities = _cities(data["eu_city_ids"], Side.EU, "eu_city_ids")
    partnership.china_cities = _cities(data["china_city_ids"], Side.CHINA, "china_city_ids")
    partnership.themes = list(db.session.scalars(select(Theme).where(
        Theme.id.in_(data.get("theme_ids") or []))))
    start, end = data["start_date"], data.get("end_date")
    if start and end and end < start:
        raise PartnershipError(_l("The end must not be before the start."), field="end_date")
    partnership.start_date, partnership.end_date = start, end
    partnership.summary_en = (data.get("summary_en") or "").strip() or None
    partnership.summary_zh = (data.get("summary_zh") or "").strip() or None


def _record_stage(partnership: Partnership, data: Mapping[str, Any], actor: Any) -> None:
    """Append the new stage to the history when it changes (or on creation)."""
    stage = data["stage"]
    if stage not in {s.value for s in Stage}:
        raise PartnershipError(_l("Choose one of the options in the list."), field="stage")
    note = (data.get("stage_note") or "").strip() or None
    if partnership.stage_history and stage == partnership.stage:
        if note:
            raise PartnershipError(_l("A note is recorded with a change of stage: choose the "
                                      "new stage or leave the note empty."), field="stage_note")
        return
    partnership.stage = stage
    partnership.stage_history.append(PartnershipStage(
        stage=stage, changed_on=data.get("stage_changed_on") or utcnow().date(), note=note,
        changed_by=_actor_label(actor)))


def _commit() -> None:
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        raise PartnershipError() from None


def create_partnership(data: Mapping[str, Any], actor: Any = None) -> Partnership:
    """Create a partnership; its stage is the first entry of its history."""
    partnership = Partnership()
    with db.session.no_autoflush:
        _assign(partnership, data)
        _record_stage(partnership, data, actor)
    partnership.slug = _slug(partnership.cities)
    db.session.add(partnership)
    record(actor, "created", partnership)
    _commit()
    return partnership


def update_partnership(partnership: Partnership, data: Mapping[str, Any],
                       actor: Any = None) -> Partnership:
    """Apply an edit; a new stage appends a dated entry to the history."""
    try:
        with db.session.no_autoflush, tracking(actor, partnership):
            _assign(partnership, data)
            _record_stage(partnership, data, actor)
    except PartnershipError:
        db.session.rollback()
        raise
    _commit()
    return partnership


def archive_partnership(partnership: Partnership, actor: Any = None) -> Partnership:
    """Archive the partnership (it is kept, with everything that refers to it)."""
    if partnership.archived_at is None:
        with tracking(actor, partnership):
            partnership.archived_at = utcnow()
        _commit()
    return partnership
