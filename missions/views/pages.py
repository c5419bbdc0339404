"""Mission pages: the list, one mission with its day-by-day itinerary, the print version."""

from __future__ import annotations

from typing import Any

from flask import abort, render_template, request
from flask_login import current_user
from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import joinedload, selectinload
from werkzeug.wrappers import Response

from accounts.permissions import can
from core.extensions import db
from core.fields import query_id
from core.picker import search_response
from core.registry import provided
from core.viewer import viewer_timezone
from missions.choices import mission_matches
from missions.itinerary import build_itinerary
from missions.models import DelegationMember, HotelStay, Mission, TravelLeg
from programme.models import City, Partnership
from programme.sorting import partnership_name

#: Missions on one page of the index.
PER_PAGE = 25
#: Missions listed on a city's or a partnership's page (which link to the rest).
PAGE_MISSIONS = 10


def _newest(condition: ColumnElement[bool]) -> list[Mission]:
    return list(db.session.scalars(
        select(Mission).where(condition)
        .order_by(Mission.start_date.desc(), Mission.id.desc()).limit(PAGE_MISSIONS)))


def partnership_missions(partnership: Any) -> list[Mission]:
    """The partnership's newest ``PAGE_MISSIONS`` missions (for the partnership page, which
    links to the missions index filtered by the partnership for the rest)."""
    return _newest(Mission.partnership_id == partnership.id)


def city_missions(city: Any) -> list[Mission]:
    """The newest ``PAGE_MISSIONS`` missions visiting or coming from the city (for the
    city page, which links to the missions index filtered by the city for the rest)."""
    return _newest(Mission.cities.any(id=city.id))


def index() -> str:
    """Missions, newest first, one page at a time (three queries, whatever the count),
    optionally only those of one city (``?city=<id>``) or partnership (``?partnership=``)."""
    city_id = query_id(request.args.get("city"))
    city = db.session.get(City, city_id) if city_id else None
    partnership_id = query_id(request.args.get("partnership"))
    partnership = db.session.get(Partnership, partnership_id) if partnership_id else None
    query = select(Mission).options(selectinload(Mission.cities))
    args: dict[str, int] = {}
    if city is not None:
        query = query.where(Mission.cities.any(id=city.id))
        args["city"] = city.id
    if partnership is not None:
        query = query.where(Mission.partnership_id == partnership.id)
        args["partnership"] = partnership.id
    page = db.paginate(
        query.order_by(Mission.start_date.desc(), Mission.id.desc()),
        page=query_id(request.args.get("page")) or 1, per_page=PER_PAGE,
        max_per_page=PER_PAGE, error_out=False)
    return render_template("missions/index.html", page=page, missions=page.items, args=args,
                           city=city, partnership=partnership,
                           partnership_title=partnership and partnership_name(partnership))


def search() -> Response:
    """The mission pickers' search: missions whose title holds ``?q=`` (JSON)."""
    return search_response(mission_matches)


def load_mission(mission_id: int) -> Mission:
    """A mission with everything its page shows, eagerly loaded; 404 when unknown."""
    mission = db.session.scalar(
        select(Mission).where(Mission.id == mission_id).options(
            selectinload(Mission.cities), selectinload(Mission.themes),
            joinedload(Mission.partnership),
            selectinload(Mission.members).joinedload(DelegationMember.participant),
            selectinload(Mission.legs).joinedload(TravelLeg.from_city),
            selectinload(Mission.legs).joinedload(TravelLeg.to_city),
            selectinload(Mission.stays).joinedload(HotelStay.city)))
    if mission is None:
        abort(404)
    return mission


def itinerary_context(mission: Mission) -> dict[str, Any]:
    """The mission's events and its itinerary grouped by venue-local dates."""
    events = provided("mission.events")(mission, current_user)
    # Travel and hotels are for the people involved, not the public programme.
    private = can(current_user, "missions.view_internal", mission)
    days = build_itinerary(events, mission.legs if private else [],
                           mission.stays if private else [],
                           first_day=mission.start_date, last_day=mission.end_date)
    return {"mission": mission, "events": events, "days": days,
            "viewer_tz": viewer_timezone()}


def detail(mission_id: int) -> str:
    """One mission: itinerary day by day, delegation, schedule warnings."""
    mission = load_mission(mission_id)
    context = itinerary_context(mission)
    context["conflicts"] = (provided("mission.conflicts")(mission)
                            if can(current_user, "missions.view_internal", mission) else [])
    return render_template("missions/detail.html", **context)


def printable(mission_id: int) -> str:
    """The itinerary a delegation carries: every entry in English and Chinese."""
    mission = load_mission(mission_id)
    return render_template("missions/print.html", **itinerary_context(mission))
