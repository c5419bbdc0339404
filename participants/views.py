"""Participant pages: list and search, profile, create, edit, delete, key contacts, CSV.

The profile's schedule (invitations, delegations) comes from the template helpers the
invitations area registers, so this package needs nothing from the areas above it.
"""

from __future__ import annotations

from typing import Any

from flask import Response, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from werkzeug.wrappers import Response as BaseResponse

from accounts.permissions import ensure, require
from core.choices import select_choices
from core.converters import MAX_ID
from core.errors import HelixError
from core.extensions import db
from core.fields import query_id, query_text
from core.integrity import show_error
from core.once import claim
from core.text import whole_number
from organisations.access import in_city
from organisations.models import Organisation
from organisations.queries import organisation_choices
from participants.csv_export import export_row, participants_csv
from participants.csv_import import Preview
from participants.csv_messages import COLUMN_LABELS, describe
from participants.csv_preview import KINDS, pack, preview, unpack
from participants.forms import (
    ImportConfirmForm,
    ImportForm,
    OrganisationFilterForm,
    ParticipantForm,
)
from participants.models import Participant
from participants.queries import (
    ParticipantFilters,
    all_participants,
    key_contacts,
    participant_page,
)
from participants.services import (
    ImportChanged,
    apply_import,
    delete_participant,
    save_participant,
)
from programme.choices import city_choices


def load_participant(participant_id: int, **_: Any) -> Participant | None:
    """The participant named in the URL."""
    return db.session.get(Participant, participant_id)


def _int_arg(name: str) -> int | None:
    return query_id(request.args.get(name))


def _filters(organisation: OrganisationFilterForm | None = None) -> ParticipantFilters:
    organisation = organisation or OrganisationFilterForm(request.args)
    organisation.validate()
    return ParticipantFilters(
        q=query_text(request.args.get("q")),
        organisation_id=organisation.organisation.data,
        city_id=_int_arg("city"),
        helix_role=request.args.get("role") or None,
    )


@require("participants.view")
def index() -> str:
    """Participants, searchable by English name, Chinese name, pinyin or e-mail."""
    organisation = OrganisationFilterForm(request.args)
    filters = _filters(organisation)
    page, more = participant_page(filters, _int_arg("page") or 1)
    return render_template(
        "participants/index.html", participants=page.items, page=page, more=more,
        filters=filters, args=filters.as_args(), organisation=organisation.organisation,
        cities=city_choices([filters.city_id]))


@require("participants.export")
def export() -> Response:
    """The current participant list (same filters) as a CSV file for Excel."""
    rows = [export_row(p) for p in all_participants(_filters())]
    return Response(participants_csv(rows), mimetype="text/csv; charset=utf-8", headers={
        "Content-Disposition": "attachment; filename=participants.csv"})


@require("participants.view", load=load_participant)
def detail(participant_id: int) -> str:
    """A participant with their schedule (invitations) and delegations."""
    return render_template("participants/detail.html", participant=g.target)


def _participant_form(participant: Participant | None) -> ParticipantForm:
    form = ParticipantForm(obj=participant)
    form.organisation_id.choices = select_choices(organisation_choices())
    kept = [participant.city_id, *(c.id for c in participant.key_contact_for)] \
        if participant is not None else []
    form.city_id.choices = select_choices(city_choices(kept))
    form.key_contact_for.choices = select_choices(city_choices(kept, blank=False))
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


def _page(participant: Participant) -> str:
    return url_for("participants.detail", participant_id=participant.id)


def _save(participant: Participant | None) -> str | BaseResponse:
    form = _participant_form(participant)
    if participant is None and (earlier := claim(form, Participant, _page)) is not None:
        return earlier
    if form.validate_on_submit():
        action = "participants.edit" if participant else "participants.create"
        ensure(action, in_city(_city_of(form)))
        try:
            saved = save_participant(participant, form.data)
        except HelixError as error:  # the e-mail taken meanwhile: next to the field
            show_error(form, error)
        else:
            flash(_("Participant saved."), "success")
            return redirect(_page(saved))
    return render_template("participants/form.html", form=form, participant=participant)


@require("participants.create")
def create() -> str | BaseResponse:
    """Add a participant."""
    return _save(None)


@require("participants.edit", load=load_participant)
def edit(participant_id: int) -> str | BaseResponse:
    """Change a participant."""
    return _save(g.target)


@require("participants.delete", load=load_participant)
def delete(participant_id: int) -> BaseResponse:
    """Delete a participant and their invitations."""
    try:
        delete_participant(g.target)
    except HelixError as error:
        flash(str(error), "danger")
        return redirect(url_for("participants.detail", participant_id=participant_id))
    flash(_("Participant deleted."), "success")
    return redirect(url_for("participants.index"))


@require("participants.view")
def contacts() -> str:
    """Every city's key contacts (focal points)."""
    return render_template("participants/key_contacts.html", rows=key_contacts())


def _show_preview(kind: str, data: bytes, result: Preview) -> str:
    # formdata=None: after "the data changed", the posted form must not put the stale
    # expected count back into the new preview (confirming would fail for ever).
    confirm = ImportConfirmForm(formdata=None, kind=kind, payload=pack(data),
                                expected=str(len(result.valid_rows)))
    return render_template("participants/import_preview.html", kind=kind, preview=result,
                           confirm=confirm, describe=describe,
                           column_labels=COLUMN_LABELS)


def _ensure_cities(kind: str, result: Preview) -> None:
    """City staff may only import people and organisations of their own city."""
    action = "participants.create" if kind == "participants" else "organisations.create"
    for city_id in {row.values.get("city_id") for row in result.valid_rows}:
        ensure(action, in_city(city_id))  # type: ignore[arg-type]


@require("participants.import")
def import_upload() -> str:
    """Upload a CSV file; the answer is a preview, nothing is written yet."""
    form = ImportForm()
    if form.validate_on_submit():
        data = form.file.data.read()
        return _show_preview(form.kind.data, data, preview(form.kind.data, data))
    return render_template("participants/import.html", form=form)


@require("participants.import")
def import_confirm() -> str | BaseResponse:
    """Write every valid row of the previewed file in one transaction, or nothing."""
    form = ImportConfirmForm()
    kind = form.kind.data if form.kind.data in KINDS else "participants"
    expected = whole_number(form.expected.data, MAX_ID)
    expected = -1 if expected is None else expected
    if not form.validate_on_submit():
        flash(_("The uploaded file was lost; please upload it again."), "danger")
        return redirect(url_for("participants.import_upload"))
    try:
        data = unpack(form.payload.data)
        _ensure_cities(kind, preview(kind, data))
        written = apply_import(kind, data, expected)
    except ImportChanged as error:
        flash(str(error), "warning")
        return _show_preview(kind, data, error.preview)
    except HelixError as error:
        flash(str(error), "danger")
        return redirect(url_for("participants.import_upload"))
    flash(ngettext("%(num)d row imported.", "%(num)d rows imported.", written), "success")
    endpoint = "participants.index" if kind == "participants" else "organisations.index"
    return redirect(url_for(endpoint))
