"""Organisation pages: list and search, one organisation and its people, create, edit, delete."""

from __future__ import annotations

from typing import Any

from flask import flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from werkzeug.wrappers import Response as BaseResponse

from accounts.permissions import ensure, require
from core.choices import select_choices
from core.errors import HelixError
from core.extensions import db
from core.fields import query_id, query_text
from core.integrity import show_error
from core.once import claim
from core.picker import search_response
from organisations.access import in_city
from organisations.forms import OrganisationForm
from organisations.models import Organisation
from organisations.queries import organisation_matches, organisation_page
from organisations.services import delete_organisation, save_organisation
from programme.choices import city_choices


def load_organisation(organisation_id: int, **_: Any) -> Organisation | None:
    """The organisation named in the URL."""
    return db.session.get(Organisation, organisation_id)


@require("organisations.view")
def index() -> str:
    """Organisations with their helix role, city and number of participants."""
    q = query_text(request.args.get("q"))
    rows, page, more = organisation_page(q, query_id(request.args.get("page")) or 1)
    return render_template("organisations/index.html", rows=rows, page=page, more=more, q=q,
                           args={"q": q} if q else {})


@require("organisations.view")
def search() -> BaseResponse:
    """The organisation pickers' search: organisations whose name holds ``?q=`` (JSON)."""
    return search_response(organisation_matches)


@require("organisations.view", load=load_organisation)
def detail(organisation_id: int) -> str:
    """One organisation and its people."""
    found = g.target
    return render_template("organisations/detail.html", organisation=found,
                           people=found.participants)


def _page(organisation: Organisation) -> str:
    return url_for("organisations.detail", organisation_id=organisation.id)


def _save(organisation: Organisation | None) -> str | BaseResponse:
    form = OrganisationForm(obj=organisation)
    form.city_id.choices = select_choices(
        city_choices([organisation.city_id] if organisation is not None else []))
    if organisation is None and (earlier := claim(form, Organisation, _page)) is not None:
        return earlier
    if form.validate_on_submit():
        action = "organisations.edit" if organisation else "organisations.create"
        ensure(action, in_city(form.city_id.data))
        try:
            saved = save_organisation(organisation, form.data)
        except HelixError as error:  # the name taken meanwhile: next to the field
            show_error(form, error, "name_en")
        else:
            flash(_("Organisation saved."), "success")
            return redirect(_page(saved))
    return render_template("organisations/form.html", form=form, organisation=organisation)


@require("organisations.create")
def create() -> str | BaseResponse:
    """Add an organisation."""
    return _save(None)


@require("organisations.edit", load=load_organisation)
def edit(organisation_id: int) -> str | BaseResponse:
    """Change an organisation."""
    return _save(g.target)


@require("organisations.delete", load=load_organisation)
def remove(organisation_id: int) -> BaseResponse:
    """Delete an organisation; refused while it has participants."""
    try:
        delete_organisation(g.target)
    except HelixError as error:
        flash(str(error), "danger")
        return redirect(url_for("organisations.detail", organisation_id=organisation_id))
    flash(_("Organisation deleted."), "success")
    return redirect(url_for("organisations.index"))
