"""Recording outcomes (MoU, agreement, pilot project, joint study) of events."""

from __future__ import annotations

from flask import flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from sqlalchemy import select
from werkzeug.wrappers import Response as BaseResponse

from accounts.permissions import require
from core.extensions import db
from core.i18n import localized
from events.models import Event
from participants.access import load_outcome
from participants.forms import OutcomeForm, to_choices
from participants.outcomes import delete_outcome, record_outcome
from participants.queries import organisation_choices
from participants.services import ServiceError
from participants.views import bp
from programme.models import Outcome, Partnership


def _form(outcome: Outcome | None) -> OutcomeForm:
    form = OutcomeForm(obj=outcome)
    events = db.session.scalars(select(Event).order_by(Event.starts_at.desc()))
    form.event_id.choices = to_choices([("", "—")] + [
        (e.id, f"{e.starts_at:%Y-%m-%d} · {localized(e, 'title')[0]}") for e in events])
    partnerships = db.session.scalars(select(Partnership).order_by(Partnership.slug))
    form.partnership_id.choices = to_choices([("", "—")] + [
        (p.id, " – ".join(localized(c, "name")[0] for c in p.cities)) for p in partnerships])
    form.party_ids.choices = to_choices(organisation_choices(blank=False))
    if request.method == "GET":
        if outcome is not None:
            form.party_ids.data = [o.id for o in outcome.parties]
        elif request.args.get("event", "").isdigit():
            form.event_id.data = int(request.args["event"])
    return form


def _save(outcome: Outcome | None) -> str | BaseResponse:
    form = _form(outcome)
    if form.validate_on_submit():
        try:
            saved = record_outcome(outcome, form.data)
        except ServiceError as error:
            field = getattr(form, error.field or "title_en", form.title_en)
            field.errors = [*field.errors, error.message]
        else:
            flash(_("Outcome recorded."), "success")
            if saved.event_id:
                return redirect(url_for("events.detail", event_id=saved.event_id))
            return redirect(url_for("reports.dashboard"))
    return render_template("participants/outcome_form.html", form=form, outcome=outcome)


@bp.route("/outcomes/new", methods=["GET", "POST"])
@require("outcomes.create")
def create_outcome() -> str | BaseResponse:
    """Record an outcome (``?event=<id>`` preselects the event)."""
    return _save(None)


@bp.route("/outcomes/<int:outcome_id>/edit", methods=["GET", "POST"])
@require("outcomes.edit", load=load_outcome)
def edit_outcome(outcome_id: int) -> str | BaseResponse:
    """Change an outcome."""
    return _save(g.target)


@bp.route("/outcomes/<int:outcome_id>/delete", methods=["POST"])
@require("outcomes.delete", load=load_outcome)
def remove_outcome(outcome_id: int) -> BaseResponse:
    """Delete an outcome recorded by mistake."""
    outcome: Outcome = g.target
    event_id = outcome.event_id
    delete_outcome(outcome)
    flash(_("Outcome deleted."), "success")
    if event_id:
        return redirect(url_for("events.detail", event_id=event_id))
    return redirect(url_for("reports.dashboard"))
