"""Hostile input for the corpus test: values, query strings, form discovery (no Flask).

Every value is a *string as a browser would send it* (already percent-encoded where
raw bytes matter: ``%FF`` is invalid UTF-8 once decoded). :func:`form_fields` reads the
fields of a page's forms with the standard library's HTML parser, so a new field or a new
form is fuzzed without touching the test.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import quote

LONG = "x" * 100_000
NUL = "a\x00b"
INVALID_UTF8 = object()
"""Marker: encode this value as the raw byte ``0xFF`` (not a valid UTF-8 sequence)."""

SUPERSCRIPT_TWO = "\u00b2"
"""``"²".isdigit()`` is true, yet ``int("²")`` raises."""
HUGE_NUMBER = "1" * 5000
"""Digits only, but more than ``int`` converts (4,300 digits) and any column holds."""

OUT_OF_RANGE_IDS = ("2147483648", "9223372036854775808", "0")
"""Path and form ids the database cannot hold or that name nothing."""

QUERY_VALUES: tuple[object, ...] = (
    NUL, INVALID_UTF8, LONG, "0001-01-01", "9999-12-31T23:59:59Z", "2030-03-31T02:30",
    "zz-unknown", "9223372036854775808", SUPERSCRIPT_TWO,
)
"""Values tried for every query parameter (DST gap: 02:30 on a spring-forward day)."""

FORM_VALUES: tuple[object, ...] = (
    NUL, INVALID_UTF8, LONG, "-9223372036854775809", "abc", "0001-01-01", SUPERSCRIPT_TWO,
    HUGE_NUMBER,
)
"""Values tried in every field of a form at once (then fields one at a time, see
:func:`values_for_field`)."""

def values_for_field(name: str, current: list[str]) -> tuple[object, ...]:
    """The hostile values most likely to break a field of this name and current value."""
    sample = current[0] if current else ""
    if name.endswith(("_id", "_ids")) or name in ("cities", "themes") or sample.isdigit():
        return ("2147483648", "999999")
    if name.endswith(("_on", "_date", "_local", "check_in", "check_out")) or name in (
            "date_from", "date_to"):
        return ("0001-01-01", "9999-12-31T23:59")
    return (NUL, LONG)


QUERY_PARAMS = (
    "q", "role", "kind", "city", "theme", "mission", "status", "date", "date_from",
    "date_to", "start", "end", "tz", "page", "event", "participant", "organisation",
    "basis", "lang", "next", "cities", "duration", "mission_id", "event_id",
)
"""Query parameters the pages read (``grep request.args``); GET forms add theirs."""


def encode(value: object) -> str:
    """``value`` percent-encoded for a query string or a form body."""
    if value is INVALID_UTF8:
        return "%FF"
    return quote(str(value), safe="")


def query_string(params: Mapping[str, object]) -> str:
    """``a=1&b=%FF`` from ``params`` (values through :func:`encode`)."""
    return "&".join(f"{quote(name)}={encode(value)}" for name, value in params.items())


def form_body(pairs: Iterable[tuple[str, object]]) -> bytes:
    """An ``application/x-www-form-urlencoded`` body (values through :func:`encode`)."""
    return "&".join(f"{quote(name)}={encode(value)}" for name, value in pairs).encode("ascii")


def describe(value: object) -> str:
    """A short printable name of a hostile value for failure messages."""
    if value is INVALID_UTF8:
        return "%FF"
    text = str(value)
    return f"{text[:12]!r}…({len(text)})" if len(text) > 20 else repr(text)


@dataclass
class Form:
    """One ``<form>``: its method, action and fields (name → list of submitted values)."""

    method: str
    action: str
    fields: dict[str, list[str]] = field(default_factory=dict)


class _FormParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.forms: list[Form] = []
        self._select: str | None = None
        self._select_first: str | None = None
        self._select_chosen = False
        self._textarea: str | None = None

    def _add(self, name: str, value: str) -> None:
        if self.forms and name:
            self.forms[-1].fields.setdefault(name, []).append(value)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form":
            self.forms.append(Form(a.get("method", "get").lower(), a.get("action", "")))
        elif tag == "input" and a.get("type", "text") not in ("submit", "button", "file"):
            if a.get("type") in ("checkbox", "radio") and "checked" not in a:
                self.forms and self.forms[-1].fields.setdefault(a.get("name", ""), [])
                return
            self._add(a.get("name", ""), a.get("value", ""))
        elif tag == "select":
            self._select, self._select_first, self._select_chosen = a.get("name"), None, False
            if self.forms and self._select:
                self.forms[-1].fields.setdefault(self._select, [])
        elif tag == "option" and self._select:
            value = a.get("value", "")
            if self._select_first is None and value:
                self._select_first = value
            if "selected" in a:
                self._select_chosen = True
                self._add(self._select, value)
        elif tag == "textarea":
            self._textarea = a.get("name", "")
            self._add(self._textarea, "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "select" and self._select:
            if not self._select_chosen and self._select_first is not None:
                self._add(self._select, self._select_first)
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data: str) -> None:
        if self._textarea and self.forms:
            values = self.forms[-1].fields[self._textarea]
            values[-1] += data


def forms_of(html: str) -> list[Form]:
    """The forms of a page with the values a browser would submit unchanged."""
    parser = _FormParser()
    parser.feed(html)
    return parser.forms


def fields_of_post_form(html: str, action_path: str) -> dict[str, list[str]]:
    """The fields of the page's POST form(s) posting to ``action_path`` (or to itself)."""
    merged: dict[str, list[str]] = {}
    for form in forms_of(html):
        target = form.action.split("?", 1)[0]
        if form.method == "post" and target in ("", action_path):
            for name, values in form.fields.items():
                merged.setdefault(name, values)
    merged.pop("csrf_token", None)
    return merged


def get_form_params(html: str) -> set[str]:
    """The parameter names of the page's GET forms (filters, search boxes)."""
    return {name for form in forms_of(html) if form.method == "get" for name in form.fields}
