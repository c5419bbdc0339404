"""Recording outcomes (MoU, agreement, pilot project, joint study) of events.

:func:`panel_helpers` gives the event page its list of outcomes.
"""

from __future__ import annotations

from typing import Any

from flask import flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from werkzeug.wrappers import Response as BaseResponse

from accounts.permissions import require
from core.choices import select_choices
from core.errors import HelixError
from core.extensions import db
from core.fields import query_id
from core.once import claim
from events.models import Event
from organisations.queries import organisation_choices
from outcomes.forms import OutcomeForm
from outcomes.models import Outcome
from outcomes.queries import outcomes_for
from outcomes.services import delete_outcome, record_outcome
from programme.choices import city_choices, partnership_choices, theme_choices


def load_outcome(outcome_id: int, **_: Any) -> Outcome | None:
    """The outcome named in the URL."""
    return db.session.get(Outcome, outcome_id)


def _form(outcome: Outcome | None) -> OutcomeForm:
    form = OutcomeForm(obj=outcome)
    form.partnership_id.choices = select_choices(partnership_choices(
        [outcome.partnership_id] if outcome is not None else []))
    form.party_ids.choices = select_choices(organisation_choices(blank=False))
    form.city_ids.choices = select_choices(city_choices(
        [c.id for c in outcome.cities] if outcome is not None else [], blank=False))
    form.theme_ids.choices = select_choices(theme_choices(
        [t.id for t in outcome.themes] if outcome is not None else [], blank=False))
    if request.method == "GET":
        if outcome is not None:
            form.party_ids.data = [o.id for o in outcome.parties]
            form.city_ids.data = [c.id for c in outcome.cities]
            form.theme_ids.data = [t.id for t in outcome.themes]
        elif query_id(request.args.get("event")):
            form.event_id.data = query_id(request.args.get("event"))
    return form


def _page(outcome: Outcome) -> str:
    """Where an outcome is shown: its event's page, else the dashboard."""
    if outcome.event_id:
        return url_for("events.detail", event_id=outcome.event_id)
    return url_for("reports.dashboard")


def _save(outcome: Outcome | None) -> str | BaseResponse:
    form = _form(outcome)
    if outcome is None and (earlier := claim(form, Outcome, _page)) is not None:
        return earlier
    if form.validate_on_submit():
        try:
            saved = record_outcome(outcome, form.data)
        except HelixError as error:
            field = getattr(form, error.field or "title_en", form.title_en)
            field.errors = [*field.errors, str(error)]
        else:
            flash(_("Outcome recorded."), "success")
            return redirect(_page(saved))
    return render_template("outcomes/form.html", form=form, outcome=outcome)


@require("outcomes.create")
def create() -> str | BaseResponse:
    """Record an outcome (``?event=<id>`` preselects the event)."""
    return _save(None)


@require("outcomes.edit", load=load_outcome)
def edit(outcome_id: int) -> str | BaseResponse:
    """Change an outcome."""
    return _save(g.target)


@require("outcomes.delete", load=load_outcome)
def remove(outcome_id: int) -> BaseResponse:
    """Delete an outcome recorded by mistake."""
    outcome: Outcome = g.target
    event_id = outcome.event_id
    delete_outcome(outcome)
    flash(_("Outcome deleted."), "success")
    if event_id:
        return redirect(url_for("events.detail", event_id=event_id))
    return redirect(url_for("reports.dashboard"))


def panel_helpers() -> dict[str, Any]:
    """Template helpers for other areas' pages (the event page's outcomes)."""

    def event_outcomes(event: Event) -> list[Outcome]:
        """The outcomes recorded for an event."""
        return outcomes_for(event_id=event.id)

    return {"event_outcomes": event_outcomes}
