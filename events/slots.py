"""Webinar slot finder: common working hours of several cities (no Flask).

Each city has working hours on its own wall clock (default 09:00–18:00,
Monday–Friday), less its country's public holidays and plus the weekend days its
country works instead (:class:`Workplace`).  Working days are turned into UTC
intervals day by day, so daylight-saving changes are handled by the tz database:
Rome and Liuzhou share 09:00–11:00 Rome time in winter and 09:00–12:00 in summer.
Busy time (the delegation's flights and meetings) is taken out of the windows.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta

from events.timezones import get_zone, resolve_local, to_local, utc_range_for_local_dates

__all__ = [
    "Slot",
    "WorkingHours",
    "Workplace",
    "find_slots",
    "intersect",
    "subtract",
    "working_intervals",
]

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
class Workplace:
    """A city's zone and hours, less ``days_off`` (holidays), plus ``days_on`` (weekend
    days worked instead, e.g. China's adjusted working days)."""

    tz_name: str
    hours: WorkingHours = field(default_factory=WorkingHours)
    days_off: frozenset[date] = frozenset()
    days_on: frozenset[date] = frozenset()

    def works_on(self, day: date) -> bool:
        """Whether ``day`` (a local date) is a working day here."""
        if day in self.days_on:
            return True
        return day.weekday() in self.hours.weekdays and day not in self.days_off


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
    place: str | Workplace, first: date, last: date, hours: WorkingHours | None = None
) -> list[Interval]:
    """UTC intervals of working hours at ``place`` (a zone name, or a workplace with its
    own hours and days) for local dates first..last; ``hours`` overrides the place's."""
    if isinstance(place, str):
        place = Workplace(place)
    if hours is not None:
        place = replace(place, hours=hours)
    hours = place.hours
    tz_name = place.tz_name
    get_zone(tz_name)
    result: list[Interval] = []
    day = first
    while day <= last:
        if place.works_on(day):
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


def subtract(free: Sequence[Interval], busy: Iterable[Interval]) -> list[Interval]:
    """``free`` (sorted, disjoint) less every ``busy`` interval (any order, may overlap)."""
    result = list(free)
    for busy_start, busy_end in busy:
        kept: list[Interval] = []
        for start, end in result:
            if busy_end <= start or busy_start >= end:
                kept.append((start, end))
                continue
            if start < busy_start:
                kept.append((start, busy_start))
            if busy_end < end:
                kept.append((busy_end, end))
        result = kept
    return result


def find_slots(
    places: Iterable[str | Workplace],
    first: date,
    last: date,
    *,
    reference_tz: str | None = None,
    min_duration: timedelta = timedelta(hours=1),
    hours: WorkingHours | None = None,
    busy: Iterable[Interval] = (),
) -> list[Slot]:
    """List the windows where every place is inside its working hours and nobody is busy.

    ``places`` are zone names (default hours, no holidays) or workplaces.
    ``first``..``last`` are local dates in ``reference_tz`` (default: the first
    place's zone).  ``hours`` overrides every place's hours.  ``busy`` intervals
    (aware) are taken out; windows shorter than ``min_duration`` are dropped.
    """
    chosen = [Workplace(p) if isinstance(p, str) else p for p in dict.fromkeys(places)]
    if not chosen:
        raise ValueError("pick at least one city")
    if last < first:
        raise ValueError("the date range ends before it starts")
    reference = reference_tz or chosen[0].tz_name
    window_start, window_end = utc_range_for_local_dates(first, last, reference)
    common: list[Interval] = [(window_start, window_end)]
    for place in chosen:
        # One extra day each side: across the date line the other city's
        # working day may sit on the neighbouring local date.
        intervals = working_intervals(
            place, first - timedelta(days=1), last + timedelta(days=1), hours
        )
        common = intersect(common, intervals)
    common = subtract(common, busy)
    return [
        Slot(start.astimezone(UTC), end.astimezone(UTC))
        for start, end in common
        if end - start >= min_duration
    ]
