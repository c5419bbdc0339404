"""The public registration form and the organisers' settings form."""

from __future__ import annotations

import zoneinfo

from flask_babel import lazy_gettext as _l
from wtforms import (
    BooleanField,
    DateTimeLocalField,
    EmailField,
    IntegerField,
    SelectField,
    StringField,
)
from wtforms.validators import (
    DataRequired,
    Email,
    Length,
    NumberRange,
    Optional,
    Regexp,
    ValidationError,
)

from core.choices import select_choices
from core.fields import optional_id
from core.form_helpers import HelixForm, role_choices
from registrations.models import Registration, RegistrationSettings

LANGUAGES = [("en", _l("English")), ("zh", _l("Chinese"))]


class RegisterForm(HelixForm):
    """A person registers for an event; ``website`` is a honeypot people never see."""

    model = Registration

    name = StringField(_l("Name"), validators=[
        DataRequired(message=_l("Enter your name.")), Length(max=160)])
    name_zh = StringField(_l("Chinese name"), validators=[
        Optional(), Length(max=160)])
    email = EmailField(_l("E-mail"), validators=[
        DataRequired(message=_l("Enter an e-mail address.")),
        Email(message=_l("Enter a valid e-mail address."), check_deliverability=False),
        Length(max=254)])
    organisation = StringField(_l("Organisation"), validators=[
        Optional(), Length(max=200)])
    city_id = SelectField(_l("City"), coerce=optional_id, validators=[Optional()])
    helix_role = SelectField(_l("Helix role"), choices=role_choices(), validators=[
        DataRequired(message=_l("Choose a helix role."))])
    language = SelectField(_l("Preferred language"), choices=select_choices(LANGUAGES))
    timezone = StringField(_l("Time zone"), default="UTC", validators=[
        DataRequired(message=_l("Enter a time zone.")), Length(max=64)])
    website = StringField(_l("Leave this field empty"), validators=[Optional(),
                                                                    Length(max=200)])

    def validate_timezone(self, field: StringField) -> None:
        """Only IANA zone names (``Europe/Madrid``, ``Asia/Shanghai``)."""
        if field.data not in zoneinfo.available_timezones():
            raise ValidationError(_l("Unknown time zone: use a name such as Europe/Madrid."))


class SettingsForm(HelixForm):
    """How an event takes registrations."""

    model = RegistrationSettings

    open = BooleanField(_l("Registration is open"))
    capacity = IntegerField(_l("Capacity (empty: no limit)"), validators=[
        Optional(), NumberRange(min=1, max=100000)])
    waiting_list = BooleanField(_l("Waiting list when full"), default=True)
    approval_required = BooleanField(_l("Organisers approve each registration"))
    deadline = DateTimeLocalField(_l("Deadline (UTC)"), validators=[Optional()])
    reminder_hours = StringField(_l("Reminders, hours before the start"), default="24,1",
                                 validators=[DataRequired(), Length(max=40), Regexp(
                                     r"^\s*\d{1,4}(\s*,\s*\d{1,4})*\s*$",
                                     message=_l("Hours separated by commas, e.g. 24,1."))])


class ActionForm(HelixForm):
    """A button (confirm, cancel, approve): only the CSRF token."""
