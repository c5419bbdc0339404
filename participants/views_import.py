"""CSV import pages: upload, preview every row's errors, then confirm or cancel."""

from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from werkzeug.wrappers import Response as BaseResponse

from accounts.permissions import ensure, require
from participants.access import in_city
from participants.csv_import import Preview
from participants.forms import ImportConfirmForm, ImportForm
from participants.importing import KINDS, ImportChanged, apply, pack, preview, unpack
from participants.messages import COLUMN_LABELS, describe
from participants.services import ServiceError
from participants.views import bp


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


@bp.route("/import", methods=["GET", "POST"])
@require("participants.import")
def import_upload() -> str:
    """Upload a CSV file; the answer is a preview, nothing is written yet."""
    form = ImportForm()
    if form.validate_on_submit():
        data = form.file.data.read()
        return _show_preview(form.kind.data, data, preview(form.kind.data, data))
    return render_template("participants/import.html", form=form)


@bp.route("/import/confirm", methods=["POST"])
@require("participants.import")
def import_confirm() -> str | BaseResponse:
    """Write every valid row of the previewed file in one transaction, or nothing."""
    form = ImportConfirmForm()
    kind = form.kind.data if form.kind.data in KINDS else "participants"
    expected = int(form.expected.data) if (form.expected.data or "").isdigit() else -1
    if not form.validate_on_submit():
        flash(_("The uploaded file was lost; please upload it again."), "danger")
        return redirect(url_for("participants.import_upload"))
    try:
        data = unpack(form.payload.data)
        _ensure_cities(kind, preview(kind, data))
        written = apply(kind, data, expected)
    except ImportChanged as error:
        flash(error.message, "warning")
        return _show_preview(kind, data, error.preview)
    except ServiceError as error:
        flash(error.message, "danger")
        return redirect(url_for("participants.import_upload"))
    flash(ngettext("%(num)d row imported.", "%(num)d rows imported.", written), "success")
    endpoint = "participants.index" if kind == "participants" else "participants.organisations"
    return redirect(url_for(endpoint))


