"""The action plan pages: timeline and table, CSV, printable page, activity forms."""

from __future__ import annotations

import csv
import io
from typing import Any

from flask import Response, abort, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import selectinload
from werkzeug.wrappers import Response as BaseResponse

from accounts.permissions import require
from actionplans.forms import STATUSES, ActivityForm
from actionplans.models import Activity
from actionplans.services import drop_activity, save_activity
from actionplans.timeline import bar, months_between, progress
from core.choices import select_choices
from core.errors import HelixError
from core.extensions import db
from core.i18n import localized
from core.once import claim
from events.models import Event
from missions.models import Mission
from organisations.queries import organisation_choices
from outcomes.models import Outcome
from programme.choices import city_choices, theme_choices
from programme.models import Partnership


def load_partnership(partnership_id: int, **_: Any) -> Partnership | None:
    """The partnership named in the URL."""
    return db.session.get(Partnership, partnership_id)


def load_activity(partnership_id: int, activity_id: int, **_: Any) -> Activity | None:
    """The activity named in the URL, if it belongs to the partnership."""
    activity = db.session.get(Activity, activity_id)
    return activity if activity and activity.partnership_id == partnership_id else None


def activities_of(partnership: Partnership) -> list[Activity]:
    """The partnership's activities with everything their table shows (seven queries),
    by planned start."""
    return list(db.session.scalars(
        select(Activity).where(Activity.partnership_id == partnership.id)
        .options(selectinload(Activity.theme), selectinload(Activity.owner_city),
                 selectinload(Activity.owner_organisation), selectinload(Activity.events),
                 selectinload(Activity.missions), selectinload(Activity.outputs))
        .order_by(Activity.starts_on, Activity.id)))


def plan_summary(partnership: Partnership) -> dict[str, Any]:
    """The action plan on the partnership page: its activities and the status names."""
    return {"activities": activities_of(partnership), "statuses": STATUSES}


def _context(partnership: Partnership) -> dict[str, Any]:
    activities = activities_of(partnership)
    dates = [d for a in activities for d in (a.starts_on, a.ends_on) if d]
    months = months_between(min(dates), max(dates)) if dates else []
    rows = [(localized(a.theme, "name")[0] if a.theme else _("No theme"), a.status)
            for a in activities]
    return {"partnership": partnership, "activities": activities, "months": months,
            "bars": {a.id: bar(months, a.starts_on, a.ends_on) for a in activities},
            "progress": progress(rows), "statuses": STATUSES}


@require("actionplans.view", load=load_partnership)
def plan(partnership_id: int) -> str:
    """The partnership's plan as a month timeline, a table and progress per theme."""
    return render_template("actionplans/plan.html", **_context(g.target))


@require("actionplans.view", load=load_partnership)
def printable(partnership_id: int) -> str:
    """The plan on one printable page, English and Chinese side by side."""
    return render_template("actionplans/print.html", **_context(g.target))


@require("actionplans.export", load=load_partnership)
def export(partnership_id: int) -> Response:
    """The plan as CSV (UTF-8 with BOM, so spreadsheets read the Chinese titles)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["title_en", "title_zh", "theme", "owner_city", "owner_organisation",
                     "starts_on", "ends_on", "status", "events", "missions", "outputs"])
    for a in activities_of(g.target):
        writer.writerow([
            a.title_en or "", a.title_zh or "", a.theme.slug if a.theme else "",
            a.owner_city.slug if a.owner_city else "",
            a.owner_organisation.slug if a.owner_organisation else "",
            a.starts_on or "", a.ends_on or "", a.status,
            " ".join(e.slug or str(e.id) for e in a.events),
            " ".join(m.slug or str(m.id) for m in a.missions),
            " ".join(o.slug or str(o.id) for o in a.outputs)])
    name = f"plan-{g.target.slug}.csv"
    return Response("\ufeff" + out.getvalue(), mimetype="text/csv",
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})


def _form(partnership: Partnership, activity: Activity | None) -> ActivityForm:
    form = ActivityForm(obj=activity)
    form.theme_id.choices = select_choices(
        theme_choices([activity.theme_id] if activity is not None else []))
    form.owner_city_id.choices = select_choices(city_choices(
        [activity.owner_city_id] if activity is not None else [],
        among=[c.id for c in partnership.cities]))
    form.owner_organisation_id.choices = select_choices(organisation_choices())
    events = db.session.scalars(select(Event).order_by(Event.starts_at.desc()))
    form.event_ids.choices = select_choices(
        (e.id, f"{e.starts_at:%Y-%m-%d} · {localized(e, 'title')[0]}") for e in events)
    missions = db.session.scalars(select(Mission).order_by(Mission.id.desc()))
    form.mission_ids.choices = select_choices(
        (m.id, localized(m, "title")[0]) for m in missions)
    outcomes = db.session.scalars(select(Outcome).order_by(Outcome.id.desc()))
    form.output_ids.choices = select_choices(
        (o.id, localized(o, "title")[0]) for o in outcomes)
    if request.method == "GET" and activity is not None:
        form.event_ids.data = [e.id for e in activity.events]
        form.mission_ids.data = [m.id for m in activity.missions]
        form.output_ids.data = [o.id for o in activity.outputs]
    return form


def _plan_page(activity: Activity) -> str:
    return url_for("actionplans.plan", partnership_id=activity.partnership_id)


def _save(partnership: Partnership, activity: Activity | None) -> str | BaseResponse:
    form = _form(partnership, activity)
    if activity is None and (earlier := claim(form, Activity, _plan_page)) is not None:
        return earlier
    if form.validate_on_submit():
        try:
            save_activity(current_user, partnership, activity, form.data)
        except HelixError as error:
            field = getattr(form, error.field or "title_en", form.title_en)
            field.errors = [*field.errors, str(error)]
        else:
            flash(_("Activity saved."), "success")
            return redirect(url_for("actionplans.plan", partnership_id=partnership.id))
    return render_template("actionplans/form.html", form=form, activity=activity,
                           partnership=partnership)


@require("actionplans.create", load=load_partnership)
def create(partnership_id: int) -> str | BaseResponse:
    """Add an activity to the plan."""
    return _save(g.target, None)


@require("actionplans.edit", load=load_activity)
def edit(partnership_id: int, activity_id: int) -> str | BaseResponse:
    """Change an activity."""
    return _save(g.target.partnership, g.target)


@require("actionplans.drop", load=load_activity)
def drop(partnership_id: int, activity_id: int) -> BaseResponse:
    """Drop an activity (kept in the plan, marked dropped)."""
    if g.target is None:
        abort(404)
    drop_activity(current_user, g.target)
    flash(_("Activity dropped."), "success")
    return redirect(url_for("actionplans.plan", partnership_id=partnership_id))
