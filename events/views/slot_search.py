"""The webinar slot finder page: common working hours of the chosen cities."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from flask import render_template, request, url_for
from sqlalchemy import select

from accounts.permissions import require
from core.extensions import db
from core.i18n import localized
from core.timefmt import to_local
from core.viewer import viewer_timezone
from events.forms import LOCAL_FORMAT
from events.search_forms import SlotFinderForm
from events.slots import find_slots
from events.timezones import city_times
from programme.models import City


def _create_url(slot_start: datetime, minutes: int, cities: list[City], mission_id: str,
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
    if mission_id.isdigit():
        params["mission_id"] = mission_id
    return url_for("events.create", **params)


@require("events.create")
def slots() -> str:
    """List the windows where every chosen city is inside working hours (Mon–Fri 9–18)."""
    form = SlotFinderForm(request.args)
    rows: list[dict[str, Any]] = []
    searched = bool(request.args)
    if searched and form.validate():
        cities = db.session.scalars(select(City).where(City.id.in_(form.cities.data))).all()
        order = {city_id: index for index, city_id in enumerate(form.cities.data)}
        cities = sorted(cities, key=lambda c: order[c.id])
        minutes = form.duration.data
        found = find_slots([c.timezone for c in cities], form.date_from.data, form.date_to.data,
                           min_duration=timedelta(minutes=minutes))
        places = [(localized(c, "name")[0], c.timezone) for c in cities]
        # An online event is typed in the organiser's zone (else the first city's).
        organiser_tz = viewer_timezone() if viewer_timezone() != "UTC" else cities[0].timezone
        for slot in found:
            rows.append({
                "slot": slot,
                "starts": city_times(slot.starts_at, places),
                "ends": city_times(slot.ends_at, places),
                "create_url": _create_url(slot.starts_at, minutes, cities,
                                          form.mission_id.data or "", organiser_tz),
            })
    return render_template("events/slots.html", form=form, rows=rows, searched=searched)
