"""Pure tests of the audit diffing helper."""

from __future__ import annotations

import datetime as dt
import decimal
import enum

from audit.diff import MAX_TEXT, diff, format_value, to_jsonable


class Status(enum.Enum):
    CONFIRMED = "confirmed"


def test_only_changed_fields_are_reported() -> None:
    before = {"title_en": "Field visit", "status": "tentative", "city_id": 3}
    after = {"title_en": "Field visit", "status": "confirmed", "city_id": 4}
    assert diff(before, after) == {"status": ("tentative", "confirmed"), "city_id": (3, 4)}


def test_creation_and_deletion() -> None:
    assert diff(None, {"title_en": "Webinar", "venue": None}) == {"title_en": (None, "Webinar")}
    assert diff({"title_en": "Webinar"}, None) == {"title_en": ("Webinar", None)}


def test_bookkeeping_fields_are_ignored() -> None:
    before = {"id": 1, "updated_at": 1, "version_id": 1, "password_hash": "a", "venue": "A"}
    after = {"id": 2, "updated_at": 2, "version_id": 2, "password_hash": "b", "venue": "A"}
    assert diff(before, after) == {}
    assert diff({"x": 1}, {"x": 2}, ignore={"x"}) == {}


def test_values_become_jsonable() -> None:
    when = dt.datetime(2019, 4, 8, 1, 30, tzinfo=dt.UTC)
    assert to_jsonable(when) == "2019-04-08T01:30:00+00:00"
    assert to_jsonable(dt.date(2019, 4, 8)) == "2019-04-08"
    assert to_jsonable(Status.CONFIRMED) == "confirmed"
    assert to_jsonable(decimal.Decimal("1.50")) == "1.50"
    assert to_jsonable({"b", "a"}) == ["a", "b"]
    assert to_jsonable(("x", 1)) == ["x", 1]
    assert to_jsonable(Status) == str(Status)
    long = "x" * (MAX_TEXT + 10)
    assert to_jsonable(long) == "x" * MAX_TEXT + "…"


def test_same_value_after_conversion_is_no_change() -> None:
    assert diff({"d": dt.date(2020, 1, 1)}, {"d": "2020-01-01"}) == {}


def test_format_value() -> None:
    assert format_value(None) == "—"
    assert format_value("") == "—"
    assert format_value([]) == "—"
    assert format_value(True) == "✓"
    assert format_value(["Chengdu", "Liuzhou"]) == "Chengdu, Liuzhou"
    assert format_value(3) == "3"
