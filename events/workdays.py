"""Public holidays and adjusted working days of a country (no Flask).

Two well-kept libraries hold the facts: ``holidays`` (public holidays of most countries,
the EU's and China's among them, with China's weekend working days) and, for China,
``chinesecalendar``, which follows the State Council's yearly notice of adjusted working
days (调休: a Saturday or Sunday that is worked, a weekday off) for the years it covers;
outside them ``holidays`` answers for China too.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

import chinese_calendar
import holidays

__all__ = ["OfficialDays", "holiday_names", "official_days"]

CHINA = "CN"
LIBRARY_LANGUAGES = {"en": ("en_US", "en_GB"), "zh": ("zh_CN",)}
"""The ``holidays`` languages that name holidays for each page language, best first."""


@dataclass(frozen=True)
class OfficialDays:
    """A country's public holidays (``off``) and weekend days worked instead (``on``)."""

    off: frozenset[date] = frozenset()
    on: frozenset[date] = frozenset()


@lru_cache(maxsize=256)
def _library_year(country: str, year: int) -> OfficialDays:
    """What ``holidays`` knows of one country and year; nothing for a country it lacks."""
    try:
        calendar = holidays.country_holidays(country, years=year)
    except NotImplementedError:
        return OfficialDays()
    return OfficialDays(frozenset(calendar), frozenset(calendar.weekend_workdays))


def _china_day(day: date) -> tuple[bool, bool] | None:
    """``(worked, named holiday)`` for ``day`` from ``chinesecalendar``; None outside its
    years."""
    try:
        off, name = chinese_calendar.get_holiday_detail(day)
    except NotImplementedError:
        return None
    return not off, bool(off and name)


@lru_cache(maxsize=64)
def _china_year(year: int) -> OfficialDays | None:
    """China's days off and weekend working days of ``year`` from ``chinesecalendar``."""
    day = date(year, 1, 1)
    if _china_day(day) is None:
        return None
    off: set[date] = set()
    on: set[date] = set()
    while day.year == year:
        worked, holiday = _china_day(day) or (True, False)
        weekend = day.weekday() >= 5
        if worked and weekend:
            on.add(day)
        elif holiday or (not worked and not weekend):
            off.add(day)
        day += timedelta(days=1)
    return OfficialDays(frozenset(off), frozenset(on))


def official_days(country: str | None, first: date, last: date) -> OfficialDays:
    """The holidays and weekend working days of ``country`` (ISO 3166 alpha-2) in
    ``first``..``last``; nothing for an unknown or missing country."""
    code = (country or "").strip().upper()
    if not code:
        return OfficialDays()
    off: set[date] = set()
    on: set[date] = set()
    for year in range(first.year, last.year + 1):
        facts = (_china_year(year) if code == CHINA else None) or _library_year(code, year)
        off.update(day for day in facts.off if first <= day <= last)
        on.update(day for day in facts.on if first <= day <= last)
    return OfficialDays(frozenset(off), frozenset(on))


def holiday_names(country: str | None, days: Iterable[date], lang: str) -> dict[date, str]:
    """The names of ``country``'s holidays among ``days`` in the page language ``lang``
    (``en``/``zh``), where ``holidays`` has them in that language (a day it does not
    name, or a country it has no such language for, is left out)."""
    wanted = sorted(set(days))
    code = (country or "").strip().upper()
    if not wanted or not code:
        return {}
    try:
        found = holidays.country_holidays(code)
    except NotImplementedError:
        return {}
    language = next((name for name in LIBRARY_LANGUAGES.get(lang, ())
                     if name in found.supported_languages), None)
    if language is None:
        return {}
    named = holidays.country_holidays(code, years=range(wanted[0].year, wanted[-1].year + 1),
                                      language=language)
    return {day: named[day] for day in wanted if day in named}
