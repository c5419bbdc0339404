"""VTIMEZONE components in the RRULE form, generated from the IANA database.

Outlook reads only TZID, DTSTART, RRULE and the offsets of a VTIMEZONE, and ical.js
misreads definitions made of RDATE lists, so icalendar's ``Timezone.from_tzid()`` (one
RDATE per transition) is not what we publish. Instead we find the transitions of the
zone's *current* rules by scanning zoneinfo, express each as a yearly rule
(``FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU``) and check that rule against every year it claims
to cover. Zones without daylight saving time (``Asia/Shanghai``) get one STANDARD
observance. Zones whose rules cannot be written as yearly rules (e.g. DST tied to
Ramadan) get one observance per transition over a bounded window (still no RDATE).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from icalendar import Timezone, TimezoneDaylight, TimezoneStandard

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


def _offset(zone: ZoneInfo, instant: datetime) -> timedelta:
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
        before, after = _offset(zone, left), _offset(zone, right)
        if before != after:
            lo, hi = left, right
            while hi - lo > timedelta(seconds=1):
                mid = lo + (hi - lo) / 2
                mid = mid.replace(microsecond=0)
                if mid <= lo:
                    break
                if _offset(zone, mid) == before:
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


def _yearly_rules(zone: ZoneInfo, year: int) -> tuple[list[YearlyRule], int] | None:
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


def _observance(
    rule_or_none: YearlyRule | None,
    *,
    daylight: bool,
    start: datetime,
    offset_from: timedelta,
    offset_to: timedelta,
    name: str,
) -> TimezoneStandard | TimezoneDaylight:
    sub = TimezoneDaylight() if daylight else TimezoneStandard()
    sub.add("TZNAME", name)
    sub.add("TZOFFSETFROM", offset_from)
    sub.add("TZOFFSETTO", offset_to)
    sub.add("DTSTART", start)
    if rule_or_none is not None:
        sub.add("RRULE", rule_or_none.rrule())
    return sub


def _rrule_timezone(
    tzid: str, zone: ZoneInfo, rules: list[YearlyRule], first: int, since: int
) -> Timezone:
    """Yearly rules from ``first`` on; if they began after ``since``, list the years
    between one transition at a time first."""
    tz = Timezone()
    tz.add("TZID", tzid)
    if first > since:
        _add_listed(tz, zone, since, first - 1)
    for rule in sorted(rules, key=lambda r: r.month):
        day = rule.date_in(first)
        start = datetime(day.year, day.month, day.day, *rule.wall_time)
        name = _name_after(zone, rule, first)
        tz.add_component(
            _observance(
                rule,
                daylight=rule.offset_to > rule.offset_from,
                start=start,
                offset_from=rule.offset_from,
                offset_to=rule.offset_to,
                name=name,
            )
        )
    return tz


def _name_after(zone: ZoneInfo, rule: YearlyRule, year: int) -> str:
    """The abbreviation in force just after ``rule`` fires in ``year``."""
    day = rule.date_in(year)
    wall = datetime(day.year, day.month, day.day, *rule.wall_time)
    instant = (wall - rule.offset_from).replace(tzinfo=UTC) + timedelta(minutes=1)
    return instant.astimezone(zone).tzname() or ""


def _fixed_timezone(tzid: str, zone: ZoneInfo, year: int) -> Timezone:
    """One STANDARD observance for a zone without transitions in ``year``."""
    instant = datetime(year, 7, 1, tzinfo=UTC).astimezone(zone)
    offset = instant.utcoffset()
    assert offset is not None
    tz = Timezone()
    tz.add("TZID", tzid)
    tz.add_component(
        _observance(
            None,
            daylight=False,
            start=datetime(EPOCH_YEAR, 1, 1),
            offset_from=offset,
            offset_to=offset,
            name=instant.tzname() or "",
        )
    )
    return tz


def _add_listed(tz: Timezone, zone: ZoneInfo, first: int, last: int) -> None:
    """Add one observance per transition in years ``first``..``last`` (no RDATE lists).

    Each observance has a single DTSTART, which every client reads the same way. The
    first one states the offset in force on 1 January of ``first``.
    """
    initial = datetime(first, 1, 1, tzinfo=UTC)
    offset = _offset(zone, initial)
    tz.add_component(
        _observance(
            None,
            daylight=False,
            start=(initial + offset).replace(tzinfo=None),
            offset_from=offset,
            offset_to=offset,
            name=initial.astimezone(zone).tzname() or "",
        )
    )
    for y in range(first, last + 1):
        for t in transitions_in_year(zone, y):
            tz.add_component(
                _observance(
                    None,
                    daylight=t.offset_to > t.offset_from,
                    start=t.local,
                    offset_from=t.offset_from,
                    offset_to=t.offset_to,
                    name=t.name,
                )
            )


def _listed_timezone(tzid: str, zone: ZoneInfo, since: int, year: int) -> Timezone:
    """Irregular rules: observances listed from ``since`` to ``year + LOOKAHEAD_YEARS``."""
    tz = Timezone()
    tz.add("TZID", tzid)
    last = year + LOOKAHEAD_YEARS
    tz.add("COMMENT", f"Rules without a yearly pattern: valid {since} to {last}.")
    _add_listed(tz, zone, since, last)
    return tz


def _has_transitions(zone: ZoneInfo, first: int, last: int) -> bool:
    return any(transitions_in_year(zone, y) for y in range(first, last + 1))


@lru_cache(maxsize=256)
def _build(tzid: str, year: int, since: int) -> bytes:
    zone = ZoneInfo(tzid)
    if not _has_transitions(zone, since, year + LOOKAHEAD_YEARS):
        return _fixed_timezone(tzid, zone, year).to_ical()
    found = _yearly_rules(zone, year)
    if found is not None:
        rules, first = found
        return _rrule_timezone(tzid, zone, rules, first, since).to_ical()
    return _listed_timezone(tzid, zone, since, year).to_ical()


def vtimezone(tzid: str, year: int | None = None, since: int | None = None) -> Timezone:
    """A VTIMEZONE for IANA zone ``tzid`` describing the rules in force in ``year``.

    ``year`` defaults to the current year. The definition is right from 1 January of
    ``since`` (default: the year before ``year``) on: where the current rules began
    later, the older transitions are listed one by one. Raises
    ``zoneinfo.ZoneInfoNotFoundError`` for an unknown zone. Results are cached; each call
    returns a fresh component.
    """
    if year is None:
        year = datetime.now(UTC).year
    since = max(MIN_YEAR, min(year - 1, since if since is not None else year - 1))
    parsed = Timezone.from_ical(_build(tzid, year, since))
    assert isinstance(parsed, Timezone)
    return parsed


def is_rrule_form(tz: Timezone) -> bool:
    """True when no observance of ``tz`` uses RDATE (the form Outlook and ical.js read)."""
    return all("RDATE" not in sub for sub in tz.subcomponents)
