"""The demo's sample season: invented work of the coming months, dated from the loading day.

``programme/demo/sample_season.yaml`` holds a delegation (with its travel legs and hotel
stays), webinars, a cluster meeting and a webinar open for registration, with days counted
from the first Monday after the loading day (a delegation or an event that would fall in
the Christmas holidays or the Spring Festival week moves on by whole weeks).
:func:`with_sample_season` turns them into missions and events of the demo file's own shape,
labelled "Sample season" / "示例季", so the domains' loaders store them like the rest; their
slugs are fixed, so loading again (on any day) moves them instead of adding rows.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from core.demo import DEMO_FILE, read_demo_file

SAMPLE_FILE = DEMO_FILE.with_name("sample_season.yaml")

Item = dict[str, Any]

#: Chinese New Year's Day: the Spring Festival holidays run from its eve for a week
SPRING_FESTIVAL = {
    2026: date(2026, 2, 17), 2027: date(2027, 2, 6), 2028: date(2028, 1, 26),
    2029: date(2029, 2, 13), 2030: date(2030, 2, 3), 2031: date(2031, 1, 23),
    2032: date(2032, 2, 11), 2033: date(2033, 1, 31), 2034: date(2034, 2, 19),
    2035: date(2035, 2, 8), 2036: date(2036, 1, 28),
}


def is_holiday(day: date) -> bool:
    """Whether ``day`` falls in the Christmas holidays (24 December to 1 January) or the
    Spring Festival week (from New Year's Eve, for the years of :data:`SPRING_FESTIVAL`)."""
    if (day.month, day.day) >= (12, 24) or (day.month, day.day) == (1, 1):
        return True
    new_year = SPRING_FESTIVAL.get(day.year)
    return new_year is not None and new_year - timedelta(days=1) <= day <= (
        new_year + timedelta(days=6))


def first_monday_after(today: date) -> date:
    """Day 0 of the season: the Monday after ``today`` (a week later when today is Monday)."""
    return today + timedelta(days=7 - today.weekday())


class _Calendar:
    """The season's days and local times, counted from day 0."""

    def __init__(self, today: date, day_zero: date | None = None) -> None:
        self.today = today
        self.day_zero = day_zero or first_monday_after(today)

    def clear_of_holidays(self, offsets: Iterable[int]) -> _Calendar:
        """This calendar, or one moved on by whole weeks (weekdays stay), on which none of
        the days ``offsets`` is a holiday."""
        offsets = list(offsets)
        moved = self
        while any(is_holiday(moved.day(offset)) for offset in offsets):
            moved = _Calendar(self.today, moved.day_zero + timedelta(days=7))
        return moved

    def day(self, offset: int) -> date:
        """The date ``offset`` days after day 0."""
        return self.day_zero + timedelta(days=offset)

    def at(self, offset: int, clock: str) -> str:
        """Local date-time text (``YYYY-MM-DDTHH:MM``) on day ``offset`` at ``clock``."""
        return f"{self.day(offset).isoformat()}T{clock}"


def _labelled(item: Item, template: Item, kind: str) -> Item:
    """``item`` with both titles prefixed by the season's label, each in its own language,
    and the season's note on the date of a ``kind`` ("event" or "mission")."""
    return {**item, "title_en": f"{template['label_en']}: {item['title_en']}",
            "title_zh": f"{template['label_zh']}：{item['title_zh']}",
            "date_note_en": template[f"{kind}_note_en"],
            "date_note_zh": template[f"{kind}_note_zh"]}


def _member(member: Item, days: _Calendar) -> Item:
    """A delegation member; ``letter_requested`` (days from the loading day) as a date."""
    row = {k: v for k, v in member.items() if k != "letter_requested"}
    if "letter_requested" in member:
        row["letter_requested_on"] = days.today + timedelta(days=member["letter_requested"])
    return row


def _mission(item: Item, days: _Calendar, template: Item) -> Item:
    """The delegation with its dates, members, travel legs and hotel stays."""
    members = [_member(member, days) for member in item.get("members") or []]
    legs = [{"mode": leg["mode"], "from": leg["from"], "to": leg["to"],
             "departs": days.at(*leg["departs"]), "arrives": days.at(*leg["arrives"])}
            for leg in item.get("legs") or []]
    stays = [{**stay, "check_in": days.day(stay["check_in"]),
              "check_out": days.day(stay["check_out"])} for stay in item.get("stays") or []]
    return {**_labelled(item, template, "mission"), "start": days.day(item["start"]),
            "end": days.day(item["end"]), "members": members, "legs": legs, "stays": stays}


def _event(item: Item, days: _Calendar, template: Item) -> Item:
    """The event at its local times, public, with its registration deadline as a time."""
    event = {**_labelled({k: v for k, v in item.items() if k not in ("day", "registration")},
                         template, "event"),
             "start": days.at(item["day"], item["start"]),
             "end": days.at(item["day"], item["end"]), "visibility": "public"}
    registration = item.get("registration")
    if registration:
        deadline_days = registration.get("deadline_days", 1)
        event["registration"] = {
            **{k: v for k, v in registration.items() if k != "deadline_days"},
            "deadline": days.at(item["day"] - deadline_days, item["start"])}
    return event


def sample_season(today: date, path: Path = SAMPLE_FILE) -> dict[str, list[Item]]:
    """The season's missions and events as seen from ``today``, in the demo file's shape."""
    template = read_demo_file(path)
    days = _Calendar(today)
    trips = {item["slug"]: days.clear_of_holidays(range(item["start"], item["end"] + 1))
             for item in template["missions"]}
    return {"missions": [_mission(item, trips[item["slug"]], template)
                         for item in template["missions"]],
            "events": [_event(item, trips[item["mission"]] if item.get("mission")
                              else days.clear_of_holidays([item["day"]]), template)
                       for item in template["events"]]}


def with_sample_season(data: dict[str, Any], today: date) -> dict[str, Any]:
    """The demo programme ``data`` with the sample season of ``today`` after its own
    missions and events (the historical programme itself is left as it is)."""
    season = sample_season(today)
    return {**data, "loaded_on": today,
            "missions": [*(data.get("missions") or []), *season["missions"]],
            "events": [*(data.get("events") or []), *season["events"]]}
