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

from datetime import UTC, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from icalendar import Timezone, TimezoneDaylight, TimezoneStandard

from calendars.tz_rules import (
    EPOCH_YEAR,
    LOOKAHEAD_YEARS,
    MIN_YEAR,
    YearlyRule,
    offset_at,
    transitions_in_year,
    yearly_rules,
)


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
    offset = offset_at(zone, initial)
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
    found = yearly_rules(zone, year)
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
