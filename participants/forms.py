"""Forms for organisations, participants, invitations, imports and outcomes.

Choices that come from the database (cities, organisations, events) are filled in by the
views with :func:`set_choices`-style assignments; forms never write to the database.
"""

from __future__ import annotations

import zoneinfo
from collections.abc import Iterable

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileAllowed, FileField, FileRequired
from wtforms import (
    DateField,
    EmailField,
    HiddenField,
    SelectField,
    SelectMultipleField,
    StringField,
    URLField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import URL, DataRequired, Email, Length, Optional, ValidationError

from core.labels import HELIX_ROLES, INVITATION_STATUSES, OUTCOME_KINDS

NONE_CHOICE = ("", "—")
INVALID_CHOICE = _l("Choose one of the options in the list.")
LANGUAGES = [("en", _l("English")), ("zh", _l("Chinese"))]


def optional_int(value: object) -> int | None:
    """Coerce a select value to an id, empty meaning none."""
    if value in (None, "", "None"):
        return None
    return int(value)  # type: ignore[arg-type]


def to_choices(pairs: Iterable[tuple[object, object]]) -> list[SelectChoice]:
    """WTForms choices from ``(value, label)`` pairs (labels may be lazy strings)."""
    return [SelectChoice(value, label) for value, label in pairs]  # type: ignore[arg-type]


def known_choices(form: FlaskForm, field: SelectMultipleField) -> None:
    """Validator for multiple selects: every value must be offered (translated message)."""
    offered = {choice.value for choice in field.choices or []}
    if any(value not in offered for value in field.data or []):
        raise ValidationError(INVALID_CHOICE)


def role_choices(blank: bool = False) -> list[SelectChoice]:
    """Helix role choices, optionally with a blank first entry."""
    return to_choices(([NONE_CHOICE] if blank else []) + list(HELIX_ROLES.items()))


class OrganisationForm(FlaskForm):
    """Create or edit an organisation."""

    name_en = StringField(_l("Name (English)"), validators=[
        DataRequired(message=_l("Enter the organisation's English name.")), Length(max=200)])
    name_zh = StringField(_l("Name (Chinese)"), validators=[Optional(), Length(max=200)])
    city_id = SelectField(_l("City"), coerce=optional_int, validators=[Optional()])
    helix_role = SelectField(_l("Helix role"), choices=role_choices(),
                             validators=[DataRequired(message=INVALID_CHOICE)])


class ParticipantForm(FlaskForm):
    """Create or edit a participant; the helix role defaults from the organisation."""

    name = StringField(_l("Name"), validators=[
        DataRequired(message=_l("Enter the participant's name.")), Length(max=160)])
    name_zh = StringField(_l("Chinese name"), validators=[Optional(), Length(max=160)])
    email = EmailField(_l("E-mail"), validators=[
        DataRequired(message=_l("Enter an e-mail address.")),
        Email(message=_l("Enter a valid e-mail address."), check_deliverability=False),
        Length(max=254)])
    organisation_id = SelectField(_l("Organisation"), coerce=optional_int,
                                  validate_choice=False, validators=[Optional()])
    position = StringField(_l("Position"), validators=[Optional(), Length(max=200)])
    helix_role = SelectField(_l("Helix role"), choices=role_choices(blank=True))
    city_id = SelectField(_l("City"), coerce=optional_int, validators=[Optional()])
    language = SelectField(_l("Preferred language"), choices=to_choices(LANGUAGES))
    timezone = StringField(_l("Time zone"), validators=[Optional(), Length(max=64)])
    key_contact_for = SelectMultipleField(_l("Key contact for"), coerce=int,
                                          validate_choice=False, validators=[known_choices])

    def validate_timezone(self, field: StringField) -> None:
        """Only IANA zone names (``Europe/Madrid``, ``Asia/Shanghai``)."""
        if field.data and field.data not in zoneinfo.available_timezones():
            raise ValidationError(_l("Unknown time zone: use a name such as Europe/Madrid."))

    def validate_organisation_id(self, field: SelectField) -> None:
        """The organisation must be one of those offered."""
        if field.data not in {choice.value for choice in field.choices or []}:
            raise ValidationError(_l("Unknown organisation: choose one from the list."))

    def validate_helix_role(self, field: SelectField) -> None:
        """A role is needed when the organisation does not give one."""
        if not field.data and not self.organisation_id.data:
            raise ValidationError(_l("Choose a helix role or an organisation."))


class InviteForm(FlaskForm):
    """Invite people to an event or to every event of a mission."""

    target = SelectField(_l("Invite to"), validators=[DataRequired(message=INVALID_CHOICE)])
    participant_ids = SelectMultipleField(_l("Participants"), coerce=int,
                                          validate_choice=False, validators=[known_choices])
    organisation_id = SelectField(_l("Everyone from organisation"), coerce=optional_int,
                                  validators=[Optional()])
    city_id = SelectField(_l("Everyone from city"), coerce=optional_int,
                          validators=[Optional()])
    helix_role = SelectField(_l("Everyone with helix role"), choices=role_choices(blank=True),
                             validators=[Optional()])

    def validate(self, extra_validators: object = None) -> bool:  # type: ignore[override]
        """At least one way of choosing people must be used."""
        if not super().validate(extra_validators):  # type: ignore[arg-type]
            return False
        if not (self.participant_ids.data or self.organisation_id.data
                or self.city_id.data or self.helix_role.data):
            self.participant_ids.errors.append(
                _l("Choose participants, an organisation, a city or a helix role."))
            return False
        return True


class StatusForm(FlaskForm):
    """Change one invitation's status."""

    status = SelectField(_l("Status"), choices=to_choices(INVITATION_STATUSES.items()),
                         validators=[DataRequired(message=INVALID_CHOICE)])


class ImportForm(FlaskForm):
    """Upload a CSV file for a preview."""

    kind = SelectField(_l("What the file holds"), choices=to_choices([
        ("participants", _l("Participants")), ("organisations", _l("Organisations"))]))
    file = FileField(_l("CSV file (UTF-8)"), validators=[
        FileRequired(message=_l("Choose a CSV file.")),
        FileAllowed(["csv", "txt"], message=_l("Upload a .csv file."))])


class ImportConfirmForm(FlaskForm):
    """Confirm an import previewed earlier (the file travels back, signed)."""

    kind = HiddenField()
    payload = HiddenField(validators=[DataRequired()])
    expected = HiddenField()


class OutcomeForm(FlaskForm):
    """Record an MoU, agreement, pilot project or joint study."""

    kind = SelectField(_l("Kind"), choices=to_choices(OUTCOME_KINDS.items()),
                       validators=[DataRequired(message=INVALID_CHOICE)])
    title_en = StringField(_l("Title (English)"), validators=[Optional(), Length(max=300)])
    title_zh = StringField(_l("Title (Chinese)"), validators=[Optional(), Length(max=300)])
    event_id = SelectField(_l("Event"), coerce=optional_int, validators=[Optional()])
    partnership_id = SelectField(_l("Partnership"), coerce=optional_int,
                                 validators=[Optional()])
    party_ids = SelectMultipleField(_l("Parties"), coerce=int, validate_choice=False,
                                    validators=[known_choices])
    signed_on = DateField(_l("Signed on"), validators=[Optional()])
    document_url = URLField(_l("Document link"), validators=[
        Optional(), URL(message=_l("Enter a full link starting with https://.")),
        Length(max=500)])

    def validate(self, extra_validators: object = None) -> bool:  # type: ignore[override]
        """A title is needed in at least one language."""
        valid = super().validate(extra_validators)  # type: ignore[arg-type]
        if not (self.title_en.data or "").strip() and not (self.title_zh.data or "").strip():
            self.title_en.errors = [*self.title_en.errors,
                                    _l("Enter a title in English or Chinese.")]
            return False
        return valid
