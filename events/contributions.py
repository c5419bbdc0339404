"""What the events offer packages below them, which may not import events: the home page's
lists and the event queries of mission and city pages (registered in ``events.blueprint``)."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Select, or_, select
from sqlalchemy.orm import joinedload

from core.extensions import db
from core.registry import provided
from core.timefmt import to_local
from core.types import utcnow
from events.forms import VISIBILITIES
from events.models import Event, EventStatus, Visibility
from events.queries import visible_events
from programme.models import Partnership

__all__ = ["VISIBILITIES", "city_events", "home_lists",
           "mission_event_dates", "mission_events", "partnership_events"]

HOME_LIMIT = 8
#: Events listed each way (upcoming, past) on a city's or a partnership's page.
PAGE_EVENTS = 10


def home_lists() -> dict[str, Any]:
    """Upcoming and recent public events, with their cities."""
    now = utcnow()
    public = (select(Event).options(joinedload(Event.city))
              .where(Event.visibility == Visibility.PUBLIC.value,
                     Event.status != EventStatus.CANCELLED.value))
    upcoming = db.session.scalars(
        public.where(Event.starts_at >= now).order_by(Event.starts_at).limit(HOME_LIMIT)).all()
    recent = db.session.scalars(
        public.where(Event.starts_at < now).order_by(Event.starts_at.desc())
        .limit(HOME_LIMIT)).all()
    return {"upcoming": upcoming, "recent": recent}


def mission_events(mission: Any, viewer: Any) -> list[Event]:
    """The mission's events the viewer may see, in order, with their cities."""
    return list(db.session.scalars(
        visible_events(viewer).where(Event.mission_id == mission.id)
        .options(joinedload(Event.city)).order_by(Event.starts_at)))


def mission_event_dates(mission: Any) -> list[date]:
    """Venue-local first and last dates of the mission's (non-cancelled) events."""
    dates = []
    for event in db.session.scalars(select(Event).where(Event.mission_id == mission.id,
                                                        Event.status != "cancelled")):
        dates.append(to_local(event.starts_at, event.timezone).date())
        dates.append(to_local(event.ends_at, event.timezone).date())
    return dates


def _next_and_latest(query: Select[tuple[Event]]) -> dict[str, list[Event]]:
    """The next and the latest ``PAGE_EVENTS`` events of ``query`` ("upcoming" and
    "past"): a page stays one screen however long the programme's history (the events
    list has them all)."""
    query = query.options(joinedload(Event.city)).limit(PAGE_EVENTS)
    now = utcnow()
    # Split at the start time so both lists walk the start-time index from now and stop
    # after a few rows; an event under way is at the top of the latest ones.
    return {
        "upcoming": list(db.session.scalars(
            query.where(Event.starts_at >= now).order_by(Event.starts_at, Event.id))),
        "past": list(db.session.scalars(
            query.where(Event.starts_at < now).order_by(Event.starts_at.desc(), Event.id))),
    }


def city_events(city: Any, viewer: Any) -> dict[str, list[Event]]:
    """The events the city takes part in that the viewer may see: held there, listing it
    among their participating cities, online ones of its partnerships without cities of
    their own, and those its people are invited to; the next and the latest few
    (:func:`_next_and_latest`)."""
    in_partnership = Event.partnership.has(or_(
        Partnership.eu_cities.any(id=city.id), Partnership.china_cities.any(id=city.id)))
    return _next_and_latest(
        visible_events(viewer)
        .where(or_(Event.city_id == city.id, Event.cities.any(id=city.id),
                   Event.city_id.is_(None) & ~Event.cities.any() & in_partnership,
                   provided("city.invited")(city.id, Event.id))))


def partnership_events(partnership: Any, viewer: Any) -> dict[str, list[Event]]:
    """The partnership's events the viewer may see, the next and the latest few
    (:func:`_next_and_latest`)."""
    return _next_and_latest(visible_events(viewer).where(Event.partnership_id == partnership.id))
