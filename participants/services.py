"""Writing organisations, participants and key contacts: one transaction per operation.

Every function either commits everything it changed or rolls back and raises a
:class:`ServiceError` whose message is already localised for the reader.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from flask_babel import gettext as _
from flask_babel import ngettext
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from core.extensions import db
from participants.csv_import import email_key, normalise_email
from participants.models import Organisation, Participant
from participants.search import fold
from programme.models import City


class ServiceError(Exception):
    """A write that was refused; ``field`` names the form field it concerns, if any."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class OrganisationInUse(ServiceError):
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


def commit_or_fail(error_message: str, field: str | None = None) -> None:
    """Commit, or roll back and raise :class:`ServiceError` with ``error_message``."""
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        raise ServiceError(error_message, field) from None


def save_organisation(organisation: Organisation | None, data: Mapping[str, Any]) -> Organisation:
    """Create (``organisation`` is ``None``) or update an organisation."""
    name_en = data["name_en"].strip()
    clash = db.session.scalar(select(Organisation).where(
        func.lower(Organisation.name_en) == name_en.lower()))
    if clash is not None and clash is not organisation:
        raise ServiceError(_("An organisation with this name already exists."), "name_en")
    if organisation is None:
        organisation = Organisation(slug=unique_slug(Organisation, name_en, "organisation"))
        db.session.add(organisation)
    organisation.name_en = name_en
    organisation.name_zh = (data.get("name_zh") or "").strip() or None
    organisation.city_id = data.get("city_id")
    organisation.helix_role = data["helix_role"]
    commit_or_fail(_("An organisation with this name already exists."), "name_en")
    return organisation


def delete_organisation(organisation: Organisation) -> None:
    """Delete an organisation, refused while participants belong to it."""
    count = db.session.scalar(select(func.count(Participant.id)).where(
        Participant.organisation_id == organisation.id)) or 0
    if count:
        raise OrganisationInUse(ngettext(
            "%(num)d participant belongs to this organisation: move or delete them first.",
            "%(num)d participants belong to this organisation: move or delete them first.",
            count))
    db.session.delete(organisation)
    commit_or_fail(_("The organisation is still referred to and cannot be deleted."))


def email_taken(email: str, exclude_id: int | None = None) -> bool:
    """Whether another participant already uses ``email`` (case-insensitive)."""
    query = select(Participant.id).where(func.lower(Participant.email) == email_key(email))
    if exclude_id is not None:
        query = query.where(Participant.id != exclude_id)
    return db.session.scalar(query) is not None


def save_participant(participant: Participant | None, data: Mapping[str, Any]) -> Participant:
    """Create or update a participant; helix role, city and zone default from elsewhere.

    The helix role falls back to the organisation's, the city to the organisation's city,
    the time zone to the city's.
    """
    try:
        email = normalise_email(data["email"])
    except ValueError:
        raise ServiceError(_("Enter a valid e-mail address."), "email") from None
    if email_taken(email, participant.id if participant else None):
        raise ServiceError(_("Another participant already uses this e-mail address."), "email")
    organisation = db.session.get(Organisation, data["organisation_id"]) \
        if data.get("organisation_id") else None
    if data.get("organisation_id") and organisation is None:
        raise ServiceError(_("Unknown organisation."), "organisation_id")
    role = data.get("helix_role") or (organisation.helix_role if organisation else None)
    if not role:
        raise ServiceError(_("Choose a helix role or an organisation."), "helix_role")
    city_id = data.get("city_id") or (organisation.city_id if organisation else None)
    city = db.session.get(City, city_id) if city_id else None
    if participant is None:
        participant = Participant()
        db.session.add(participant)
    participant.name = data["name"].strip()
    participant.name_zh = (data.get("name_zh") or "").strip() or None
    participant.email = email
    participant.organisation = organisation
    participant.position = (data.get("position") or "").strip() or None
    participant.helix_role = role
    participant.city = city
    participant.language = data.get("language") or ("zh" if city and city.side == "china"
                                                      else "en")
    participant.timezone = data.get("timezone") or (city.timezone if city else "UTC")
    if "key_contact_for" in data:
        ids = list(data["key_contact_for"] or [])
        participant.key_contact_for = list(db.session.scalars(
            select(City).where(City.id.in_(ids)))) if ids else []
    commit_or_fail(_("Another participant already uses this e-mail address."), "email")
    return participant


def delete_participant(participant: Participant) -> None:
    """Delete a participant with their invitations; refused for delegation members."""
    from missions.models import DelegationMember

    memberships = db.session.scalar(select(func.count(DelegationMember.id)).where(
        DelegationMember.participant_id == participant.id)) or 0
    if memberships:
        raise ServiceError(_("This participant is a member of a mission's delegation: "
                             "remove them from it first."))
    db.session.delete(participant)
    commit_or_fail(_("The participant is still referred to and cannot be deleted."))


def set_key_contacts(city: City, participant_ids: Iterable[int]) -> list[Participant]:
    """Make exactly these participants the city's key contacts."""
    ids = list(participant_ids)
    chosen = list(db.session.scalars(select(Participant).where(Participant.id.in_(ids)))) \
        if ids else []
    current = db.session.scalars(
        select(Participant).where(Participant.key_contact_for.any(City.id == city.id))).all()
    for person in current:
        if person not in chosen:
            person.key_contact_for.remove(city)
    for person in chosen:
        if city not in person.key_contact_for:
            person.key_contact_for.append(city)
    commit_or_fail(_("The key contacts could not be saved."))
    return chosen
