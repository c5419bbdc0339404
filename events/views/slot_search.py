"""The webinar slot finder page: common working hours of the chosen cities.

A first visit (or one from a mission's or an event's page, ``?mission=<id>`` /
``?event=<id>``) shows the form, pre-filled from the mission or event, without errors;
the search runs once the form is submitted. Each city's own working hours and its
country's public holidays (China's adjusted working days included) count, and the
delegation's travel legs and events are busy time.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from flask import render_template, request, url_for
from flask_login import current_user
from sqlalchemy import select

from accounts.permissions import can, require
from core.date_ranges import SLOT_DAYS
from core.extensions import db
from core.fields import query_id
from core.i18n import get_lang, localized, weekday_names
from core.registry import provided
from core.timefmt import to_local
from core.viewer import viewer_timezone
from events.forms import LOCAL_FORMAT
from events.models import Event
from events.queries import visible_events
from events.search_forms import MAX_MINUTES, MIN_MINUTES, SlotFinderForm
from events.slots import WorkingHours, Workplace, find_slots
from events.timezones import city_times, utc_range_for_local_dates
from events.workdays import holiday_names, official_days
from missions.models import Mission
from programme.models import City


def _create_url(slot_start: datetime, minutes: int, cities: list[City], mission_id: int | None,
                tz_name: str) -> str:
    """The new-event form, prefilled with a webinar typed in the organiser's zone."""
    start = to_local(slot_start, tz_name)
    end = slot_start + timedelta(minutes=minutes)
    params: dict[str, Any] = {
        "kind": "webinar", "online": "1", "timezone": tz_name,
        "starts_local": start.strftime(LOCAL_FORMAT),
        "ends_local": to_local(end, tz_name).strftime(LOCAL_FORMAT),
        "cities": [c.id for c in cities],
    }
    if mission_id:
        params["mission_id"] = mission_id
    return url_for("events.create", **params)


def _sources(args: Any) -> tuple[Mission | None, Event | None]:
    """The mission and event the search is for, when the viewer may see them (their
    travel and delegation are private to those who may see the mission's internals)."""
    event_id = query_id(args.get("event"))
    event = (db.session.scalar(visible_events(current_user).where(Event.id == event_id))
             if event_id else None)
    mission_id = query_id(args.get("mission")) or (event.mission_id if event else None)
    mission = db.session.get(Mission, mission_id) if mission_id else None
    if mission is not None and not can(current_user, "missions.view_internal", mission):
        mission = None
    return mission, event


def _prefill(mission: Mission | None, event: Event | None) -> dict[str, Any]:
    """Form defaults: the event's cities, local dates and length, else the mission's
    cities and dates (at most the finder's span)."""
    data: dict[str, Any] = {"mission": mission.id if mission else "",
                            "event": event.id if event else ""}
    first: date | None = None
    last: date | None = None
    if event is not None:
        cities = event.cities or ([event.city] if event.city else [])
        if mission is not None and len(cities) < 2:
            cities = mission.cities
        data["cities"] = [c.id for c in cities]
        first = to_local(event.starts_at, event.timezone).date()
        last = to_local(event.ends_at, event.timezone).date()
        minutes = int((event.ends_at - event.starts_at).total_seconds() // 60)
        data["duration"] = min(max(minutes, MIN_MINUTES), MAX_MINUTES)
    elif mission is not None:
        data["cities"] = [c.id for c in mission.cities]
        first, last = mission.start_date, mission.end_date
    if first is not None and last is not None:
        data["date_from"] = first
        data["date_to"] = min(last, first + timedelta(days=SLOT_DAYS - 1))
    return data


def _workplace(city: City, first: date, last: date) -> Workplace:
    """The finder's view of a city: its zone, its working hours and days, and its
    country's holidays around the range (one day each side, across the date line)."""
    facts = official_days(city.country, first - timedelta(days=1), last + timedelta(days=1))
    hours = WorkingHours(city.work_start, city.work_end,
                         frozenset(int(day) for day in city.work_days))
    return Workplace(city.timezone, hours, days_off=facts.off, days_on=facts.on)


def _calendar(city: City, place: Workplace, first: date, last: date) -> dict[str, Any]:
    """What the search took from a city's calendar in ``first``..``last``: its hours and
    days, the holidays that fell on them (named where the library names them in the page
    language) and the weekend days worked instead."""
    off = sorted(day for day in place.days_off
                 if first <= day <= last and day.weekday() in place.hours.weekdays)
    named = holiday_names(city.country, off, get_lang())
    return {"name": localized(city, "name")[0],
            "hours": f"{place.hours.start:%H:%M}–{place.hours.end:%H:%M}",
            "days": weekday_names(place.hours.weekdays),
            "off": [(day, named.get(day)) for day in off],
            "on": sorted(day for day in place.days_on if first <= day <= last)}


def _search(form: SlotFinderForm, mission: Mission | None,
            event: Event | None) -> dict[str, Any]:
    """The windows found for a valid form (table rows), each city's calendar and the
    busy time taken out."""
    cities = db.session.scalars(select(City).where(City.id.in_(form.cities.data))).all()
    order = {city_id: index for index, city_id in enumerate(form.cities.data)}
    cities = sorted(cities, key=lambda c: order[c.id])
    first, last = form.date_from.data, form.date_to.data
    start, end = utc_range_for_local_dates(first - timedelta(days=1), last + timedelta(days=1),
                                           cities[0].timezone)
    busy = (provided("slots.busy")(mission.id if mission else None,
                                   event.id if event else None, start, end)
            if mission or event else [])
    minutes = form.duration.data
    workplaces = [_workplace(c, first, last) for c in cities]
    found = find_slots(workplaces, first, last, min_duration=timedelta(minutes=minutes),
                       busy=[(starts, ends) for starts, ends, _label in busy])
    places = [(localized(c, "name")[0], c.timezone) for c in cities]
    # An online event is typed in the organiser's zone (else the first city's).
    organiser_tz = viewer_timezone() if viewer_timezone() != "UTC" else cities[0].timezone
    mission_id = mission.id if mission else None
    rows = [{"slot": slot, "starts": city_times(slot.starts_at, places),
             "ends": city_times(slot.ends_at, places),
             "create_url": _create_url(slot.starts_at, minutes, cities, mission_id,
                                       organiser_tz)}
            for slot in found]
    return {"rows": rows, "busy": busy, "busy_tz": organiser_tz,
            "calendars": [_calendar(c, w, first, last) for c, w in zip(cities, workplaces,
                                                                         strict=True)]}


@require("events.create")
def slots() -> str:
    """The finder's form; once submitted, the windows where every chosen city works and
    the delegation is free."""
    mission, event = _sources(request.args)
    searched = any(name in request.args for name in SlotFinderForm.SEARCH_FIELDS)
    if searched:
        form = SlotFinderForm(request.args)
    else:
        form = SlotFinderForm(formdata=None, **_prefill(mission, event))
    found = _search(form, mission, event) if searched and form.validate() else {"rows": []}
    return render_template("events/slots.html", form=form, searched=searched,
                           mission=mission, event=event, **found)
