"""Audit diffing: what changed between two snapshots (pure; no Flask import).

A *snapshot* is a plain mapping ``field -> value`` taken before and after a change.
:func:`diff` returns ``{field: (before, after)}`` for the fields whose value changed,
with values already converted by :func:`to_jsonable` so the result can be stored in a
JSON column and rendered as text.
"""

from __future__ import annotations

import datetime as dt
import decimal
import enum
import uuid
from collections.abc import Iterable, Mapping
from typing import Any

Jsonable = str | int | float | bool | None | list["Jsonable"]
Changes = dict[str, tuple[Jsonable, Jsonable]]

DEFAULT_IGNORED: frozenset[str] = frozenset(
    {"id", "created_at", "updated_at", "dtstamp", "sequence", "version_id", "password_hash",
     "feed_token"}
)
"""Bookkeeping columns and secrets that never appear in the audit trail."""

MAX_TEXT = 500
"""Long texts are cut to this many characters (plus an ellipsis) in the log."""


def to_jsonable(value: Any) -> Jsonable:
    """Convert a column value to something JSON can hold and a person can read.

    Datetimes become ISO 8601 (UTC offsets kept), enums their value, decimals and UUIDs
    strings, sets and tuples sorted lists, long strings are shortened.
    """
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, str):
        return value if len(value) <= MAX_TEXT else value[:MAX_TEXT] + "…"
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return to_jsonable(value.value)
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, set | frozenset):
        return sorted((to_jsonable(v) for v in value), key=str)
    if isinstance(value, list | tuple):
        return [to_jsonable(v) for v in value]
    return str(value)


def diff(
    before: Mapping[str, Any] | None,
    after: Mapping[str, Any] | None,
    ignore: Iterable[str] = DEFAULT_IGNORED,
) -> Changes:
    """Return ``{field: (before, after)}`` for every field whose value differs.

    ``before=None`` means the object was just created (every non-empty field is
    reported against ``None``); ``after=None`` means it was deleted.
    """
    old = before or {}
    new = after or {}
    skipped = frozenset(ignore)
    changes: Changes = {}
    for name in sorted(set(old) | set(new)):
        if name in skipped:
            continue
        was, now = to_jsonable(old.get(name)), to_jsonable(new.get(name))
        if was != now:
            changes[name] = (was, now)
    return changes


def format_value(value: Jsonable) -> str:
    """Render a stored value for people: ``—`` for empty, lists comma-separated."""
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, bool):
        return "✓" if value else "✗"
    if isinstance(value, list):
        return ", ".join(format_value(v) for v in value)
    return str(value)
