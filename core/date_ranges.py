"""The one check of every date or time range a user types or a query carries.

A range is sound when both ends lie in the programme's years (:data:`core.fields.FIRST_YEAR`
–:data:`~core.fields.LAST_YEAR`), the end is not before the start (a time range must last a
moment) and it spans at most the use's limit: a mission :data:`MISSION_DAYS`, one event
:data:`EVENT_DAYS`, the calendar's feed :data:`FEED_DAYS`, the event list's filter
:data:`LIST_DAYS`, the slot finder :data:`SLOT_DAYS`. Dates count whole days, first and last
included (a one-day mission spans one day); times count the time between them.

Forms put :class:`DateRange` on the range's end field; views check query arguments with
:func:`range_error` and answer its message.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from flask_babel import lazy_gettext as _l
from flask_babel import ngettext
from wtforms import Field
from wtforms.validators import StopValidation

from core.fields import DATE_RANGE_MESSAGE, in_programme_years

MISSION_DAYS = 120
EVENT_DAYS = 31
FEED_DAYS = 62
LIST_DAYS = 3660
SLOT_DAYS = 31

REVERSED_DATES = _l("The last day must not be before the first day.")
REVERSED_TIMES = _l("The end must be after the start.")


def span_message(max_days: int) -> str:
    """"At most n days", localised (in a request)."""
    return ngettext("The range may span at most %(num)d day.",
                    "The range may span at most %(num)d days.", max_days)


def range_error(start: date | datetime | None, end: date | datetime | None,
                max_days: int) -> str | None:
    """What is wrong with ``start``–``end`` (localised), or None for a sound range.

    Both ends are dates or both are datetimes (both naive or both aware). A missing end
    is not this check's business (the field's ``InputRequired`` is): None.
    """
    if start is None or end is None:
        return None
    if not (in_programme_years(start) and in_programme_years(end)):
        return str(DATE_RANGE_MESSAGE)
    if isinstance(start, datetime) and isinstance(end, datetime):
        if end <= start:
            return str(REVERSED_TIMES)
        too_long = end - start > timedelta(days=max_days)
    else:
        if end < start:
            return str(REVERSED_DATES)
        too_long = (end - start).days + 1 > max_days
    return span_message(max_days) if too_long else None


class DateRange:
    """Validator of a range's end field: the range from the ``start`` field is sound
    (:func:`range_error`); stops the field's chain with the one error."""

    def __init__(self, start: str, max_days: int) -> None:
        self.start = start
        self.max_days = max_days

    def __call__(self, form: Any, field: Field) -> None:  # noqa: D102
        problem = range_error(form[self.start].data, field.data, self.max_days)
        if problem:
            raise StopValidation(problem)

