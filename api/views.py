"""Read endpoints of the API: every query goes through the same visibility rules as the pages."""

import datetime as dt
from typing import Any

from flask import request, url_for
from flask.views import MethodView
from flask_login import current_user
from flask_smorest import Blueprint, abort
from sqlalchemy import Select, func, select
from werkzeug.exceptions import HTTPException

from api.problems import problem
from api.schemas import EventFilterArgs, EventSchema
from core.extensions import db
from events.models import Event
from events.queries import visible_events

bp = Blueprint("api_events", __name__, url_prefix="/events",
               description="Events, as the viewer may see them")
bp.register_error_handler(HTTPException, problem)


def page_of(query: Select[Any], page: int, per_page: int) -> tuple[list[Any], dict[str, str]]:
    """One page of ``query`` and its ``X-Total-Count`` and RFC 8288 ``Link`` headers."""
    total = db.session.scalar(select(func.count()).select_from(query.subquery())) or 0
    rows = list(db.session.scalars(query.limit(per_page).offset((page - 1) * per_page)))
    last = max(1, -(-total // per_page))
    links = []
    args = {k: v for k, v in request.args.items() if k not in {"page", "per_page"}}
    for rel, number in (("first", 1), ("prev", page - 1), ("next", page + 1), ("last", last)):
        if 1 <= number <= last:
            target = url_for(request.endpoint or "", **(request.view_args or {}), **args,
                             page=number, per_page=per_page)
            links.append(f'<{target}>; rel="{rel}"')
    headers = {"X-Total-Count": str(total)}
    if links:
        headers["Link"] = ", ".join(links)
    return rows, headers


def filtered(query: Select[Any], args: dict[str, Any]) -> Select[Any]:
    """``query`` narrowed by the list's date window, city, theme and kind (all optional)."""
    if "date_from" in args:
        start = dt.datetime.combine(args["date_from"], dt.time(), tzinfo=dt.UTC)
        query = query.where(Event.ends_at >= start)
    if "date_to" in args:
        end = dt.datetime.combine(args["date_to"] + dt.timedelta(days=1), dt.time(), tzinfo=dt.UTC)
        query = query.where(Event.starts_at < end)
    if "city" in args:
        query = query.where(Event.city_id == args["city"])
    if "theme" in args:
        query = query.where(Event.theme_id == args["theme"])
    if "kind" in args:
        query = query.where(Event.kind == args["kind"])
    return query


@bp.route("/")
class EventList(MethodView):
    """The events the viewer may see, a page at a time."""

    @bp.etag
    @bp.arguments(EventFilterArgs, location="query")
    @bp.response(200, EventSchema(many=True))
    def get(self, args: dict[str, Any]) -> tuple[list[Event], int, dict[str, str]]:
        """List visible events ordered by start; ``X-Total-Count`` gives the total."""
        query = filtered(visible_events(current_user), args).order_by(Event.starts_at, Event.id)
        rows, headers = page_of(query, args["page"], args["per_page"])
        return rows, 200, headers


@bp.route("/<int:event_id>")
class EventItem(MethodView):
    """One visible event."""

    @bp.etag
    @bp.response(200, EventSchema)
    def get(self, event_id: int) -> Event:
        """The event, or 404 when it does not exist or the viewer may not see it (an id
        beyond what the database holds is a 404 of the ``<int:…>`` converter already)."""
        event = db.session.scalar(visible_events(current_user).where(Event.id == event_id))
        if event is None:
            abort(404)
        return event
