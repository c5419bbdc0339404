"""Read endpoints of the API: every query goes through the same visibility rules as the pages."""

from typing import Any

from flask import request, url_for
from flask.views import MethodView
from flask_login import current_user
from flask_smorest import Blueprint, abort
from sqlalchemy import Select, func, select
from werkzeug.exceptions import HTTPException

from api.problems import problem
from api.schemas import MAX_ID, EventSchema, PageArgs
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


@bp.route("/")
class EventList(MethodView):
    """The events the viewer may see, a page at a time."""

    @bp.etag
    @bp.arguments(PageArgs, location="query")
    @bp.response(200, EventSchema(many=True))
    def get(self, args: dict[str, Any]) -> tuple[list[Event], int, dict[str, str]]:
        """List visible events ordered by start; ``X-Total-Count`` gives the total."""
        query = visible_events(current_user).order_by(Event.starts_at, Event.id)
        rows, headers = page_of(query, args["page"], args["per_page"])
        return rows, 200, headers


@bp.route("/<int:event_id>")
class EventItem(MethodView):
    """One visible event."""

    @bp.etag
    @bp.response(200, EventSchema)
    def get(self, event_id: int) -> Event:
        """The event, or 404 when it does not exist or the viewer may not see it."""
        if event_id > MAX_ID:
            abort(404)
        event = db.session.scalar(visible_events(current_user).where(Event.id == event_id))
        if event is None:
            abort(404)
        return event
