"""Helix report pages: by mission, event, city, partnership and theme; the dashboard.

The URLs are listed in :mod:`reports.blueprint`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

from flask import Response, abort, jsonify, render_template, request
from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import joinedload, selectinload
from werkzeug.wrappers import Response as BaseResponse

from accounts.permissions import require
from core.extensions import db
from core.i18n import localized
from core.labels import HELIX_ROLES, OUTCOME_KINDS, SIDES
from events.models import Event
from missions.models import Mission
from organisations.helix_roles import HelixRole
from outcomes.queries import outcomes_for
from participants.csv_export import export_row, participants_csv
from programme.models import City, Partnership, Theme
from programme.sorting import by_name, partnership_name
from reports.dashboard import dashboard as compute_dashboard
from reports.helix import HelixLevel
from reports.indicators import helix_chart, series_chart
from reports.queries import Scope, first_people, people, report_composition

#: Latest missions and events listed on the index (the full lists have their own pages).
INDEX_LATEST = 25
MODELS: dict[Scope, type[Any]] = {
    Scope.MISSION: Mission, Scope.EVENT: Event, Scope.CITY: City,
    Scope.PARTNERSHIP: Partnership, Scope.THEME: Theme,
}


def role_labels() -> dict[HelixRole, str]:
    """Helix role names in the page language."""
    return {role: str(HELIX_ROLES[role.value]) for role in HelixRole}


def side_labels() -> dict[str, str]:
    """Side names in the page language."""
    return {side: str(label) for side, label in SIDES.items()}


def scope_title(scope: Scope, target: Any) -> str:
    """A readable name of the report's subject."""
    if scope is Scope.PARTNERSHIP:
        return partnership_name(target)
    field = "title" if scope in (Scope.MISSION, Scope.EVENT) else "name"
    return localized(target, field)[0]


def _load(scope: Scope, key: int) -> Any:
    target = db.session.get(MODELS[scope], key)
    if target is None:
        abort(404)
    return target


def _basis() -> str:
    return "attended" if request.args.get("basis") == "attended" else "expected"


@require("reports.view")
def index() -> str:
    """Choose what to report on: every partnership, city and theme; the latest missions
    and events (their lists link to the rest)."""
    return render_template(
        "reports/index.html",
        partnerships=db.session.scalars(select(Partnership).options(
            selectinload(Partnership.eu_cities), selectinload(Partnership.china_cities))
            .order_by(Partnership.start_date, Partnership.slug)).all(),
        missions=db.session.scalars(select(Mission).order_by(
            Mission.start_date.desc(), Mission.id.desc()).limit(INDEX_LATEST)).all(),
        events=db.session.scalars(select(Event).options(joinedload(Event.city)).order_by(
            Event.starts_at.desc(), Event.id.desc()).limit(INDEX_LATEST)).all(),
        latest=INDEX_LATEST,
        cities=by_name(db.session.scalars(select(City)).all()),
        themes=by_name(db.session.scalars(select(Theme)).all()),
    )


def helix_page(scope: Scope, key: int) -> str:
    """Who took part by helix role and side: table, chart, completeness, the first
    people (the CSV export has everyone)."""
    target = _load(scope, key)
    basis = _basis()
    composition = report_composition(scope, key, basis)
    title = scope_title(scope, target)
    chart = helix_chart(composition, role_labels(), side_labels(),
                        _("Participants by helix role"))
    outcomes = []
    if scope is Scope.PARTNERSHIP:
        outcomes = outcomes_for(partnership_id=key)
    elif scope is Scope.EVENT:
        outcomes = outcomes_for(event_id=key)
    return render_template(
        "reports/helix.html", scope=scope, target=target, title=title, basis=basis,
        helix=composition, chart=chart, levels=HelixLevel, roles=list(HelixRole),
        people=first_people(scope, key, basis), outcomes=outcomes,
        endpoint=f"reports.{scope.value}", key_arg=f"{scope.value}_id")


def helix_data(scope: Scope, key: int) -> BaseResponse:
    """The chart payload and completeness as JSON (for other tools and scripts)."""
    target = _load(scope, key)
    composition = report_composition(scope, key, _basis())
    return jsonify({
        "title": scope_title(scope, target),
        "total": composition.total,
        "by_role": {role.value: n for role, n in composition.by_role().items()},
        "by_side": composition.by_side(),
        "triple_helix": composition.is_complete(HelixLevel.TRIPLE),
        "quadruple_helix": composition.is_complete(HelixLevel.QUADRUPLE),
        "chart": helix_chart(composition, role_labels(), side_labels()),
    })


def helix_csv(scope: Scope, key: int) -> Response:
    """The people counted in the report as CSV (the participant import/export layout)."""
    target = _load(scope, key)
    rows = [export_row(person) for person in people(scope, key, _basis())]
    filename = f"helix-{scope.value}-{getattr(target, 'slug', None) or key}.csv"
    return Response(participants_csv(rows), mimetype="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f"attachment; filename={filename}"})


class ScopeViews(NamedTuple):
    """The three views of one kind of report subject: page, JSON and CSV."""

    page: Callable[..., str]
    data: Callable[..., BaseResponse]
    csv: Callable[..., Response]


def scope_views(scope: Scope) -> ScopeViews:
    """Views for ``/reports/<plural>/<id>`` (page), ``….json`` and ``….csv`` of ``scope``."""
    argument = f"{scope.value}_id"

    def page(**kwargs: int) -> str:
        """The report page."""
        return helix_page(scope, kwargs[argument])

    def data(**kwargs: int) -> BaseResponse:
        """The report as JSON."""
        return helix_data(scope, kwargs[argument])

    def people_csv(**kwargs: int) -> Response:
        """The people of the report as CSV."""
        return helix_csv(scope, kwargs[argument])

    guard = require("reports.view")
    return ScopeViews(guard(page), guard(data), guard(people_csv))


@require("reports.view")
def dashboard() -> str:
    """The programme dashboard with the "Measure" indicators."""
    data = compute_dashboard()
    labels = role_labels()
    charts = {
        "delegations": series_chart(
            [localized(city, "name")[0] for city, _n in data.delegations],
            {_("Delegations received"): [n for _city, n in data.delegations]}),
        "partnerships": series_chart(
            data.partnership_years,
            {scope_title(Scope.PARTNERSHIP, p): counts
             for p, counts in data.events_per_partnership}),
        "roles": series_chart(
            data.role_years, {labels[role]: counts for role, counts in data.roles_per_year.items()},
            kind="line"),
        "outcomes": series_chart(
            [str(OUTCOME_KINDS[k]) for k in data.outcome_counts],
            {_("Outcomes"): list(data.outcome_counts.values())}),
    }
    signed = outcomes_for(kinds=("mou", "agreement"))
    pilots = outcomes_for(kinds=("pilot_project",))
    return render_template("reports/dashboard.html", data=data, charts=charts,
                           signed=signed, pilots=pilots, role_labels=labels,
                           partnership_title=lambda p: scope_title(Scope.PARTNERSHIP, p))
