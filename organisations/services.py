"""Writing organisations, and the write helpers other services share (slugs, commits).

Every function either commits everything it changed or rolls back and raises a
:class:`~core.errors.HelixError` whose message is localised for the reader.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from flask_babel import gettext as _
from flask_babel import ngettext
from sqlalchemy import func, select

from core.errors import HelixError
from core.extensions import db
from core.integrity import commit_or_fail
from organisations.models import Organisation
from organisations.search import fold


class OrganisationError(HelixError):
    """A refused organisation write; ``field`` names the form field it concerns."""


class OrganisationInUse(OrganisationError):
    """An organisation that still has participants cannot be deleted."""


def slugify(text: str, fallback: str = "item") -> str:
    """ASCII slug of ``text`` ("Tuscia University" → "tuscia-university")."""
    slug = re.sub(r"[^a-z0-9]+", "-", fold_keep_spaces(text)).strip("-")
    return slug[:100] or fallback


def fold_keep_spaces(text: str) -> str:
    """Lower-case ASCII transliteration that keeps word breaks (for slugs)."""
    return " ".join(fold(word) for word in text.split())


def unique_slug(model: type[Any], text: str, fallback: str = "item") -> str:
    """A slug for ``model`` not used yet: ``base``, ``base-2``, ``base-3``…"""
    base = slugify(text, fallback)
    taken = set(db.session.scalars(select(model.slug).where(model.slug.like(f"{base}%"))))
    if base not in taken:
        return base
    n = 2
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"


def save_organisation(organisation: Organisation | None, data: Mapping[str, Any]) -> Organisation:
    """Create (``organisation`` is ``None``) or update an organisation."""
    name_en = data["name_en"].strip()
    clash = db.session.scalar(select(Organisation).where(
        func.lower(Organisation.name_en) == name_en.lower()))
    taken = _("An organisation with this name already exists.")
    if clash is not None and clash is not organisation:
        raise OrganisationError(taken, field="name_en")
    if organisation is None:
        organisation = Organisation(slug=unique_slug(Organisation, name_en, "organisation"))
        db.session.add(organisation)
    organisation.name_en = name_en
    organisation.name_zh = (data.get("name_zh") or "").strip() or None
    organisation.city_id = data.get("city_id")
    organisation.helix_role = data["helix_role"]
    commit_or_fail(OrganisationError(taken, field="name_en"))
    return organisation


def delete_organisation(organisation: Organisation) -> None:
    """Delete an organisation, refused while participants belong to it."""
    count = len(organisation.participants)
    if count:
        raise OrganisationInUse(ngettext(
            "%(num)d participant belongs to this organisation: move or delete them first.",
            "%(num)d participants belong to this organisation: move or delete them first.",
            count))
    db.session.delete(organisation)
    commit_or_fail(OrganisationError(
        _("The organisation is still referred to and cannot be deleted.")))
