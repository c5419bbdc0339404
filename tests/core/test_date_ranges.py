"""core.date_ranges: years, order and span of every typed or queried range."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from flask import Flask
from flask_babel import force_locale

from core.date_ranges import MISSION_DAYS, DateRange, range_error
from core.fields import ProgrammeDateField
from core.form_helpers import HelixForm


@pytest.mark.parametrize(("start", "end", "problem"), [
    (date(2018, 1, 1), date(2018, 1, 1), None),  # one day
    (date(2018, 1, 1), date(2018, 4, 30), None),  # exactly 120 days, both included
    (date(2018, 1, 1), date(2018, 5, 1), "at most 120 days"),
    (date(2018, 1, 2), date(2018, 1, 1), "The last day must not be before the first day."),
    (date(1969, 12, 31), date(1970, 1, 1), "between 1970 and 2100"),
    (date(2100, 12, 31), date(2101, 1, 1), "between 1970 and 2100"),
    (date(1, 1, 1), date(9999, 12, 31), "between 1970 and 2100"),
    (None, date(2018, 1, 1), None),  # a missing end is the field's own error
])
def test_dates(app: Flask, start: date | None, end: date | None, problem: str | None) -> None:
    with force_locale("en"):
        found = range_error(start, end, MISSION_DAYS)
    assert (found is None) if problem is None else (problem in (found or "")), found


@pytest.mark.parametrize(("end", "problem"), [
    (datetime(2018, 3, 3, 10, tzinfo=UTC), None),  # exactly 2 days
    (datetime(2018, 3, 3, 10, 1, tzinfo=UTC), "at most 2 days"),
    (datetime(2018, 3, 1, 10, tzinfo=UTC), "The end must be after the start."),  # no time
    (datetime(2018, 3, 1, 9, tzinfo=UTC), "The end must be after the start."),
])
def test_times(app: Flask, end: datetime, problem: str | None) -> None:
    with force_locale("en"):
        found = range_error(datetime(2018, 3, 1, 10, tzinfo=UTC), end, 2)
    assert (found is None) if problem is None else (problem in (found or "")), found


def test_messages_are_chinese_and_name_the_limit(app: Flask) -> None:
    with force_locale("zh"):
        too_long = range_error(date(2018, 1, 1), date(2018, 12, 1), MISSION_DAYS)
        reversed_ = range_error(date(2018, 1, 2), date(2018, 1, 1), MISSION_DAYS)
        years = range_error(date(1, 1, 1), date(2018, 1, 1), MISSION_DAYS)
    assert too_long and "120" in too_long and "天" in too_long
    assert reversed_ and "最后一天" in reversed_
    assert years and "1970" in years and "2100" in years and "日期" in years


class _Trip(HelixForm):
    class Meta:
        csrf = False

    first = ProgrammeDateField()
    last = ProgrammeDateField(validators=[DateRange("first", 3)])


@pytest.mark.parametrize(("last", "ok", "errors"), [
    ("2018-01-03", True, 0), ("2018-01-04", False, 1), ("2017-12-31", False, 1),
    ("9999-01-01", False, 1), ("2018-02-30", False, 1), ("soon", False, 1)])
def test_the_validator_gives_one_error_on_the_end_field(app: Flask, last: str, ok: bool,
                                                         errors: int) -> None:
    with app.test_request_context(method="POST", data={"first": "2018-01-01", "last": last}):
        form = _Trip()
        assert form.validate() is ok
        assert len(form.last.errors) == errors and not form.first.errors
