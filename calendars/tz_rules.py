"""Yearly daylight-saving rules of a zone, found by scanning zoneinfo (pure: no Flask).

:func:`transitions_in_year` lists a year's offset changes; :func:`yearly_rules` expresses
them as ``FREQ=YEARLY`` rules (``BYMONTH=3;BYDAY=-1SU``) checked against the years they
claim to cover, for ``calendars.vtimezone`` to publish.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

#: Observances never start before this year (the customary epoch of VTIMEZONE data).
EPOCH_YEAR = 1970
#: The earliest year a definition is asked to cover.
MIN_YEAR = 1900
#: How many years after the reference year a rule must keep matching.
LOOKAHEAD_YEARS = 3
WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


@dataclass(frozen=True)
class Transition:
    """One change of UTC offset: the instant, and the offsets before and after it."""

    at_utc: datetime
    offset_from: timedelta
    offset_to: timedelta
    name: str

    @property
    def local(self) -> datetime:
        """Wall-clock time of the change, read in the offset in force before it."""
        return (self.at_utc + self.offset_from).replace(tzinfo=None)


@dataclass(frozen=True)
class YearlyRule:
    """A transition that recurs every year on a weekday of a month.

    The day is either the n-th weekday (``nth``; -1 is the last) or the first weekday on
    or after day ``min_day`` of the month (as in tzdata's ``Sun>=2``).
    """

    month: int
    weekday: int
    wall_time: tuple[int, int, int]
    offset_from: timedelta
    offset_to: timedelta
    nth: int | None = None
    min_day: int | None = None

    def date_in(self, year: int) -> date:
        """The day in ``year`` on which this rule fires."""
        last = calendar.monthrange(year, self.month)[1]
        days = [
            d for d in range(1, last + 1) if date(year, self.month, d).weekday() == self.weekday
        ]
        if self.nth is not None:
            return date(year, self.month, days[self.nth - 1 if self.nth > 0 else -1])
        assert self.min_day is not None
        return date(year, self.month, next(d for d in days if d >= self.min_day))

    def rrule(self) -> dict[str, object]:
        """The RRULE value, as icalendar's ``vRecur`` accepts it."""
        value: dict[str, object] = {"FREQ": "YEARLY", "BYMONTH": self.month}
        if self.nth is not None:
            value["BYDAY"] = f"{self.nth}{WEEKDAYS[self.weekday]}"
        else:
            assert self.min_day is not None
            value["BYDAY"] = WEEKDAYS[self.weekday]
            value["BYMONTHDAY"] = list(range(self.min_day, self.min_day + 7))
        return value


def offset_at(zone: ZoneInfo, instant: datetime) -> timedelta:
    offset = instant.astimezone(zone).utcoffset()
    assert offset is not None
    return offset


def transitions_in_year(zone: ZoneInfo, year: int) -> list[Transition]:
    """All offset changes of ``zone`` during ``year`` (UTC), found by scan and bisection."""
    start = datetime(year, 1, 1, tzinfo=UTC)
    end = datetime(year + 1, 1, 1, tzinfo=UTC)
    step = timedelta(days=1)  # no zone changes offset twice within one day
    found: list[Transition] = []
    left = start
    while left < end:
        right = min(left + step, end)
        before, after = offset_at(zone, left), offset_at(zone, right)
        if before != after:
            lo, hi = left, right
            while hi - lo > timedelta(seconds=1):
                mid = lo + (hi - lo) / 2
                mid = mid.replace(microsecond=0)
                if mid <= lo:
                    break
                if offset_at(zone, mid) == before:
                    lo = mid
                else:
                    hi = mid
            name = hi.astimezone(zone).tzname() or ""
            found.append(Transition(hi, before, after, name))
        left = right
    return found


Descriptor = tuple[str, int]


def _day_descriptors(day: date) -> set[Descriptor]:
    """Ways to name ``day`` within its month.

    ``("nth", n)`` for the n-th weekday, ``("nth", -1)`` if it is the last one, and
    ``("ge", d)`` for "the first such weekday on or after day d".
    """
    names = {("nth", (day.day - 1) // 7 + 1)}
    if day.day + 7 > calendar.monthrange(day.year, day.month)[1]:
        names.add(("nth", -1))
    last = calendar.monthrange(day.year, day.month)[1]
    names |= {("ge", d) for d in range(max(1, day.day - 6), day.day + 1) if d + 6 <= last}
    return names


def _pick(descriptors: set[Descriptor]) -> dict[str, int]:
    """Prefer the n-th weekday form (Outlook understands it) over the on-or-after form."""
    nths = sorted(v for k, v in descriptors if k == "nth")
    if nths:
        return {"nth": -1 if -1 in nths else nths[0]}
    return {"min_day": min(v for k, v in descriptors if k == "ge")}


def _rule_key(t: Transition) -> tuple[int, int, tuple[int, int, int], timedelta, timedelta]:
    local = t.local
    wall = (local.hour, local.minute, local.second)
    return (local.month, local.weekday(), wall, t.offset_from, t.offset_to)


def yearly_rules(zone: ZoneInfo, year: int) -> tuple[list[YearlyRule], int] | None:
    """The yearly rules in force in ``year`` and the first year they hold since.

    Returns None when the transitions are not yearly weekday rules that also hold
    for the next :data:`LOOKAHEAD_YEARS` years.
    """
    reference = transitions_in_year(zone, year)
    if len(reference) != 2:
        return None
    keys = [_rule_key(t) for t in reference]
    names = [_day_descriptors(t.local.date()) for t in reference]

    def matches(y: int) -> bool:
        observed = transitions_in_year(zone, y)
        if [_rule_key(t) for t in observed] != keys:
            return False
        for i, t in enumerate(observed):
            names[i] &= _day_descriptors(t.local.date())
        return all(names)

    if not all(matches(y) for y in range(year + 1, year + LOOKAHEAD_YEARS + 1)):
        return None
    first = year
    while first > EPOCH_YEAR:
        saved = [set(n) for n in names]
        if not matches(first - 1):
            names[:] = saved
            break
        first -= 1
    rules = []
    for (month, weekday, wall, off_from, off_to), candidates in zip(keys, names, strict=True):
        rules.append(YearlyRule(month, weekday, wall, off_from, off_to, **_pick(candidates)))
    return rules, first
