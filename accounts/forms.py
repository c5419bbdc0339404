"""Sign-in, password-change, own-settings and API token forms."""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l
from wtforms import EmailField, Field, PasswordField, SelectField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Email, EqualTo, ValidationError

from accounts.models import ApiToken, User
from accounts.passwords import MAX_LENGTH, MIN_LENGTH, password_problems
from core.choices import select_choices
from core.form_helpers import INVALID_CHOICE, HelixForm, offered_id
from core.timefmt import is_valid_zone

PASSWORD_PROBLEMS: dict[str, Any] = {
    "too_short": _l("Use at least %(count)d characters.", count=MIN_LENGTH),
    "too_long": _l("Use at most %(count)d characters.", count=MAX_LENGTH),
    "too_common": _l("This password is too easy to guess."),
    "contains_email": _l("Do not use your e-mail address in the password."),
    "one_character": _l("Use more than one different character."),
}


class LoginForm(HelixForm):
    """E-mail and password."""

    limits = {"password": MAX_LENGTH}

    email = EmailField(_l("E-mail"), validators=[
        DataRequired(message=_l("Enter your e-mail address.")),
        Email(message=_l("Enter a valid e-mail address."))])
    password = PasswordField(_l("Password"), validators=[
        DataRequired(message=_l("Enter your password."))])


class PasswordChangeForm(HelixForm):
    """Current password, then the new one twice. ``email`` feeds the password rules."""

    limits = dict.fromkeys(("current_password", "new_password", "confirm"), MAX_LENGTH)

    current_password = PasswordField(_l("Current password"), validators=[
        DataRequired(message=_l("Enter your current password."))])
    new_password = PasswordField(_l("New password"), validators=[
        DataRequired(message=_l("Enter a new password."))])
    confirm = PasswordField(_l("New password again"), validators=[
        DataRequired(message=_l("Enter the new password again.")),
        EqualTo("new_password", message=_l("The two new passwords differ."))])

    def __init__(self, *args: Any, email: str | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user_email = email

    def validate_new_password(self, field: Field) -> None:
        """Apply the password rules (length, common passwords, e-mail)."""
        problems = password_problems(field.data or "", self.user_email)
        if problems:
            raise ValidationError(str(PASSWORD_PROBLEMS[problems[0]]))
        if field.data == self.current_password.data:
            raise ValidationError(_l("Choose a password different from the current one."))


TOKEN_ACCESS = [("read", _l("Read only")), ("read write", _l("Read and write"))]
"""What a new token may do: the choice's value is its space-separated scopes."""


class TokenForm(HelixForm):
    """A new personal API token: its name and what it may do."""

    model = ApiToken

    name = StringField(_l("Name"), validators=[
        DataRequired(message=_l("Give the token a name, e.g. the script that uses it."))])
    access = SelectField(_l("Access"), choices=select_choices(TOKEN_ACCESS), default="read",
                         validate_choice=False,
                         validators=[DataRequired(message=INVALID_CHOICE), offered_id])

    def scopes(self) -> list[str]:
        """The scopes chosen (``["read"]`` or ``["read", "write"]``)."""
        return str(self.access.data or "").split()


LANGUAGE_CHOICES = [
    SelectChoice("", _l("As my browser asks")),
    SelectChoice("en", "English", render_kw={"lang": "en"}),
    SelectChoice("zh", "中文", render_kw={"lang": "zh"}),
]
"""The interface languages a user may keep as their own (core.i18n.SUPPORTED)."""


class SettingsForm(HelixForm):
    """One's own interface language and time zone; empty means "as the browser says"."""

    model = User

    language = SelectField(_l("Language"), choices=LANGUAGE_CHOICES, validate_choice=True,
                           invalid_choice_message=_l("Choose a language from the list."))
    timezone = StringField(_l("Time zone"), filters=[lambda value: (value or "").strip()],
                           render_kw={"list": "tz-list", "autocomplete": "off"})

    def validate_timezone(self, field: Field) -> None:
        """Only IANA zone names (``Europe/Rome``, ``Asia/Shanghai``) or nothing."""
        if field.data and not is_valid_zone(field.data):
            raise ValidationError(_l(
                "Unknown time zone: use an IANA name such as Europe/Rome or Asia/Shanghai."))
