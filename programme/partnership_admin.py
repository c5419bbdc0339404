"""Creating, editing and archiving partnerships (organisers and admins), and the audit
labels of their fields."""

from __future__ import annotations

from typing import Any

from flask import flash, g, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from accounts.permissions import require
from core.errors import HelixError
from core.extensions import db
from core.labels import STAGES
from core.once import claim
from core.registry import Registry
from programme.models import City, Partnership
from programme.partnership_forms import PartnershipForm
from programme.partnership_services import (
    archive_partnership,
    create_partnership,
    update_partnership,
)

FORM_FIELDS = ("eu_city_ids", "china_city_ids", "theme_ids", "start_date", "end_date",
               "summary_en", "summary_zh", "stage", "stage_changed_on", "stage_note")


def load_partnership(partnership_id: int, **_ids: Any) -> Partnership | None:
    """The partnership of the URL (``None`` → 404), for ``@require(..., load=...)``."""
    return db.session.get(Partnership, partnership_id)


def _page(partnership: Partnership) -> str:
    return url_for("programme.partnership", partnership_id=partnership.id)


def _data(form: PartnershipForm) -> dict[str, Any]:
    return {name: getattr(form, name).data for name in FORM_FIELDS}


def _render(form: PartnershipForm, partnership: Partnership | None) -> str:
    return render_template("programme/partnership_form.html", form=form,
                           partnership=partnership)


def _refused(form: PartnershipForm, error: HelixError) -> None:
    field = getattr(form, error.field or "", None) or form.eu_city_ids
    field.errors = [*field.errors, str(error)]


@require("partnerships.create")
def partnership_create() -> ResponseReturnValue:
    """A new partnership: its cities, themes, period, summaries and first stage."""
    form = PartnershipForm()
    if (earlier := claim(form, Partnership, _page)) is not None:
        return earlier
    if form.validate_on_submit():
        try:
            created = create_partnership(_data(form), current_user)
        except HelixError as error:
            _refused(form, error)
        else:
            flash(_("Partnership saved."), "success")
            return redirect(_page(created))
    return _render(form, None)


@require("partnerships.edit", load=load_partnership)
def partnership_edit(partnership_id: int) -> ResponseReturnValue:
    """Edit a partnership; a new stage is added to its history with the note."""
    partnership: Partnership = g.target
    form = PartnershipForm(obj=partnership)
    if request.method == "GET":
        form.eu_city_ids.data = [c.id for c in partnership.eu_cities]
        form.china_city_ids.data = [c.id for c in partnership.china_cities]
        form.theme_ids.data = [t.id for t in partnership.themes]
    if form.validate_on_submit():
        try:
            update_partnership(partnership, _data(form), current_user)
        except HelixError as error:
            _refused(form, error)
        else:
            flash(_("Partnership saved."), "success")
            return redirect(url_for("programme.partnership", partnership_id=partnership_id))
    return _render(form, partnership)


@require("partnerships.archive", load=load_partnership)
def partnership_archive(partnership_id: int) -> ResponseReturnValue:
    """Archive a partnership (it is kept with its history, missions and events)."""
    archive_partnership(g.target, current_user)
    flash(_("Partnership archived."), "success")
    return redirect(url_for("programme.partnership", partnership_id=partnership_id))


def register_labels(registry: Registry) -> None:
    """How the audit log names a partnership's fields and values."""
    registry.add_field_labels({
        "eu_cities": _l("European cities"), "china_cities": _l("Chinese cities"),
        "summary_en": _l("Summary (English)"), "summary_zh": _l("Summary (Chinese)"),
        "stage": _l("Stage"), "archived_at": _l("Archived on"),
    })
    registry.add_value_labels("stage", STAGES)
    registry.add_record_names({"eu_cities": (City, "slug", "name"),
                               "china_cities": (City, "slug", "name")})
