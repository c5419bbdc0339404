"""Participant pages: list and search, profile with schedule, create, edit, export."""

from __future__ import annotations

from flask import Blueprint, Response, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from werkzeug.wrappers import Response as BaseResponse

from accounts.permissions import ensure, require
from core.extensions import db
from participants.access import in_city, load_participant
from participants.csv_export import participants_csv
from participants.forms import ParticipantForm, to_choices
from participants.models import Organisation, Participant
from participants.queries import (
    PAGE_SIZE,
    ParticipantFilters,
    all_participants,
    city_choices,
    delegations,
    organisation_choices,
    participant_page,
    schedule,
)
from participants.services import ServiceError, delete_participant, save_participant

bp = Blueprint("participants", __name__, url_prefix="/participants")


def _int_arg(name: str) -> int | None:
    value = request.args.get(name, "")
    return int(value) if value.isdigit() else None


def _filters() -> ParticipantFilters:
    return ParticipantFilters(
        q=request.args.get("q", "").strip()[:100],
        organisation_id=_int_arg("organisation"),
        city_id=_int_arg("city"),
        helix_role=request.args.get("role") or None,
    )


@bp.route("/")
@require("participants.view")
def index() -> str:
    """Participants, searchable by English name, Chinese name, pinyin or e-mail."""
    filters = _filters()
    page = _int_arg("page") or 1
    rows, total = participant_page(filters, page)
    return render_template(
        "participants/index.html", participants=rows, total=total, page=page,
        pages=max(1, -(-total // PAGE_SIZE)), filters=filters,
        cities=city_choices(), organisations=organisation_choices())


@bp.route("/export.csv")
@require("participants.export")
def export() -> Response:
    """The current participant list (same filters) as a CSV file for Excel."""
    rows = [export_row(p) for p in all_participants(_filters())]
    return Response(participants_csv(rows), mimetype="text/csv; charset=utf-8", headers={
        "Content-Disposition": "attachment; filename=participants.csv"})


def export_row(participant: Participant) -> dict[str, object]:
    """A participant in the import/export column layout."""
    return {
        "name": participant.name, "name_zh": participant.name_zh, "email": participant.email,
        "organisation": participant.organisation.name_en if participant.organisation else "",
        "position": participant.position, "helix_role": participant.helix_role,
        "city": participant.city.name_en if participant.city else "",
        "language": participant.language, "timezone": participant.timezone,
    }


@bp.route("/<int:participant_id>")
@require("participants.view", load=load_participant)
def detail(participant_id: int) -> str:
    """A participant with their schedule (invitations) and delegations."""
    participant = g.target
    return render_template("participants/detail.html", participant=participant,
                           invitations=schedule(participant.id),
                           delegations=delegations(participant.id))


def _participant_form(participant: Participant | None) -> ParticipantForm:
    form = ParticipantForm(obj=participant)
    form.organisation_id.choices = to_choices(organisation_choices())
    form.city_id.choices = to_choices(city_choices())
    form.key_contact_for.choices = to_choices(city_choices(blank=False))
    if participant is not None and request.method == "GET":
        form.key_contact_for.data = [c.id for c in participant.key_contact_for]
    return form


def _city_of(form: ParticipantForm) -> int | None:
    """The city a participant form puts the person in (theirs, else the organisation's)."""
    if form.city_id.data:
        return form.city_id.data
    organisation = db.session.get(Organisation, form.organisation_id.data) \
        if form.organisation_id.data else None
    return organisation.city_id if organisation else None


def _save(participant: Participant | None) -> str | BaseResponse:
    form = _participant_form(participant)
    if form.validate_on_submit():
        action = "participants.edit" if participant else "participants.create"
        ensure(action, in_city(_city_of(form)))
        try:
            saved = save_participant(participant, form.data)
        except ServiceError as error:
            target = getattr(form, error.field or "", None)
            if target is not None:
                target.errors = [*target.errors, error.message]
            else:
                flash(error.message, "danger")
        else:
            flash(_("Participant saved."), "success")
            return redirect(url_for("participants.detail", participant_id=saved.id))
    return render_template("participants/form.html", form=form, participant=participant)


@bp.route("/new", methods=["GET", "POST"])
@require("participants.create")
def create() -> str | BaseResponse:
    """Add a participant."""
    return _save(None)


@bp.route("/<int:participant_id>/edit", methods=["GET", "POST"])
@require("participants.edit", load=load_participant)
def edit(participant_id: int) -> str | BaseResponse:
    """Change a participant."""
    return _save(g.target)


@bp.route("/<int:participant_id>/delete", methods=["POST"])
@require("participants.delete", load=load_participant)
def delete(participant_id: int) -> BaseResponse:
    """Delete a participant and their invitations."""
    participant = g.target
    try:
        delete_participant(participant)
    except ServiceError as error:
        flash(error.message, "danger")
        return redirect(url_for("participants.detail", participant_id=participant_id))
    flash(_("Participant deleted."), "success")
    return redirect(url_for("participants.index"))
