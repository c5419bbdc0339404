"""Pure helpers of the plan page: months of the timeline, bar positions, theme progress."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date


def months_between(first: date, last: date) -> list[date]:
    """First days of every month from ``first``'s month to ``last``'s month."""
    months, year, month = [], first.year, first.month
    while (year, month) <= (last.year, last.month):
        months.append(date(year, month, 1))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def bar(months: list[date], starts: date | None, ends: date | None) -> tuple[int, int] | None:
    """(first column, span) of an activity's bar in ``months``; None without a period."""
    if not months or starts is None:
        return None
    ends = ends or starts
    index = {(m.year, m.month): i for i, m in enumerate(months)}
    first = index.get((starts.year, starts.month), 0)
    last = index.get((ends.year, ends.month), len(months) - 1)
    return first, max(1, last - first + 1)


def progress(rows: Iterable[tuple[str, str]]) -> dict[str, tuple[int, int]]:
    """theme label → (done, total) from (theme label, status) pairs; dropped ones left out."""
    result: dict[str, tuple[int, int]] = {}
    for theme, status in rows:
        if status == "dropped":
            continue
        done, total = result.get(theme, (0, 0))
        result[theme] = (done + (status == "done"), total + 1)
    return result
