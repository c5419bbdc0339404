"""Pure time-zone conversions between UTC instants and venue-local wall times.

Instants are stored as aware UTC datetimes; people type and read local wall-clock
times in a venue's IANA zone.  Converting a wall time to an instant is not always
possible: in spring a local hour is skipped (it does not exist) and in autumn an
hour repeats (it is ambiguous).  :func:`local_to_utc` refuses both with a clear
error rather than silently shifting the time.
"""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo


class LocalTimeError(ValueError):
    """A local wall time cannot be mapped to exactly one instant."""

    def __init__(self, naive_local: datetime, tz_name: str, message: str) -> None:
        super().__init__(message)
        self.naive_local = naive_local
        self.tz_name = tz_name


class NonexistentTimeError(LocalTimeError):
    """The wall time falls in a gap (clocks jump forward) and never happens."""


class AmbiguousTimeError(LocalTimeError):
    """The wall time happens twice (clocks go back), so the instant is unclear."""


def to_local(instant_utc: datetime, tz_name: str) -> datetime:
    """Return the aware wall time of ``instant_utc`` in zone ``tz_name``.

    Raises ``ValueError`` for a naive datetime.
    """
    if instant_utc.tzinfo is None or instant_utc.utcoffset() is None:
        raise ValueError("to_local() needs an aware datetime, got a naive one")
    return instant_utc.astimezone(ZoneInfo(tz_name))


def local_to_utc(naive_local: datetime, tz_name: str) -> datetime:
    """Return the aware UTC instant of the wall time ``naive_local`` in ``tz_name``.

    Raises :class:`NonexistentTimeError` when the wall time is skipped by a DST
    change and :class:`AmbiguousTimeError` when it occurs twice.
    """
    if naive_local.tzinfo is not None:
        raise ValueError("local_to_utc() needs a naive wall time, got an aware one")
    zone = ZoneInfo(tz_name)
    first = naive_local.replace(tzinfo=zone, fold=0)
    second = naive_local.replace(tzinfo=zone, fold=1)
    if first.utcoffset() == second.utcoffset():
        return first.astimezone(UTC)
    # The offsets differ: either a gap or a repeated hour.  In a gap, the wall
    # time does not survive a round trip through UTC.
    round_trip = first.astimezone(UTC).astimezone(zone).replace(tzinfo=None)
    if round_trip != naive_local:
        raise NonexistentTimeError(
            naive_local,
            tz_name,
            f"{naive_local:%Y-%m-%d %H:%M} does not exist in {tz_name} (the clocks jump forward)",
        )
    raise AmbiguousTimeError(
        naive_local,
        tz_name,
        f"{naive_local:%Y-%m-%d %H:%M} happens twice in {tz_name} (the clocks go back)",
    )
