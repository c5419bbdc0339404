"""Schedule conflicts: overlapping engagements and impossible travel (no Flask).

An engagement is anything that holds a person at a time: an event (in person at
a place, or online with no place) or a travel leg (from one place to another).
Two engagements of one person conflict when they overlap, or when consecutive
in-person engagements are in places too far apart for the time between them,
using the great-circle distance and a simple travel-time model.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from math import asin, cos, radians, sin, sqrt
from typing import Literal

__all__ = [
    "Conflict",
    "Engagement",
    "Place",
    "check_people",
    "check_schedule",
    "haversine_km",
    "travel_time",
]

EARTH_RADIUS_KM = 6371.0088
GROUND_LIMIT_KM = 500.0
GROUND_SPEED_KMH = 80.0
GROUND_OVERHEAD = timedelta(hours=1)
FLIGHT_SPEED_KMH = 800.0
FLIGHT_OVERHEAD = timedelta(hours=3)
SAME_PLACE_KM = 25.0


@dataclass(frozen=True)
class Place:
    """A point on Earth (a city), identified by ``key`` (e.g. the city id)."""

    key: Hashable
    latitude: float
    longitude: float
    name: str = ""


@dataclass(frozen=True)
class Engagement:
    """Something that occupies a person from ``starts_at`` to ``ends_at`` (aware).

    ``place`` is where it starts (``None`` for online), ``end_place`` where it
    leaves the person (a travel leg's arrival city; defaults to ``place``).
    """

    ref: Hashable
    starts_at: datetime
    ends_at: datetime
    place: Place | None = None
    end_place: Place | None = None
    label: str = ""

    @property
    def final_place(self) -> Place | None:
        """Where the person is once the engagement ends."""
        return self.end_place or self.place


@dataclass(frozen=True)
class Conflict:
    """A warning about two engagements of one person (``who``)."""

    kind: Literal["overlap", "travel"]
    first: Engagement
    second: Engagement
    who: Hashable | None = None
    distance_km: float | None = None
    needed: timedelta | None = None
    available: timedelta | None = None

    def involves(self, ref: Hashable) -> bool:
        """Tell whether the engagement ``ref`` is part of this conflict."""
        return ref in (self.first.ref, self.second.ref)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres between two latitude/longitude points."""
    phi1, phi2 = radians(lat1), radians(lat2)
    dphi = phi2 - phi1
    dlambda = radians(lon2 - lon1)
    h = sin(dphi / 2) ** 2 + cos(phi1) * cos(phi2) * sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * asin(min(1.0, sqrt(h)))


def travel_time(distance_km: float) -> timedelta:
    """Door-to-door time: road/rail up to 500 km at 80 km/h + 1 h, else a flight
    at 800 km/h + 3 h of airport overhead."""
    if distance_km <= 0:
        return timedelta(0)
    if distance_km <= GROUND_LIMIT_KM:
        return GROUND_OVERHEAD + timedelta(hours=distance_km / GROUND_SPEED_KMH)
    return FLIGHT_OVERHEAD + timedelta(hours=distance_km / FLIGHT_SPEED_KMH)


def _distance(a: Place, b: Place) -> float:
    if a.key == b.key:
        return 0.0
    return haversine_km(a.latitude, a.longitude, b.latitude, b.longitude)


def check_schedule(
    engagements: Iterable[Engagement], who: Hashable | None = None
) -> list[Conflict]:
    """Find overlaps and infeasible travel in one person's engagements.

    Touching engagements (one ends when the next starts) do not overlap.
    Travel is checked between consecutive engagements that have a place,
    skipping online ones in between (they do not move anybody).
    """
    items = sorted(engagements, key=lambda e: (e.starts_at, e.ends_at))
    conflicts: list[Conflict] = []
    for index, first in enumerate(items):
        for second in items[index + 1 :]:
            if second.starts_at >= first.ends_at:
                break
            conflicts.append(Conflict("overlap", first, second, who))
    placed = [e for e in items if e.place is not None]
    for first, second in zip(placed, placed[1:], strict=False):
        origin, destination = first.final_place, second.place
        assert origin is not None and destination is not None
        available = second.starts_at - first.ends_at
        if available < timedelta(0):
            continue  # already reported as an overlap
        distance = _distance(origin, destination)
        if distance <= SAME_PLACE_KM:
            continue
        needed = travel_time(distance)
        if available < needed:
            conflicts.append(
                Conflict("travel", first, second, who, round(distance, 1), needed, available)
            )
    return conflicts


def check_people(schedules: Mapping[Hashable, Iterable[Engagement]]) -> list[Conflict]:
    """Run :func:`check_schedule` for every person; ``schedules`` maps person → engagements."""
    conflicts: list[Conflict] = []
    for who, engagements in schedules.items():
        conflicts.extend(check_schedule(engagements, who))
    return conflicts
