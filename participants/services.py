"""Writing participants, key contacts and CSV imports: one transaction per operation.

Every function either commits everything it changed or rolls back and raises a
:class:`ParticipantError` whose message is localised for the reader.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from flask_babel import gettext as _
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from core.errors import HelixError
from core.extensions import db
from core.integrity import commit_or_fail
from organisations.models import Organisation
from organisations.services import unique_slug
from participants.csv_import import Preview, email_key, normalise_email
from participants.csv_preview import KINDS, preview
from participants.models import Participant
from programme.models import City


class ParticipantError(HelixError):
    """A refused participant write or import; ``field`` names the form field, if any."""


class ImportChanged(ParticipantError):
    """The data changed between preview and confirmation; ``preview`` is the new one."""

    def __init__(self, message: Any, preview: Preview) -> None:
        super().__init__(message)
        self.preview = preview


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
        raise ParticipantError(_("Enter a valid e-mail address."), field="email") from None
    taken = _("Another participant already uses this e-mail address.")
    if email_taken(email, participant.id if participant else None):
        raise ParticipantError(taken, field="email")
    organisation = db.session.get(Organisation, data["organisation_id"]) \
        if data.get("organisation_id") else None
    if data.get("organisation_id") and organisation is None:
        raise ParticipantError(_("Unknown organisation."), field="organisation_id")
    role = data.get("helix_role") or (organisation.helix_role if organisation else None)
    if not role:
        raise ParticipantError(_("Choose a helix role or an organisation."), field="helix_role")
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
    if "side" in data or participant.side is None:  # an import without the column keeps it
        participant.side = data.get("side") or (city.side if city else None)
    if "key_contact_for" in data:
        ids = list(data["key_contact_for"] or [])
        participant.key_contact_for = list(db.session.scalars(
            select(City).where(City.id.in_(ids)))) if ids else []
    commit_or_fail(ParticipantError(taken, field="email"))
    return participant


def delete_participant(participant: Participant) -> None:
    """Delete a participant with their invitations; refused for delegation members."""
    if participant.delegation_memberships:
        raise ParticipantError(_("This participant is a member of a mission's delegation: "
                                 "remove them from it first."))
    db.session.delete(participant)
    commit_or_fail(ParticipantError(
        _("The participant is still referred to and cannot be deleted.")))


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
    commit_or_fail(ParticipantError(_("The key contacts could not be saved.")))
    return chosen


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


def apply_import(kind: str, data: bytes, expected: int) -> int:
    """Write every valid row in one transaction, or nothing; return the rows written.

    ``expected`` is the number of valid rows the organiser confirmed in the preview.
    """
    if kind not in KINDS:
        raise ParticipantError(_("Unknown kind of import."))
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
        raise ParticipantError(_("Nothing was imported: the database refused a row. "
                             "Upload the file again for a new preview.")) from None
    return len(result.valid_rows)
