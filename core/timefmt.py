"""Pure time-zone conversions between venue-local wall times and UTC instants.

No Flask here: these functions are used by models, forms, feeds and tests alike.
"""

from datetime import UTC, datetime
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones


class LocalTimeError(ValueError):
    """A local wall time that cannot be turned into one instant."""

    def __init__(self, local: datetime, tz_name: str) -> None:
        super().__init__(f"{local.isoformat()} in {tz_name}")
        self.local = local
        self.tz_name = tz_name


class NonexistentTimeError(LocalTimeError):
    """The wall time falls in a gap (clocks jump forward: 02:30 on the last Sunday of March)."""


class AmbiguousTimeError(LocalTimeError):
    """The wall time happens twice (clocks go back, e.g. 02:30 on the last Sunday of October)."""


class UnknownTimeZoneError(ValueError):
    """The name is not an IANA time zone."""


def zone(tz_name: str) -> ZoneInfo:
    """The ``ZoneInfo`` for an IANA name, or :class:`UnknownTimeZoneError`."""
    if not tz_name or tz_name not in _known_zones():
        raise UnknownTimeZoneError(tz_name)
    try:
        return ZoneInfo(tz_name)
    except (ZoneInfoNotFoundError, ValueError) as exc:  # pragma: no cover - tzdata mismatch
        raise UnknownTimeZoneError(tz_name) from exc


_ZONES: frozenset[str] = frozenset()


def _known_zones() -> frozenset[str]:
    global _ZONES
    if not _ZONES:
        _ZONES = frozenset(available_timezones())
    return _ZONES


@lru_cache(maxsize=1)
def common_zones() -> tuple[str, ...]:
    """Return the sorted IANA zone names offered in forms (no legacy aliases)."""
    return tuple(
        sorted(
            name
            for name in available_timezones()
            if "/" in name and not name.startswith(("Etc/", "SystemV/", "US/"))
        )
    )


def is_valid_zone(tz_name: str) -> bool:
    """True when ``tz_name`` is a known IANA zone name."""
    return bool(tz_name) and tz_name in _known_zones()


def local_to_utc(local: datetime, tz_name: str, fold: int | None = None) -> datetime:
    """Turn a naive wall time at a venue into an aware UTC instant.

    Raises :class:`NonexistentTimeError` for a wall time skipped by a DST change and
    :class:`AmbiguousTimeError` for one that occurs twice, unless ``fold`` (0 for the
    first occurrence, 1 for the second) says which one is meant.
    """
    if local.tzinfo is not None:
        raise ValueError("local_to_utc expects a naive wall time")
    tz = zone(tz_name)
    first = local.replace(tzinfo=tz, fold=0)
    second = local.replace(tzinfo=tz, fold=1)
    if first.utcoffset() != second.utcoffset():
        round_trip = first.astimezone(UTC).astimezone(tz).replace(tzinfo=None)
        if round_trip != local:
            raise NonexistentTimeError(local, tz_name)
        if fold is None:
            raise AmbiguousTimeError(local, tz_name)
        return (second if fold else first).astimezone(UTC)
    return first.astimezone(UTC)


def to_local(instant: datetime, tz_name: str) -> datetime:
    """The aware wall time of an instant in the given zone."""
    if instant.tzinfo is None:
        raise ValueError("to_local expects an aware instant")
    return instant.astimezone(zone(tz_name))


def zone_abbreviation(instant: datetime, tz_name: str) -> str:
    """The zone's abbreviation at that instant (CET, CEST, CST, …).

    IANA has no letters for some zones and uses a numeric offset such as ``+08``;
    those are given as ``UTC+8`` to read well next to a time.
    """
    abbr = to_local(instant, tz_name).tzname() or ""
    if abbr and abbr[0] in "+-":
        sign, digits = abbr[0], abbr[1:]
        hours, minutes = digits[:2].lstrip("0") or "0", digits[2:]
        return f"UTC{sign}{hours}" + (f":{minutes}" if minutes else "")
    return abbr
