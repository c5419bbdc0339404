"""Bounded form input shared by every form and query: ids, dates, lengths.

A date outside :data:`FIRST_YEAR`–:data:`LAST_YEAR` means nothing to a cooperation
programme and breaks time-zone arithmetic (``9999-12-31`` plus a day overflows); an id
beyond :data:`~core.converters.MAX_ID` cannot be stored. Every form's date field is a
:class:`ProgrammeDateField`/:class:`ProgrammeDateTimeField`, every id select coerces with
:func:`coerce_id`, and queries use :func:`programme_date`.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from flask_babel import lazy_gettext as _l
from wtforms import DateField, DateTimeLocalField

from core.converters import MAX_ID

FIRST_YEAR = 1970
LAST_YEAR = 2100
DATE_RANGE_MESSAGE = _l("Enter a date between %(first)s and %(last)s.",
                        first=FIRST_YEAR, last=LAST_YEAR)
ID_MESSAGE = _l("Choose one of the options in the list.")


def in_programme_years(value: date | datetime | None) -> bool:
    """True for no value or a date between FIRST_YEAR and LAST_YEAR."""
    return value is None or FIRST_YEAR <= value.year <= LAST_YEAR


def programme_date(text: str | None) -> date | None:
    """An ISO date from a query string, or None when absent, malformed or out of range."""
    try:
        value = date.fromisoformat((text or "")[:10])
    except ValueError:
        return None
    return value if in_programme_years(value) else None


def coerce_id(value: Any) -> int:
    """Coerce a submitted id; a non-number or one the database cannot hold is invalid."""
    text = str(value)
    if not text.isascii() or not text.lstrip("-").isdigit() or len(text) > 11:
        raise ValueError(str(ID_MESSAGE))
    number = int(text)
    if not 0 < number <= MAX_ID:
        raise ValueError(str(ID_MESSAGE))
    return number


def optional_id(value: Any) -> int | None:
    """:func:`coerce_id`, empty meaning none."""
    if value in (None, "", "None"):
        return None
    return coerce_id(value)


class _Bounded:
    """Mixin: after parsing, refuse a year outside the programme's range."""

    data: Any

    def process_formdata(self, valuelist: list[Any]) -> None:  # noqa: D102
        super().process_formdata(valuelist)  # type: ignore[misc]
        if not in_programme_years(self.data):
            self.data = None
            raise ValueError(str(DATE_RANGE_MESSAGE))


class ProgrammeDateField(_Bounded, DateField):
    """A date between 1970 and 2100."""


class ProgrammeDateTimeField(_Bounded, DateTimeLocalField):
    """A local date and time between 1970 and 2100."""


def query_id(text: str | None) -> int | None:
    """An id from a query string, or None when absent, malformed or out of range."""
    try:
        return coerce_id(text or "")
    except ValueError:
        return None


def query_text(text: str | None, limit: int = 100) -> str:
    """A search box's text: stripped, at most ``limit`` characters, without NUL (which
    PostgreSQL refuses in any text parameter)."""
    return (text or "").replace("\x00", "").strip()[:limit]
