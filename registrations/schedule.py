"""Which reminder is due when (pure: no Flask or SQLAlchemy)."""

from __future__ import annotations

from datetime import datetime, timedelta

from core.text import whole_number

#: The earliest reminder: four weeks before the event.
MAX_HOURS = 24 * 28


def parse_hours(text: str | None, default: str = "24,1") -> list[int]:
    """``"24, 1"`` → ``[24, 1]`` (largest first, duplicates and zeros dropped)."""
    found = (whole_number(p, MAX_HOURS) for p in (text or default).split(","))
    hours = {h for h in found if h is not None}
    return sorted((h for h in hours if h > 0), reverse=True)


def due_offset(starts_at: datetime, hours: list[int], now: datetime) -> int | None:
    """The reminder (hours before ``starts_at``) whose window holds ``now``, if any.

    Reminder ``h`` is due from ``starts_at - h`` until the next smaller reminder is, and
    the last one until the start: a worker that was down sends the latest reminder that
    still makes sense, never a stale 24-hour one an hour before the event.
    """
    if now >= starts_at:
        return None
    ordered = sorted(hours, reverse=True)
    for index, hour in enumerate(ordered):
        opens = starts_at - timedelta(hours=hour)
        closes = (starts_at - timedelta(hours=ordered[index + 1])
                  if index + 1 < len(ordered) else starts_at)
        if opens <= now < closes:
            return hour
    return None
