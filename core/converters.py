"""URL converters: ids in paths are bounded before they reach the database."""

from __future__ import annotations

from flask import Flask
from werkzeug.routing import IntegerConverter

MAX_ID = 2**31 - 1
"""The largest id a 32-bit signed ``INTEGER`` column holds (PostgreSQL's ``integer``)."""


class IdConverter(IntegerConverter):
    """``<int:…>`` for ids: 1 to 10 digits, at most :data:`MAX_ID`; anything else is a 404.

    Without the bound, ``/events/2147483648`` fails on PostgreSQL and
    ``/events/9223372036854775808`` on SQLite (an ``OverflowError``), and a path of
    thousands of digits exceeds Python's integer parsing limit.
    """

    regex = r"\d{1,10}"

    def __init__(self, map: object, *args: object, **kwargs: object) -> None:  # noqa: A002
        kwargs.setdefault("max", MAX_ID)
        super().__init__(map, *args, **kwargs)  # type: ignore[arg-type]


def register(app: Flask) -> None:
    """Make ``<int:…>`` the bounded id converter (before any blueprint adds its rules)."""
    app.url_map.converters["int"] = IdConverter
