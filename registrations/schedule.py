"""Which reminder is due when (pure: no Flask or SQLAlchemy)."""

from __future__ import annotations

from datetime import datetime, timedelta


def parse_hours(text: str | None, default: str = "24,1") -> list[int]:
    """``"24, 1"`` → ``[24, 1]`` (largest first, duplicates and zeros dropped)."""
    hours = {int(p) for p in (text or default).split(",") if p.strip().isdigit()}
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
