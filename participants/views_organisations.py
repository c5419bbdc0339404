"""Organisation pages and the cities' key contacts."""

from __future__ import annotations

from flask import flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import joinedload
from werkzeug.wrappers import Response as BaseResponse

from accounts.permissions import ensure, require
from core.extensions import db
from participants.access import in_city, load_organisation
from participants.forms import OrganisationForm, to_choices
from participants.models import Organisation, Participant
from participants.queries import city_choices, key_contacts, organisation_page
from participants.services import ServiceError, delete_organisation, save_organisation
from participants.views import bp


@bp.route("/organisations/")
@require("organisations.view")
def organisations() -> str:
    """Organisations with their helix role, city and number of participants."""
    q = request.args.get("q", "").strip()[:100]
    return render_template("participants/organisations.html", rows=organisation_page(q), q=q)


@bp.route("/organisations/<int:organisation_id>")
@require("organisations.view", load=load_organisation)
def organisation(organisation_id: int) -> str:
    """One organisation and its people."""
    found = g.target
    people = db.session.scalars(
        select(Participant).where(Participant.organisation_id == found.id)
        .options(joinedload(Participant.city)).order_by(Participant.name)).all()
    return render_template("participants/organisation.html", organisation=found,
                           people=people)


def _save(organisation: Organisation | None) -> str | BaseResponse:
    form = OrganisationForm(obj=organisation)
    form.city_id.choices = to_choices(city_choices())
    if form.validate_on_submit():
        action = "organisations.edit" if organisation else "organisations.create"
        ensure(action, in_city(form.city_id.data))
        try:
            saved = save_organisation(organisation, form.data)
        except ServiceError as error:
            form.name_en.errors = [*form.name_en.errors, error.message]
        else:
            flash(_("Organisation saved."), "success")
            return redirect(url_for("participants.organisation", organisation_id=saved.id))
    return render_template("participants/organisation_form.html", form=form,
                           organisation=organisation)


@bp.route("/organisations/new", methods=["GET", "POST"])
@require("organisations.create")
def create_organisation() -> str | BaseResponse:
    """Add an organisation."""
    return _save(None)


@bp.route("/organisations/<int:organisation_id>/edit", methods=["GET", "POST"])
@require("organisations.edit", load=load_organisation)
def edit_organisation(organisation_id: int) -> str | BaseResponse:
    """Change an organisation."""
    return _save(g.target)


@bp.route("/organisations/<int:organisation_id>/delete", methods=["POST"])
@require("organisations.delete", load=load_organisation)
def remove_organisation(organisation_id: int) -> BaseResponse:
    """Delete an organisation; refused while it has participants."""
    found = g.target
    try:
        delete_organisation(found)
    except ServiceError as error:
        flash(error.message, "danger")
        return redirect(url_for("participants.organisation", organisation_id=organisation_id))
    flash(_("Organisation deleted."), "success")
    return redirect(url_for("participants.organisations"))


@bp.route("/key-contacts")
@require("participants.view")
def contacts() -> str:
    """Every city's key contacts (focal points)."""
    return render_template("participants/key_contacts.html", rows=key_contacts())
