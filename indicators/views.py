"""The indicator pages: the catalogue, and a partnership's recorded and counted values."""

from __future__ import annotations

from typing import Any

from flask import flash, g, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select
from werkzeug.wrappers import Response as BaseResponse

from accounts.permissions import can, require
from core.choices import select_choices
from core.errors import HelixError
from core.extensions import db
from core.i18n import get_lang
from core.labels import HELIX_ROLES
from indicators.catalogue import BY_CODE, CATALOGUE
from indicators.forms import ValueForm
from indicators.models import IndicatorValue
from indicators.queries import counted, people_by_role
from indicators.services import record_value
from programme.models import Partnership


def load_partnership(partnership_id: int, **_: Any) -> Partnership | None:
    """The partnership named in the URL."""
    return db.session.get(Partnership, partnership_id)


def _name(code: str) -> str:
    item = BY_CODE[code]
    return item.name_zh if get_lang() == "zh" else item.name_en


@require("indicators.index")
def index() -> str:
    """The catalogue of indicators."""
    return render_template("indicators/index.html", catalogue=CATALOGUE,
                           zh=get_lang() == "zh")


def _form() -> ValueForm:
    form = ValueForm()
    form.code.choices = select_choices((i.code, _name(i.code)) for i in CATALOGUE)
    return form


def _values(partnership_id: int) -> list[IndicatorValue]:
    return list(db.session.scalars(select(IndicatorValue).where(
        IndicatorValue.partnership_id == partnership_id).order_by(
            IndicatorValue.year, IndicatorValue.code)))


def partnership_summary(partnership: Partnership) -> dict[str, Any] | None:
    """The partnership page's indicators (recorded values, distinct people per helix role),
    or None for those who may not see them (three queries)."""
    if not can(current_user, "indicators.view", partnership):
        return None
    return {"values": _values(partnership.id), "roles": people_by_role(partnership.id),
            "name": _name, "role_labels": HELIX_ROLES}


def _page(form: ValueForm) -> str:
    partnership_id = g.target.id
    values = _values(partnership_id)
    roles = people_by_role(partnership_id)
    chart = {"type": "bar", "labels": [str(HELIX_ROLES.get(r, r)) for r in roles],
             "datasets": [{"label": _("People"), "data": list(roles.values())}]}
    return render_template("indicators/partnership.html", partnership=g.target, form=form,
                           values=values, name=_name, counts=counted(partnership_id),
                           roles=roles, role_labels=HELIX_ROLES, chart=chart)


@require("indicators.view", load=load_partnership)
def partnership(partnership_id: int) -> str:
    """Recorded values beside the counted ones, a chart, and the form to record one."""
    return _page(_form())


@require("indicators.record", load=load_partnership)
def record(partnership_id: int) -> str | BaseResponse:
    """Record one value for the partnership."""
    form = _form()
    if form.validate_on_submit():
        try:
            record_value(current_user, partnership_id, form.data)
        except HelixError as error:
            form.code.errors = [*form.code.errors, str(error)]
        else:
            flash(_("Value recorded."), "success")
            return redirect(url_for("indicators.partnership", partnership_id=partnership_id))
    return _page(form)
