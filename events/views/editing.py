"""Event writes: create, edit (optimistic locking), cancel, duplicate, delete drafts."""

from __future__ import annotations

from datetime import datetime, timedelta
from types import SimpleNamespace
from typing import Any

from flask import flash, g, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user
from markupsafe import Markup, escape

from accounts.permissions import ensure, require
from accounts.policy import Target
from core.extensions import db
from core.fields import query_id
from core.registry import provided
from core.text import whole_number
from core.timefmt import to_local
from events.forms import LOCAL_FORMAT, EventForm
from events.models import Event, EventKind, own_city_ids
from events.services import (
    NotADraftError,
    StaleEventError,
    cancel_event,
    create_event,
    delete_event,
    duplicate_event,
    update_event,
)
from events.timezones import common_zones


def load_event(event_id: int) -> Event | None:
    """The event of the URL (``None`` → 404), for ``@require(..., load=...)``."""
    return db.session.get(Event, event_id)


def _stale_message(error: StaleEventError) -> Markup:
    link = Markup('<a href="{url}" class="alert-link">{text}</a>').format(
        url=url_for("events.detail", event_id=error.record_id),
        text=_("Open the current version"))
    return Markup("{msg} {link}").format(msg=escape(str(error)), link=link)


def _preview(form: EventForm, event: Event | None) -> Event:
    """A transient event with the form's values, for the conflict check."""
    data = form.event_data()
    data.pop("city_ids")
    probe = Event(**data)
    probe.id = event.id if event else None
    return probe


def _reach(form: EventForm, event: Event | None) -> SimpleNamespace:
    """What the form's event would belong to, for the policy (its own cities)."""
    data = form.event_data()
    partnership = event.partnership.cities if event and event.partnership else ()
    target = Target(city_ids=own_city_ids(data["city_id"], data["city_ids"],
                                          [c.id for c in partnership]))
    return SimpleNamespace(permission_target=lambda: target)


def _warnings(form: EventForm, event: Event | None) -> list[Any]:
    probe = _preview(form, event)
    try:
        return provided("event.conflicts")(probe)
    finally:
        if probe in db.session:
            db.session.expunge(probe)


def _prefill(form: EventForm) -> None:
    """New-event defaults from the query string (the slot finder and mission pages)."""
    args = request.args
    if args.get("kind") in set(EventKind):
        form.kind.data = args["kind"]
    if args.get("timezone"):
        form.timezone.data = args["timezone"]
    for name in ("starts_local", "ends_local"):
        try:
            form[name].data = datetime.strptime(args.get(name, ""), LOCAL_FORMAT)
        except ValueError:
            continue
    if args.get("online") == "1":
        form.online.data = True
    # Ids through query_id: "²".isdigit() is true and 2**63 overflows the database.
    if mission_id := query_id(args.get("mission_id")):
        form.mission_id.data = mission_id
    if city_id := query_id(args.get("city_id")):
        form.city_id.data = city_id
    cities = [c for c in map(query_id, args.getlist("cities")) if c]
    if cities:
        form.cities.data = cities


@require("events.create")
def create() -> ResponseReturnValue:
    """Create an event; conflicts are shown as warnings the organiser may override."""
    form = EventForm()
    if request.method == "GET":
        _prefill(form)
    warnings: list[Any] = []
    if form.validate_on_submit():
        ensure("events.create", _reach(form, None))  # city staff: only in their city
        warnings = _warnings(form, None)
        if not warnings or form.confirm_conflicts.data:
            event = create_event(form.event_data(), current_user)
            flash(_("Event saved."), "success")
            return redirect(url_for("events.detail", event_id=event.id))
    return render_template("events/form.html", form=form, event=None, warnings=warnings,
                           zone_names=common_zones())


@require("events.edit", load=load_event)
def edit(event_id: int) -> ResponseReturnValue:
    """Edit an event from the version the organiser opened (refused when stale)."""
    event: Event = g.target
    form = EventForm(obj=event)
    if request.method == "GET":
        form.starts_local.data = to_local(event.starts_at, event.timezone).replace(tzinfo=None)
        form.ends_local.data = to_local(event.ends_at, event.timezone).replace(tzinfo=None)
        form.cities.data = [c.id for c in event.cities]
        form.version_id.data = str(event.version_id)
    warnings: list[Any] = []
    if form.validate_on_submit():
        ensure("events.edit", _reach(form, event))  # nor move it to another city
        warnings = _warnings(form, event)
        if not warnings or form.confirm_conflicts.data:
            try:
                update_event(event, form.event_data(), form.version_id.data, current_user)
            except StaleEventError as error:
                flash(_stale_message(error), "danger")
                return render_template("events/form.html", form=form, event=event,
                                       warnings=[], zone_names=common_zones()), 409
            flash(_("Event saved."), "success")
            return redirect(url_for("events.detail", event_id=event.id))
    return render_template("events/form.html", form=form, event=event, warnings=warnings,
                           zone_names=common_zones())


@require("events.cancel", load=load_event)
def cancel(event_id: int) -> ResponseReturnValue:
    """Cancel (keep, marked cancelled) an event."""
    event: Event = g.target
    try:
        cancel_event(event, request.form.get("version_id", ""), current_user)  # missing: stale
    except StaleEventError as error:
        flash(_stale_message(error), "danger")
    else:
        flash(_("Event cancelled. It stays in the programme, marked cancelled."), "warning")
    return redirect(url_for("events.detail", event_id=event_id))


@require("events.create", load=load_event)
def duplicate(event_id: int) -> ResponseReturnValue:
    """Copy an event, optionally some weeks later, and open the copy for editing."""
    event: Event = g.target
    weeks = whole_number(request.form.get("weeks", "0"), 104)
    shift = timedelta(weeks=weeks) if weeks is not None else None
    if shift is None:
        flash(_("Enter a number of weeks between 0 and 104."), "danger")
        return redirect(url_for("events.detail", event_id=event_id))
    copy = duplicate_event(event, shift, current_user)
    flash(_("Copy created as a tentative event; check it and save."), "success")
    return redirect(url_for("events.edit", event_id=copy.id))


@require("events.delete", load=load_event)
def delete(event_id: int) -> ResponseReturnValue:
    """Delete a draft event (tentative, nobody invited); others must be cancelled."""
    event: Event = g.target
    try:
        delete_event(event, current_user)
    except NotADraftError as error:
        flash(str(error), "danger")
        return redirect(url_for("events.detail", event_id=event_id))
    flash(_("Draft event deleted."), "success")
    return redirect(url_for("events.index"))
