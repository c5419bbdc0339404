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


def known_choices(form: FlaskForm, field: SelectMultipleField) -> None:
    """Validator for multiple selects: every value must be offered (translated message)."""
    offered = {choice.value for choice in field.choices or []}
    if any(value not in offered for value in field.data or []):
        raise ValidationError(INVALID_CHOICE)


def role_choices(blank: bool = False) -> list[SelectChoice]:
    """Helix role choices, optionally with a blank first entry."""
    return select_choices(([NONE_CHOICE] if blank else []) + list(HELIX_ROLES.items()))


def offered_id(form: FlaskForm, field: SelectChoice) -> None:
    """Validator for id selects (``validate_choice=False``): a chosen id must be offered,
    so a forged or since-deleted id is an error next to the field, never a dangling row."""
    data = getattr(field, "data", None)
    if data in (None, ""):
        return
    offered = {str(choice.value) for choice in getattr(field, "choices", None) or []}
    if str(data) not in offered:
        raise ValidationError(INVALID_CHOICE)
