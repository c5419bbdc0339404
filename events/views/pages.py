"""Event pages: the filtered, paged list, the calendar and its feed, one event."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from flask import abort, jsonify, make_response, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import Select
from sqlalchemy.orm import joinedload, selectinload

from accounts.headers import CSP_DIRECTIVES, content_security_policy
from accounts.permissions import can
from core.date_ranges import FEED_DAYS, range_error
from core.extensions import db
from core.fields import FIRST_YEAR, LAST_YEAR, query_id
from core.i18n import get_lang, localized
from core.paging import bounded_page
from core.picker import search_response
from core.registry import provided
from core.timefmt import is_valid_zone, local_to_utc, to_local
from core.viewer import viewer_timezone
from events.choices import event_matches
from events.models import Event
from events.queries import sees_internal_details, visible_events
from events.search_forms import EventFilterForm
from events.timezones import city_times, summary_line, utc_range_for_local_dates

PER_PAGE = 25

#: FullCalendar adds an *empty* ``<style data-fullcalendar>`` element and fills it through
#: the CSSOM (``insertRule``), which CSP does not govern. Allowing exactly the empty
#: content by its hash keeps every other inline style blocked; its arrow icons are a
#: ``data:`` font.
EMPTY_STYLE_HASH = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"
CALENDAR_CSP = content_security_policy({
    **CSP_DIRECTIVES,
    "style-src": f"{CSP_DIRECTIVES['style-src']} {EMPTY_STYLE_HASH}",
    "font-src": f"{CSP_DIRECTIVES['font-src']} data:",
})


def filtered_events(form: EventFilterForm) -> Select[tuple[Event]]:
    """The visible events matching the list filters, soonest first."""
    query = visible_events(current_user)
    if form.kind.data:
        query = query.where(Event.kind == form.kind.data)
    if form.city.data:
        query = query.where(Event.city_id == form.city.data)
    if form.theme.data:
        query = query.where(Event.theme_id == form.theme.data)
    if form.mission.data:
        query = query.where(Event.mission_id == form.mission.data)
    if form.partnership.data:
        query = query.where(Event.partnership_id == form.partnership.data)
    if form.status.data:
        query = query.where(Event.status == form.status.data)
    dates_ok = not (form.date_from.errors or form.date_to.errors)  # else shown, not applied
    if dates_ok and (form.date_from.data or form.date_to.data):
        # The dates are days on the viewer's clock.
        first = form.date_from.data or date(FIRST_YEAR, 1, 1)
        last = form.date_to.data or date(LAST_YEAR, 12, 31)
        start, end = utc_range_for_local_dates(first, last, viewer_timezone())
        query = query.where(Event.ends_at > start, Event.starts_at < end)
    return query.order_by(Event.starts_at, Event.id)


def index() -> str:
    """Events with filters (kind, city, theme, mission, partnership, status, dates) and
    paging."""
    form = EventFilterForm(request.args)
    form.validate()
    page, more = bounded_page(
        filtered_events(form).options(joinedload(Event.city), joinedload(Event.theme),
                                      joinedload(Event.mission)),
        query_id(request.args.get("page")) or 1, PER_PAGE)
    args = {k: v for k, v in request.args.items() if k != "page" and v}
    return render_template("events/index.html", page=page, more=more, form=form, args=args,
                           viewer_tz=viewer_timezone())


def calendar() -> ResponseReturnValue:
    """Month/week calendar (FullCalendar), in the page's language and viewer's zone."""
    try:
        initial = date.fromisoformat(request.args.get("date", "")).isoformat()
    except ValueError:
        initial = _default_calendar_date()
    page = render_template("events/calendar.html", initial=initial,
                           fc_locale="zh-cn" if get_lang() == "zh" else "en-gb")
    response = make_response(page)
    response.headers["Content-Security-Policy"] = CALENDAR_CSP
    return response


def _default_calendar_date() -> str:
    """Today when anything is planned from today on; otherwise the day of the latest
    event, so the calendar of a finished programme does not open on an empty month."""
    now = datetime.now(UTC)
    visible = visible_events(current_user)
    if db.session.scalar(visible.where(Event.starts_at >= now).limit(1)) is not None:
        return ""
    latest = db.session.scalar(visible.order_by(Event.starts_at.desc()).limit(1))
    if latest is None:
        return ""
    return to_local(latest.starts_at, viewer_timezone()).date().isoformat()


def _wall_time(value: str | None) -> datetime | None:
    """FullCalendar's range bound as the wall time it names (its offset, if any, dropped:
    the bound is a time in the viewer's zone), or None when absent or malformed."""
    try:
        return datetime.fromisoformat((value or "").replace("Z", "+00:00")).replace(tzinfo=None)
    except ValueError:
        return None


def _floating(naive: datetime, tz_name: str) -> datetime:
    """A wall time in the viewer's zone as UTC (a time the clocks skip: read as UTC)."""
    try:
        return local_to_utc(naive, tz_name)
    except ValueError:
        return naive.replace(tzinfo=UTC)


def search() -> ResponseReturnValue:
    """The event pickers' search: events the viewer may see whose title holds ``?q=``."""
    return search_response(lambda text, limit: event_matches(text, limit, current_user))


def feed() -> ResponseReturnValue:
    """Calendar feed: events between ``start`` and ``end`` as wall times in ``tz``."""
    tz_name = request.args.get("tz") or viewer_timezone()
    if not is_valid_zone(tz_name):
        tz_name = viewer_timezone()
    first, last = _wall_time(request.args.get("start")), _wall_time(request.args.get("end"))
    if first is None or last is None:
        return jsonify({"error": _("Give the start and the end of the range.")}), 400
    problem = range_error(first, last, FEED_DAYS)
    if problem:
        return jsonify({"error": problem}), 400
    start, end = _floating(first, tz_name), _floating(last, tz_name)
    events = db.session.scalars(
        visible_events(current_user).options(joinedload(Event.city))
        .where(Event.starts_at < end, Event.ends_at > start).order_by(Event.starts_at)).all()
    rows: list[dict[str, Any]] = []
    for event in events:
        title = localized(event, "title")[0]
        city = localized(event.city, "name")[0] if event.city else ""
        rows.append({
            "id": event.id,
            "title": title,
            "start": to_local(event.starts_at, tz_name).replace(tzinfo=None).isoformat(),
            "end": to_local(event.ends_at, tz_name).replace(tzinfo=None).isoformat(),
            "url": url_for("events.detail", event_id=event.id),
            "extendedProps": {"status": event.status,
                              "tooltip": " · ".join(x for x in (title, city) if x)},
        })
    return jsonify(rows)


def detail(event_id: int) -> str:
    """One event: venue time, viewer's time, each city's time, conflicts for organisers."""
    event = db.session.scalar(
        visible_events(current_user).where(Event.id == event_id)
        .options(joinedload(Event.city), joinedload(Event.theme), joinedload(Event.mission),
                 selectinload(Event.cities)))
    if event is None:
        abort(404)
    cities = ([event.city] if event.city else []) + list(event.cities)
    # West to east, so a Europe–China webinar reads "10:00 CET · 17:00 CST".
    cities.sort(key=lambda c: to_local(event.starts_at, c.timezone).utcoffset())
    places = [(localized(c, "name")[0], c.timezone) for c in cities]
    times = city_times(event.starts_at, places) if len(places) > 1 else []
    conflicts = []
    if can(current_user, "events.view_internal"):
        conflicts = provided("event.conflicts")(event)
    return render_template("events/detail.html", event=event, city_times=times,
                           city_summary=summary_line(times), conflicts=conflicts,
                           show_join=sees_internal_details(current_user, event))
