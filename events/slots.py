"""Webinar slot finder: common working hours of several cities (no Flask).

Each city has working hours on its own wall clock (default 09:00–18:00,
Monday–Friday).  Working days are turned into UTC intervals day by day, so
daylight-saving changes are handled by the tz database: Rome and Liuzhou share
09:00–11:00 Rome time in winter and 09:00–12:00 in summer.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from events.timezones import get_zone, resolve_local, to_local, utc_range_for_local_dates

__all__ = ["Slot", "WorkingHours", "find_slots", "intersect", "working_intervals"]

Interval = tuple[datetime, datetime]
MONDAY_TO_FRIDAY = frozenset(range(5))


@dataclass(frozen=True)
class WorkingHours:
    """Daily working hours on a city's wall clock, on the given weekdays (Mon=0)."""

    start: time = time(9, 0)
    end: time = time(18, 0)
    weekdays: frozenset[int] = field(default=MONDAY_TO_FRIDAY)

    def __post_init__(self) -> None:
        if self.end <= self.start:
            raise ValueError("working hours must end after they start")


@dataclass(frozen=True)
class Slot:
    """A window (UTC) inside every city's working hours."""

    starts_at: datetime
    ends_at: datetime

    @property
    def duration(self) -> timedelta:
        """Length of the window."""
        return self.ends_at - self.starts_at

    def local(self, tz_name: str) -> tuple[datetime, datetime]:
        """The window's start and end on the wall clocks of ``tz_name``."""
        return to_local(self.starts_at, tz_name), to_local(self.ends_at, tz_name)


def working_intervals(
    tz_name: str, first: date, last: date, hours: WorkingHours | None = None
) -> list[Interval]:
    """UTC intervals of working hours in ``tz_name`` for local dates first..last."""
    hours = hours or WorkingHours()
    get_zone(tz_name)
    result: list[Interval] = []
    day = first
    while day <= last:
        if day.weekday() in hours.weekdays:
            start = resolve_local(
                datetime.combine(day, hours.start), tz_name, gap="forward", repeat="earlier"
            )
            end = resolve_local(
                datetime.combine(day, hours.end), tz_name, gap="forward", repeat="later"
            )
            if end > start:
                result.append((start, end))
        day += timedelta(days=1)
    return result


def intersect(first: Sequence[Interval], second: Sequence[Interval]) -> list[Interval]:
    """Intersect two sorted lists of disjoint intervals (two-pointer sweep)."""
    result: list[Interval] = []
    i = j = 0
    while i < len(first) and j < len(second):
        start = max(first[i][0], second[j][0])
        end = min(first[i][1], second[j][1])
        if start < end:
            result.append((start, end))
        if first[i][1] < second[j][1]:
            i += 1
        else:
            j += 1
    return result


def find_slots(
    zones: Iterable[str],
    first: date,
    last: date,
    *,
    reference_tz: str | None = None,
    min_duration: timedelta = timedelta(hours=1),
    hours: WorkingHours | None = None,
    hours_by_zone: Mapping[str, WorkingHours] | None = None,
) -> list[Slot]:
    """List the windows where every zone is inside its working hours.

    ``first``..``last`` are local dates in ``reference_tz`` (default: the first
    zone).  Windows shorter than ``min_duration`` are dropped.  Each zone may
    have its own hours via ``hours_by_zone``.
    """
    names = list(dict.fromkeys(zones))
    if not names:
        raise ValueError("pick at least one city")
    if last < first:
        raise ValueError("the date range ends before it starts")
    reference = reference_tz or names[0]
    window_start, window_end = utc_range_for_local_dates(first, last, reference)
    common: list[Interval] = [(window_start, window_end)]
    for name in names:
        own = (hours_by_zone or {}).get(name, hours)
        # One extra day each side: across the date line the other city's
        # working day may sit on the neighbouring local date.
        intervals = working_intervals(
            name, first - timedelta(days=1), last + timedelta(days=1), own
        )
        common = intersect(common, intervals)
    return [
        Slot(start.astimezone(UTC), end.astimezone(UTC))
        for start, end in common
        if end - start >= min_duration
    ]
