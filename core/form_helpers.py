"""The base of every Helix form and small WTForms helpers (ids from selects, offered choices).

:class:`HelixForm` refuses control characters and over-long text in every text field, with
limits taken from the columns the fields map to (:attr:`HelixForm.model`).
"""

from __future__ import annotations

from typing import Any, ClassVar

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from sqlalchemy import String, Text
from wtforms import (
    Field,
    SelectChoice,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.validators import StopValidation, ValidationError

from core import text
from core.choices import select_choices
from core.labels import HELIX_ROLES

NONE_CHOICE = ("", "—")
INVALID_CHOICE = _l("Choose one of the options in the list.")
CONTROL_MESSAGE = _l("Control characters are not allowed.")
LENGTH_MESSAGE = _l("At most %(n)d characters.")


def column_limit(model: Any, name: str) -> int | None:
    """The length limit of ``model``'s column ``name``: a ``String(n)``'s n, a ``Text``'s
    :data:`core.text.TEXT_LIMIT`, None when there is no such column."""
    table = getattr(model, "__table__", None)
    if table is None or name not in table.columns:
        return None
    kind = table.columns[name].type
    if isinstance(kind, Text) or (isinstance(kind, String) and kind.length is None):
        return text.TEXT_LIMIT
    if isinstance(kind, String):
        return int(kind.length)
    return None


class TextCheck:
    """A field's first validator: no control characters (tabs and line breaks allowed in a
    text area), at most ``limit`` characters; stops the chain with the field's error."""

    def __init__(self, limit: int, multiline: bool) -> None:
        self.limit = limit
        self.multiline = multiline

    def __call__(self, form: Any, field: Field) -> None:  # noqa: D102
        data = field.data if isinstance(field.data, str) else None
        if text.has_control_characters(data, self.multiline):
            raise StopValidation(str(CONTROL_MESSAGE))
        if text.too_long(data, self.limit):
            raise StopValidation(str(LENGTH_MESSAGE) % {"n": self.limit})


class HelixForm(FlaskForm):
    """The base of every Helix form: bounded, control-character-free text fields.

    ``model`` names the model the form writes; a field named like one of its ``String(n)``
    columns accepts at most n characters, like a ``Text`` column or a text area at most
    20,000, a join link 500 and any other text field 200. ``column_names`` maps a field to a
    column of another name; ``limits`` sets a field's limit outright.
    """

    model: ClassVar[Any] = None
    column_names: ClassVar[dict[str, str]] = {}
    limits: ClassVar[dict[str, int]] = {}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self:
            if isinstance(field, StringField) and field.name != "csrf_token":
                field.validators = [self.text_check(field), *field.validators]

    def text_check(self, field: Field) -> TextCheck:
        """The :class:`TextCheck` of one of this form's text fields."""
        multiline = isinstance(field, TextAreaField)
        name = field.short_name
        limit = self.limits.get(name) or column_limit(self.model,
                                                      self.column_names.get(name, name))
        return TextCheck(limit or text.default_limit(multiline, name), multiline)


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
