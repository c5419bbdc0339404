"""Small WTForms helpers every domain's forms use (ids from selects, offered choices)."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SelectChoice, SelectMultipleField
from wtforms.validators import ValidationError

from core.choices import select_choices
from core.labels import HELIX_ROLES

NONE_CHOICE = ("", "—")
INVALID_CHOICE = _l("Choose one of the options in the list.")


def optional_int(value: object) -> int | None:
    """Coerce a select value to an id, empty meaning none."""
    if value in (None, "", "None"):
        return None
    return int(value)  # type: ignore[arg-type]


def known_choices(form: FlaskForm, field: SelectMultipleField) -> None:
    """Validator for multiple selects: every value must be offered (translated message)."""
    offered = {choice.value for choice in field.choices or []}
    if any(value not in offered for value in field.data or []):
        raise ValidationError(INVALID_CHOICE)


def role_choices(blank: bool = False) -> list[SelectChoice]:
    """Helix role choices, optionally with a blank first entry."""
    return select_choices(([NONE_CHOICE] if blank else []) + list(HELIX_ROLES.items()))
