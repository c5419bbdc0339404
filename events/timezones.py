"""Time-zone helpers for scheduling, built on :mod:`core.timefmt` (no Flask).

Validation of zone names, zone abbreviations ("CET", "CEST", "CST"), tolerant
wall-time resolution for generated times (the slot finder), and the per-city
local times shown for webinars ("10:00 CET · 17:00 CST").
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Literal
from zoneinfo import ZoneInfo

from core.timefmt import (
    AmbiguousTimeError,
    NonexistentTimeError,
    UnknownTimeZoneError,
    common_zones,
    is_valid_zone,
    local_to_utc,
    to_local,
    zone,
    zone_abbreviation,
)

__all__ = [
    "CityTime",
    "UnknownTimeZoneError",
    "abbreviation",
    "city_times",
    "common_zones",
    "day_offset",
    "get_zone",
    "is_known_zone",
    "date_at",
    "resolve_local",
    "summary_line",
    "utc_range_for_local_dates",
]


def is_known_zone(tz_name: str | None) -> bool:
    """Tell whether ``tz_name`` names a zone in the tz database."""
    return bool(tz_name) and is_valid_zone(str(tz_name))


def get_zone(tz_name: str) -> ZoneInfo:
    """Return the ``ZoneInfo`` for ``tz_name`` or raise :class:`UnknownTimeZoneError`."""
    return zone(tz_name)


def abbreviation(instant: datetime, tz_name: str) -> str:
    """Return the zone abbreviation in force at ``instant`` (e.g. CET or CEST)."""
    return zone_abbreviation(instant, tz_name)


def date_at(instant: datetime, tz_name: str) -> date:
    """Return the calendar date of ``instant`` on the wall clocks of ``tz_name``."""
    return to_local(instant, tz_name).date()


def day_offset(start: datetime, end: datetime, start_tz: str, end_tz: str | None = None) -> int:
    """Days between the local date of ``start`` and the local date of ``end``.

    With ``end_tz`` the end is read in another zone (a flight's arrival), so the
    result may be negative across the date line.
    """
    return (date_at(end, end_tz or start_tz) - date_at(start, start_tz)).days


def resolve_local(
    naive_local: datetime,
    tz_name: str,
    *,
    gap: Literal["raise", "forward"] = "raise",
    repeat: Literal["raise", "earlier", "later"] = "raise",
) -> datetime:
    """Convert a wall time to UTC, optionally tolerating DST gaps and repeats.

    Use ``raise`` (the default, same as :func:`core.timefmt.local_to_utc`) for
    times typed by people; generated times (working-hour boundaries) may pass
    ``gap="forward"`` (move past the gap) and ``repeat="earlier"``/``"later"``.
    """
    get_zone(tz_name)
    try:
        return local_to_utc(naive_local, tz_name)
    except NonexistentTimeError:
        if gap == "raise":
            raise
        # Read with the pre-change offset, the skipped wall time lands after
        # the gap, moved forward by the gap's length (02:30 -> 03:30 CEST).
        before = naive_local.replace(tzinfo=ZoneInfo(tz_name), fold=0)
        return before.astimezone(UTC)
    except AmbiguousTimeError:
        if repeat == "raise":
            raise
        fold = 0 if repeat == "earlier" else 1
        return naive_local.replace(tzinfo=ZoneInfo(tz_name), fold=fold).astimezone(UTC)


@dataclass(frozen=True)
class CityTime:
    """One city's wall-clock reading of a shared instant."""

    label: str
    tz_name: str
    local: datetime
    abbreviation: str
    day_offset: int

    @property
    def hhmm(self) -> str:
        """The 24-hour wall time, e.g. ``"17:00"``."""
        return self.local.strftime("%H:%M")


def city_times(
    instant: datetime,
    places: Iterable[tuple[str, str]],
    *,
    reference_tz: str | None = None,
) -> list[CityTime]:
    """Read ``instant`` on the clocks of each ``(label, tz_name)`` place.

    Places sharing a zone appear once (first label wins).  ``day_offset`` is the
    local date relative to the reference zone (default: the first place's zone),
    so "+1" can mark a Chinese city already on the next day.
    """
    result: list[CityTime] = []
    seen: set[str] = set()
    reference_date: date | None = None
    for label, tz_name in places:
        if tz_name in seen:
            continue
        seen.add(tz_name)
        local = to_local(instant, get_zone(tz_name).key)
        if reference_date is None:
            reference_date = date_at(instant, reference_tz or tz_name)
        result.append(
            CityTime(
                label=label,
                tz_name=tz_name,
                local=local,
                abbreviation=zone_abbreviation(instant, tz_name),
                day_offset=(local.date() - reference_date).days,
            )
        )
    return result


def summary_line(times: Sequence[CityTime]) -> str:
    """Render city times language-neutrally: ``"10:00 CET · 17:00 CST"``."""
    parts = []
    for item in times:
        suffix = f" ({item.day_offset:+d})" if item.day_offset else ""
        parts.append(f"{item.hhmm} {item.abbreviation}{suffix}")
    return " · ".join(parts)


def utc_range_for_local_dates(first: date, last: date, tz_name: str) -> tuple[datetime, datetime]:
    """Return the UTC instants bounding local days ``first``..``last`` in ``tz_name``."""
    start = resolve_local(
        datetime.combine(first, datetime.min.time()), tz_name, gap="forward", repeat="earlier"
    )
    end = resolve_local(
        datetime.combine(last + timedelta(days=1), datetime.min.time()),
        tz_name,
        gap="forward",
        repeat="earlier",
    )
    return start, end
