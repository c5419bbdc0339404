"""Forms for participants and CSV imports.

Choices that come from the database (cities, organisations) are filled in by the views;
forms never write to the database.
"""

from __future__ import annotations

import zoneinfo

from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileAllowed, FileField, FileRequired
from wtforms import EmailField, HiddenField, SelectField, SelectMultipleField, StringField
from wtforms.validators import DataRequired, Email, Length, Optional, ValidationError

from core.choices import select_choices
from core.fields import coerce_id, optional_id
from core.form_helpers import HelixForm, known_choices, role_choices
from core.labels import SIDES
from core.once import OnceForm
from core.picker import PickerField
from organisations.queries import organisation_labels
from participants.csv_common import MAX_BYTES
from participants.models import Participant

LANGUAGES = [("en", _l("English")), ("zh", _l("Chinese"))]
#: A person's own side; empty: the city's (Europe or China).
PERSON_SIDES = [("", _l("From the city")), ("eu", SIDES["eu"]), ("china", SIDES["china"]),
                ("international", SIDES["international"])]



class ParticipantForm(OnceForm, HelixForm):
    """Create or edit a participant; the helix role defaults from the organisation."""

    model = Participant

    name = StringField(_l("Name"), validators=[
        DataRequired(message=_l("Enter the participant's name.")), Length(max=160)])
    name_zh = StringField(_l("Chinese name"), validators=[Optional(), Length(max=160)])
    email = EmailField(_l("E-mail"), validators=[
        DataRequired(message=_l("Enter an e-mail address.")),
        Email(message=_l("Enter a valid e-mail address."), check_deliverability=False),
        Length(max=254)])
    organisation_id = SelectField(_l("Organisation"), coerce=optional_id,
                                  validate_choice=False, validators=[Optional()])
    position = StringField(_l("Position"), validators=[Optional(), Length(max=200)])
    helix_role = SelectField(_l("Helix role"), choices=role_choices(blank=True))
    city_id = SelectField(_l("City"), coerce=optional_id, validators=[Optional()])
    language = SelectField(_l("Preferred language"), choices=select_choices(LANGUAGES))
    timezone = StringField(_l("Time zone"), validators=[Optional(), Length(max=64)])
    side = SelectField(_l("Side"), choices=select_choices(PERSON_SIDES), default="",
                       validate_choice=False)
    key_contact_for = SelectMultipleField(_l("Key contact for"), coerce=coerce_id,
                                          validate_choice=False, validators=[known_choices])

    def validate_side(self, field: SelectField) -> None:
        """One of the offered sides, or none (not recorded yet: the city's)."""
        if field.data and field.data not in {value for value, _label in PERSON_SIDES}:
            raise ValidationError(_l("Choose one of the options."))

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


class ImportForm(HelixForm):
    """Upload a CSV file for a preview."""

    kind = SelectField(_l("What the file holds"), choices=select_choices([
        ("participants", _l("Participants")), ("organisations", _l("Organisations"))]))
    file = FileField(_l("CSV file"), validators=[
        FileRequired(message=_l("Choose a CSV file.")),
        FileAllowed(["csv", "txt"], message=_l("Upload a .csv file."))])


class ImportConfirmForm(HelixForm):
    """Confirm an import previewed earlier (the file travels back, signed)."""

    limits = {"payload": 3 * MAX_BYTES}

    kind = HiddenField()
    payload = HiddenField(validators=[DataRequired()])
    expected = HiddenField()


class OrganisationFilterForm(HelixForm):
    """The participant list's organisation filter (GET): a search, not a select of every
    organisation (5,000 of them in a programme of 100,000 events)."""

    class Meta:
        csrf = False

    organisation = PickerField(_l("Organisation"), lookup=organisation_labels, multiple=False,
                               search_endpoint="organisations.search")
