"""Importing organisations and participants from CSV: preview, then all-or-nothing write.

The uploaded file travels back with the confirmation (compressed, in a hidden field) and
is checked again against the database at that moment; if the number of valid rows is no
longer what the organiser saw, nothing is written and the new preview is shown instead.
"""

from __future__ import annotations

import base64
import binascii
import zlib

from flask_babel import gettext as _
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from core.extensions import db
from participants.csv_common import MAX_BYTES
from participants.csv_import import (
    CityRef,
    Lookups,
    OrganisationRef,
    Preview,
    lookup_key,
    parse_organisations,
    parse_participants,
)
from participants.helix import coerce_role
from participants.models import Organisation, Participant
from participants.services import ServiceError, unique_slug
from programme.models import City

KINDS = ("participants", "organisations")


class ImportChanged(ServiceError):
    """The data changed between preview and confirmation; ``preview`` is the new one."""

    def __init__(self, message: str, preview: Preview) -> None:
        super().__init__(message)
        self.preview = preview


def pack(data: bytes) -> str:
    """Compress and encode file bytes for a hidden form field."""
    return base64.urlsafe_b64encode(zlib.compress(data, 9)).decode("ascii")


def unpack(payload: str) -> bytes:
    """Reverse :func:`pack` (``ServiceError`` if the field was damaged or too large)."""
    lost = _("The uploaded file was lost; please upload it again.")
    try:
        inflater = zlib.decompressobj()
        data = inflater.decompress(base64.urlsafe_b64decode(payload.encode("ascii")),
                                   MAX_BYTES + 1)
    except (binascii.Error, zlib.error, ValueError):
        raise ServiceError(lost) from None
    if len(data) > MAX_BYTES or inflater.unconsumed_tail:
        raise ServiceError(lost)
    return data


def build_lookups() -> Lookups:
    """Every city, organisation and e-mail address currently stored (three queries)."""
    cities: dict[str, CityRef] = {}
    for city in db.session.scalars(select(City)):
        ref = CityRef(city.id, city.timezone, city.side)
        for name in (city.slug, city.name_en, city.name_zh, city.name_pinyin):
            if name:
                cities.setdefault(lookup_key(name), ref)
    organisations: dict[str, OrganisationRef] = {}
    for org in db.session.scalars(select(Organisation)):
        ref = OrganisationRef(org.id, coerce_role(org.helix_role), org.city_id)
        for name in (org.slug, org.name_en, org.name_zh):
            if name:
                organisations.setdefault(lookup_key(name), ref)
    emails = {e for e in db.session.scalars(select(func.lower(Participant.email)))}
    return Lookups(cities, organisations, emails)


def preview(kind: str, data: bytes) -> Preview:
    """Check a file without writing anything."""
    parse = parse_participants if kind == "participants" else parse_organisations
    return parse(data, build_lookups())


def _write_participants(result: Preview) -> None:
    for row in result.valid_rows:
        values = row.values
        db.session.add(Participant(
            name=values["name"], name_zh=values["name_zh"], email=values["email"],
            organisation_id=values["organisation_id"], position=values["position"],
            helix_role=str(values["helix_role"]), city_id=values["city_id"],
            language=values["language"], timezone=values["timezone"] or "UTC"))


def _write_organisations(result: Preview) -> None:
    for row in result.valid_rows:
        values = row.values
        name = str(values["name_en"])
        organisation = Organisation(
            slug=unique_slug(Organisation, name, "organisation"), name_en=name,
            name_zh=values["name_zh"], city_id=values["city_id"],
            helix_role=str(values["helix_role"]))
        db.session.add(organisation)
        db.session.flush()


def apply(kind: str, data: bytes, expected: int) -> int:
    """Write every valid row in one transaction, or nothing; return the rows written.

    ``expected`` is the number of valid rows the organiser confirmed in the preview.
    """
    if kind not in KINDS:
        raise ServiceError(_("Unknown kind of import."))
    result = preview(kind, data)
    if result.file_errors or len(result.valid_rows) != expected or not expected:
        raise ImportChanged(_("The data changed since the preview; nothing was imported. "
                              "Check the new preview."), result)
    try:
        if kind == "participants":
            _write_participants(result)
        else:
            _write_organisations(result)
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        raise ServiceError(_("Nothing was imported: the database refused a row. "
                             "Upload the file again for a new preview.")) from None
    return len(result.valid_rows)
