"""Read endpoints of the API: every query goes through the same visibility rules as the pages."""

import datetime as dt
from collections.abc import Callable
from typing import Any

from flask import g, request, url_for
from flask.views import MethodView
from flask_babel import gettext as _
from flask_login import current_user
from flask_smorest import Blueprint, abort
from sqlalchemy import Select, func, select

from api.auth import authenticate, guard
from api.problems import PROBLEM_TYPE, answer_with_problems
from api.schemas import EventFilterArgs, EventSchema, EventTextsSchema, ProblemSchema
from core.date_ranges import LIST_DAYS, range_error
from core.extensions import db
from events.models import Event
from events.queries import visible_events
from events.services import StaleEventError, cancel_event, update_event

bp = Blueprint("api_events", __name__, url_prefix="/events",
               description="Events, as the viewer may see them")
answer_with_problems(bp)
bp.before_request(authenticate)


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
    @bp.alt_response(400, schema=ProblemSchema, content_type=PROBLEM_TYPE,
                     description="date_to before date_from, or a window too long")
    def get(self, args: dict[str, Any]) -> tuple[list[Event], int, dict[str, str]]:
        """List visible events ordered by start; ``X-Total-Count`` gives the total.

        A window whose last day is before its first, or longer than the event list's
        limit (``core.date_ranges.LIST_DAYS``), is a 400 problem saying which.
        """
        problem = range_error(args.get("date_from"), args.get("date_to"), LIST_DAYS)
        if problem:
            abort(400, message=problem)
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
        event = load_visible_event(event_id)
        if event is None:
            abort(404)
        return event


def load_visible_event(event_id: int) -> Event | None:
    """The event of the URL if the caller may see it (``None`` → 404)."""
    return db.session.scalar(visible_events(current_user).where(Event.id == event_id))


def current_etag(event: Event) -> str:
    """The ETag a GET of the event sends (flask-smorest's hash of its representation)."""
    return bp._generate_etag(EventSchema().dump(event))


def expected_version(event: Event) -> int | str:
    """The version the caller read, from ``If-Match``: the current ETag (or ``*``) means
    the current version; a bare version number is taken as given (a stale one is a 409
    from the service); another ETag is 412, none at all 428 (as the web form's missing
    version is stale)."""
    tags = request.if_match
    if not tags:
        abort(428)
    if tags.contains(current_etag(event)):
        return event.version_id
    numbers = sorted(tag for tag in tags.as_set() if tag.isascii() and tag.isdigit())
    if numbers:
        return numbers[0]
    abort(412)


def _save(change: Callable[[], Event]) -> Event:
    """Run an event write; a stale version is a 409 problem (nothing written)."""
    try:
        return change()
    except StaleEventError as error:
        abort(409, message=str(error))


IF_MATCH_DOC = {"in": "header", "name": "If-Match", "schema": {"type": "string"},
                "required": True, "description": "The event's ETag, or its version number"}


def versioned_write(view: Callable[..., Any]) -> Callable[..., Any]:
    """Document a write that needs ``If-Match``: the header, and its 409, 412 and 428."""
    for status, description in ((409, "Saved by someone else since"),
                                (412, "If-Match is not the current ETag"),
                                (428, "If-Match is missing")):
        view = bp.alt_response(status, schema=ProblemSchema, content_type=PROBLEM_TYPE,
                               description=description)(view)
    return bp.doc(parameters=[IF_MATCH_DOC])(view)


@bp.route("/<int:event_id>", methods=["PATCH"], endpoint="EventUpdate")
@guard("events.edit", load=load_visible_event)
@bp.arguments(EventTextsSchema)
@bp.response(200, EventSchema)
@versioned_write
def update(texts: dict[str, Any], event_id: int) -> Event:
    """Change the event's titles and descriptions (``If-Match``: the version read)."""
    event: Event = g.target
    version = expected_version(event)
    title_en = texts.get("title_en", event.title_en)
    title_zh = texts.get("title_zh", event.title_zh)
    if not (title_en or "").strip() and not (title_zh or "").strip():
        abort(422, messages={"json": {"title_en": [_("Give the event a title in English or "
                                                      "Chinese.")]}})
    return _save(lambda: update_event(event, texts, version, current_user))


@bp.route("/<int:event_id>/cancel", methods=["POST"], endpoint="EventCancel")
@guard("events.cancel", load=load_visible_event)
@bp.response(200, EventSchema)
@versioned_write
def cancel(event_id: int) -> Event:
    """Cancel the event (kept, marked cancelled; ``If-Match``: the version read)."""
    event: Event = g.target
    version = expected_version(event)
    return _save(lambda: cancel_event(event, version, current_user))
