"""Day-by-day itinerary of a mission, grouped by venue-local dates (no Flask).

Events sit on the local date of their venue; a travel leg sits on its
departure's local date and, when it lands on another local date, again as an
arrival on that date (which may be *earlier* when flying east to west across
the date line).  Hotel stays give a check-in and a check-out entry, and each
day lists where the delegation sleeps.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any, Literal, Protocol

from core.timefmt import to_local

__all__ = ["Day", "Entry", "build_itinerary"]

EntryKind = Literal["check_out", "event", "leg", "arrival", "check_in"]


class EventLike(Protocol):
    """What the itinerary needs from an event."""

    starts_at: datetime
    ends_at: datetime
    timezone: str


class LegLike(Protocol):
    """What the itinerary needs from a travel leg."""

    departs_at: datetime
    departure_timezone: str
    arrives_at: datetime
    arrival_timezone: str


class StayLike(Protocol):
    """What the itinerary needs from a hotel stay."""

    check_in: date
    check_out: date


@dataclass(frozen=True)
class Entry:
    """One line of the itinerary.

    ``start``/``end`` are aware wall times in their own zones (a leg's end is
    in the arrival zone); ``end_day_offset`` is the end's local date relative
    to the start's (``+1`` overnight, ``-1`` across the date line eastwards).
    """

    kind: EntryKind
    item: Any
    start: datetime | None = None
    end: datetime | None = None
    end_day_offset: int = 0
    order: tuple[int, datetime | None] = field(default=(0, None), compare=False, repr=False)


@dataclass
class Day:
    """All entries of one local date, and the stays covering its night."""

    date: date
    entries: list[Entry] = field(default_factory=list)
    lodging: list[Any] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        """True when nothing happens and nobody sleeps anywhere recorded."""
        return not self.entries and not self.lodging


_RANK = {"check_out": 0, "event": 1, "leg": 1, "arrival": 1, "check_in": 2}


def _sort_key(entry: Entry) -> tuple[int, datetime]:
    rank, instant = entry.order
    return rank, instant or datetime.min.replace(tzinfo=UTC)


def _event_entries(events: Iterable[EventLike]) -> list[tuple[date, Entry]]:
    rows = []
    for event in events:
        start = to_local(event.starts_at, event.timezone)
        end = to_local(event.ends_at, event.timezone)
        entry = Entry(
            "event", event, start, end, (end.date() - start.date()).days, (1, event.starts_at)
        )
        rows.append((start.date(), entry))
    return rows


def _leg_entries(legs: Iterable[LegLike]) -> list[tuple[date, Entry]]:
    rows = []
    for leg in legs:
        start = to_local(leg.departs_at, leg.departure_timezone)
        end = to_local(leg.arrives_at, leg.arrival_timezone)
        offset = (end.date() - start.date()).days
        rows.append((start.date(), Entry("leg", leg, start, end, offset, (1, leg.departs_at))))
        if offset:
            arrival = Entry("arrival", leg, start, end, offset, (1, leg.arrives_at))
            rows.append((end.date(), arrival))
    return rows


def _stay_entries(stays: Iterable[StayLike]) -> list[tuple[date, Entry]]:
    rows = []
    for stay in stays:
        rows.append((stay.check_in, Entry("check_in", stay, order=(2, None))))
        rows.append((stay.check_out, Entry("check_out", stay, order=(0, None))))
    return rows


def build_itinerary(
    events: Iterable[EventLike] = (),
    legs: Iterable[LegLike] = (),
    stays: Iterable[StayLike] = (),
    *,
    first_day: date | None = None,
    last_day: date | None = None,
) -> list[Day]:
    """Group events, legs and stays into days, sorted by date then instant.

    With ``first_day``/``last_day`` (the mission's dates) every date in between
    appears, empty or not; entries outside that range still get their own day.
    """
    stays = list(stays)
    rows = _event_entries(events) + _leg_entries(legs) + _stay_entries(stays)
    days: dict[date, Day] = {}
    if first_day and last_day:
        current = first_day
        while current <= last_day:
            days[current] = Day(current)
            current += timedelta(days=1)
    for day_date, entry in rows:
        days.setdefault(day_date, Day(day_date)).entries.append(entry)
    for stay in stays:
        night = stay.check_in
        while night < stay.check_out:
            days.setdefault(night, Day(night)).lodging.append(stay)
            night += timedelta(days=1)
    result = sorted(days.values(), key=lambda d: d.date)
    for day in result:
        day.entries.sort(key=_sort_key)
    return result
