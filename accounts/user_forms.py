"""The administrator's form for creating and editing users."""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, EmailField, Field, SelectField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Email, ValidationError

from accounts.models import User
from accounts.roles import ROLE_LABELS
from accounts.services import find_user
from core.form_helpers import HelixForm
from core.once import OnceForm
from core.registry import provided


def _optional_id(value: Any) -> int | None:
    """Coerce a select's value to an id, ``None`` for the empty choice."""
    return int(value) if value not in (None, "", "None") else None


class UserForm(OnceForm, HelixForm):
    """E-mail, role, city (city staff), linked participant, active flag."""

    model = User

    email = EmailField(_l("E-mail"), validators=[
        DataRequired(message=_l("Enter an e-mail address.")),
        Email(message=_l("Enter a valid e-mail address."))])
    role = SelectField(_l("Role"), choices=[SelectChoice(value, label)
                                            for value, label in ROLE_LABELS.items()],
                       validate_choice=True,
                       invalid_choice_message=_l("Choose a role from the list."))
    city_id = SelectField(_l("City"), coerce=_optional_id, validate_choice=False,
                          invalid_value_message=_l("Choose a city from the list."))
    participant_id = SelectField(_l("Participant"), coerce=_optional_id,
                                 validate_choice=False,
                                 invalid_value_message=_l("Choose a participant from the list."))
    active = BooleanField(_l("Active (may sign in)"), default=True)

    def __init__(self, *args: Any, editing_id: int | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.editing_id = editing_id
        none = [SelectChoice("", "—")]
        user = kwargs.get("obj")
        self.city_id.choices = none + [SelectChoice(key, label) for key, label in provided(
            "lookup.city")().choices([user.city_id] if user is not None else [])]
        self.participant_id.choices = none + [SelectChoice(key, label) for key, label
                                              in provided("lookup.participant")().choices()]

    def validate_email(self, field: Field) -> None:
        """No two users share an e-mail address."""
        other = find_user(field.data or "")
        if other is not None and other.id != self.editing_id:
            raise ValidationError(_l("A user with this e-mail address already exists."))

    def validate_city_id(self, field: Field) -> None:
        """City staff need their city; the chosen city must be offered (not archived,
        unless it is already the user's)."""
        if self.role.data == "city_staff" and field.data is None:
            raise ValidationError(_l("City staff need a city."))
        if field.data is not None and field.data not in {c.value for c in field.choices or []}:
            raise ValidationError(_l("Choose a city from the list."))

    def validate_participant_id(self, field: Field) -> None:
        """The linked participant must exist."""
        if field.data is not None and not provided("lookup.participant")().exists(field.data):
            raise ValidationError(_l("Choose a participant from the list."))
