"""Searchable pickers: a form field that ships only what is chosen, and the search it asks.

A select of every participant or event grows with the programme (100,000 events made the
invite page 11 MB). A :class:`PickerField` renders only the chosen options, as chips, and a
box; ``static/js/picker.js`` turns the box into a search against a small JSON endpoint
(:func:`search_response`, at most :data:`SEARCH_LIMIT` matches) and the chips into buttons
that remove them. Submitted values are checked by one query of just those values (the
field's ``lookup``), never by loading every choice. Without JavaScript the chips are
checkboxes (untick to remove) and the box takes ids separated by commas or spaces.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from flask import Response, abort, jsonify, request, url_for
from flask_babel import lazy_gettext as _l
from markupsafe import Markup, escape
from wtforms import Field
from wtforms.validators import StopValidation, ValidationError
from wtforms.widgets import html_params

from core.fields import coerce_id, query_text
from core.form_helpers import INVALID_CHOICE

Pick = tuple[Any, str]
"""A value and the label shown for it."""
Lookup = Callable[[Sequence[Any]], Mapping[Any, str]]
"""Labels of the given values that exist (one query); missing ones are left out."""
Search = Callable[[str, int], list[Pick]]
"""At most ``limit`` matches of a (stripped, non-empty) search text, best first."""

SEARCH_LIMIT = 20
"""Matches a search answers at most."""
QUERY_LIMIT = 200
"""Characters of a search text; a longer one is refused with a 400."""
MAX_PICKS = 200
"""Values one field accepts in a submission (an existence query of more is refused)."""

TOO_MANY = _l("Choose at most %(n)d.")
ENTRY_PLACEHOLDER = _l("Ids, separated by commas")
SEARCH_PLACEHOLDER = _l("Type to search…")
NO_MATCHES = _l("No matches.")
SEARCH_FAILED = _l("The search did not answer; try again.")
REMOVE = _l("Remove %(label)s")

_SEPARATORS = re.compile(r"[\s,;，、]+")


def tokens(values: Sequence[str]) -> list[str]:
    """The submitted values split on commas, semicolons and spaces (the box without
    JavaScript), empty ones dropped."""
    return [token for value in values for token in _SEPARATORS.split(value) if token]


class PickerWidget:
    """The chosen options as ticked checkboxes, the box, and an empty list for matches."""

    def __call__(self, field: PickerField, **kwargs: Any) -> Markup:  # noqa: D102
        entry_id = kwargs.pop("id", field.id)
        given = [kwargs.pop(key, "") for key in ("class", "class_")]
        css = " ".join(filter(None, ["picker-entry", *given]))
        chips = Markup("").join(self.chip(field, entry_id, n, value, label)
                                for n, (value, label) in enumerate(field.chosen()))
        box = html_params(**{
            "class": "picker", "data-picker": "",
            "data-search-url": url_for(field.search_endpoint, **field.search_args),
            "data-multiple": "true" if field.multiple else "false",
            "data-search-placeholder": str(SEARCH_PLACEHOLDER),
            "data-no-matches": str(NO_MATCHES), "data-failed": str(SEARCH_FAILED),
            "data-remove": str(REMOVE)})
        entry = html_params(type="text", id=entry_id, name=field.name, class_=css,
                            value=" ".join(field.unknown), autocomplete="off",
                            placeholder=str(ENTRY_PLACEHOLDER), **kwargs)
        return Markup(
            f'<div {box}><ul class="picker-chips" id="{escape(entry_id)}-chips" '
            f'aria-live="polite">{chips}</ul><input {entry}>'
            f'<ul class="picker-results list-group" id="{escape(entry_id)}-results" '
            f'role="listbox" hidden></ul></div>')

    @staticmethod
    def chip(field: PickerField, entry_id: str, n: int, value: Any, label: str) -> Markup:
        """One chosen option: a ticked checkbox carrying the value, with its label."""
        box_id = f"{entry_id}-chosen-{n}"
        checkbox = html_params(type="checkbox", class_="form-check-input", id=box_id,
                               name=field.name, value=str(value), checked=True)
        return Markup(f'<li class="picker-chip form-check"><input {checkbox}>'
                      f'<label class="form-check-label" for="{escape(box_id)}">'
                      f'{escape(label)}</label></li>')


class PickerField(Field):
    """Values chosen by search (one, or several with ``multiple``): see the module.

    ``lookup`` gives the labels of existing values (one query of just those), ``coerce``
    turns a submitted token into a value (``ValueError`` when malformed),
    ``search_endpoint`` and ``search_args`` name the JSON search. ``data`` is a list of
    values (``multiple``) or one value or ``None``. Tokens that are malformed or name no
    record are an error next to the field and stay in the box on the page shown again.
    """

    widget = PickerWidget()

    def __init__(self, label: Any = None, validators: Any = None, *, lookup: Lookup,
                 search_endpoint: str, search_args: Mapping[str, Any] | None = None,
                 coerce: Callable[[Any], Any] = coerce_id, multiple: bool = True,
                 **kwargs: Any) -> None:
        super().__init__(label, validators, **kwargs)
        self.lookup = lookup
        self.search_endpoint = search_endpoint
        self.search_args = dict(search_args or {})
        self.coerce = coerce
        self.multiple = multiple
        self.unknown: list[str] = []
        self._labels: dict[Any, str] = {}

    @property
    def values(self) -> list[Any]:
        """The chosen values as a list, whatever ``multiple`` is."""
        if self.multiple:
            return list(self.data or [])
        return [] if self.data in (None, "") else [self.data]

    def _set(self, values: list[Any]) -> None:
        self.data = values if self.multiple else (values[-1] if values else None)

    def process_data(self, value: Any) -> None:  # noqa: D102
        self.data = list(value or []) if self.multiple else value

    def process_formdata(self, valuelist: list[Any]) -> None:  # noqa: D102
        found = tokens([str(value) for value in valuelist])
        self._set([])
        if len(found) > MAX_PICKS:
            raise ValueError(str(TOO_MANY) % {"n": MAX_PICKS})
        values: list[Any] = []
        for token in found:
            try:
                value = self.coerce(token)
            except ValueError:
                self.unknown.append(token)
                continue
            if value not in values:
                values.append(value)
        self._set(values)
        if self.unknown:
            raise ValueError(str(INVALID_CHOICE))

    def labels(self) -> Mapping[Any, str]:
        """Labels of the chosen values that exist (looked up once per value)."""
        missing = [value for value in self.values if value not in self._labels]
        if missing:
            self._labels.update(self.lookup(missing))
        return self._labels

    def chosen(self) -> list[Pick]:
        """The chosen values that exist, with their labels, in the order chosen."""
        labels = self.labels()
        return [(value, labels[value]) for value in self.values if value in labels]

    def pre_validate(self, form: Any) -> None:  # noqa: D102
        labels = self.labels()
        gone = [value for value in self.values if value not in labels]
        if gone:
            self.unknown += [str(value) for value in gone]
            self._set([value for value in self.values if value in labels])
        if self.process_errors:
            raise StopValidation()  # the message is already among the errors
        if gone:
            raise ValidationError(str(INVALID_CHOICE))


def search_response(find: Search) -> Response:
    """The JSON answer of a picker's search: ``{"results": [{"value", "label"}…]}`` for
    ``?q=``; at most :data:`SEARCH_LIMIT`, none for an empty text, 400 for a huge one."""
    raw = request.args.get("q", "")
    if len(raw) > QUERY_LIMIT:
        abort(400)
    text = query_text(raw, QUERY_LIMIT)
    found = find(text, SEARCH_LIMIT)[:SEARCH_LIMIT] if text else []
    response = jsonify({"results": [{"value": str(value), "label": label}
                                    for value, label in found]})
    response.headers["Cache-Control"] = "private, no-store"
    return response
