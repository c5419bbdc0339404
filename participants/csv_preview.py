"""Previewing a CSV import of organisations or participants against the database.

The uploaded file travels back with the confirmation (compressed, in a hidden field, see
:func:`pack`) and is checked again when the organiser confirms; the write itself is
:func:`participants.services.apply_import`.
"""

from __future__ import annotations

import base64
import binascii
import zlib

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select

from core.errors import HelixError
from core.extensions import db
from organisations.helix_roles import coerce_role
from organisations.models import Organisation
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
from participants.models import Participant
from programme.models import City

KINDS = ("participants", "organisations")


class UploadLost(HelixError):
    """The file sent back with a confirmation is damaged or too large."""

    message = _l("The uploaded file was lost; please upload it again.")


def pack(data: bytes) -> str:
    """Compress and encode file bytes for a hidden form field."""
    return base64.urlsafe_b64encode(zlib.compress(data, 9)).decode("ascii")


def unpack(payload: str) -> bytes:
    """Reverse :func:`pack` (:class:`UploadLost` if the field was damaged or too large)."""
    try:
        inflater = zlib.decompressobj()
        data = inflater.decompress(base64.urlsafe_b64decode(payload.encode("ascii")),
                                   MAX_BYTES + 1)
    except (binascii.Error, zlib.error, ValueError):
        raise UploadLost() from None
    if len(data) > MAX_BYTES or inflater.unconsumed_tail:
        raise UploadLost()
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
