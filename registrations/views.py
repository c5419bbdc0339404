"""Registration pages: the public form, the e-mail links, and the organisers' page."""

from __future__ import annotations

import csv
import io
from datetime import UTC
from typing import Any

from flask import Response, abort, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select
from werkzeug.wrappers import Response as BaseResponse

from accounts.permissions import can
from core.choices import select_choices
from core.errors import HelixError
from core.extensions import db
from events.models import Event
from organisations.models import Organisation
from programme.choices import city_choices
from registrations import services
from registrations.forms import ActionForm, RegisterForm, SettingsForm
from registrations.models import Registration
from registrations.tokens import read_token

CSV_COLUMNS = ("name", "name_zh", "email", "organisation", "helix_role", "language",
               "timezone", "status", "created_at", "confirmed_at")


def load_event(event_id: int, **_: Any) -> Event | None:
    """The event named in the URL."""
    return db.session.get(Event, event_id)


def load_registration(registration_id: int, **_: Any) -> Event | None:
    """The event of the registration named in the URL (permissions follow the event)."""
    registration = db.session.get(Registration, registration_id)
    if registration is None:
        return None
    g.registration = registration
    return registration.event


def _from_token(token: str, action: str) -> Registration:
    registration_id = read_token(token, action)
    registration = db.session.get(Registration, registration_id) if registration_id else None
    if registration is None:
        abort(404)
    return registration


def register(event_id: int) -> str | BaseResponse:
    """The public form: a honeypot, a rate limit, then a confirmation e-mail."""
    event = db.session.get(Event, event_id)
    settings = services.settings_for(event) if event else None
    if event is None or settings is None:
        abort(404)
    form = RegisterForm()
    form.city_id.choices = select_choices(city_choices())
    if not services.is_open(settings):
        return render_template("registrations/closed.html", event=event)
    if request.method == "GET" and not form.language.data:
        form.language.data = "zh" if request.accept_languages.best_match(["en", "zh"]) == "zh" \
            else "en"
    if form.validate_on_submit():
        if form.website.data:  # a bot filled the hidden field: pretend all went well
            return render_template("registrations/check_mail.html", event=event)
        try:
            services.register(event, {name: getattr(form, name).data for name in (
                "name", "name_zh", "email", "organisation", "city_id", "helix_role",
                "language", "timezone")})
        except HelixError as error:
            flash(str(error), "danger")
        else:
            return render_template("registrations/check_mail.html", event=event)
    organisations = db.session.scalars(select(Organisation.name_en)
                                       .order_by(Organisation.name_en)).all()
    return render_template("registrations/register.html", event=event, form=form,
                           settings=settings, organisations=organisations)


def _link_page(token: str, action: str) -> str | BaseResponse:
    registration = _from_token(token, action)
    form = ActionForm()
    if request.method == "POST" and form.validate_on_submit():
        try:
            (services.confirm if action == "confirm" else services.cancel)(registration)
        except HelixError as error:
            flash(str(error), "danger")
    return render_template("registrations/link.html", registration=registration,
                           action=action, form=form)


def confirm(token: str) -> str | BaseResponse:
    """The confirmation link: a page with one button (a GET never writes)."""
    return _link_page(token, "confirm")


def cancel(token: str) -> str | BaseResponse:
    """The cancel link of the confirmation e-mail."""
    return _link_page(token, "cancel")


def manage(event_id: int) -> str | BaseResponse:
    """Organisers: the settings and the registrants."""
    event = g.target
    settings = services.settings_for(event)
    form = SettingsForm(obj=settings)
    if form.validate_on_submit():
        data = {name: getattr(form, name).data for name in (
            "open", "capacity", "waiting_list", "approval_required", "deadline",
            "reminder_hours")}
        if data["deadline"] is not None:  # typed as UTC
            data["deadline"] = data["deadline"].replace(tzinfo=UTC)
        try:
            services.save_settings(current_user, event, data)
        except HelixError as error:
            form[error.field or "open"].errors = [str(error)]
        else:
            flash(_("Registration settings saved."), "success")
            return redirect(url_for("registrations.manage", event_id=event.id))
    registrants = db.session.scalars(select(Registration).where(
        Registration.event_id == event.id).order_by(Registration.created_at)).all()
    return render_template("registrations/manage.html", event=event, form=form,
                           settings=settings, registrants=registrants, action=ActionForm())


def approve(registration_id: int) -> BaseResponse:
    """Organisers approve a pending or waiting registrant."""
    registration = g.registration
    if ActionForm().validate_on_submit():
        try:
            services.approve(current_user, registration)
        except HelixError as error:
            flash(str(error), "danger")
    return redirect(url_for("registrations.manage", event_id=registration.event_id))


def export(event_id: int) -> Response:
    """The registrants as CSV (UTF-8 with a BOM, so Excel opens Chinese names)."""
    rows = db.session.scalars(select(Registration).where(
        Registration.event_id == event_id).order_by(Registration.created_at)).all()
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    for row in rows:
        writer.writerow([_cell(getattr(row, column)) for column in CSV_COLUMNS])
    return Response("\ufeff" + buffer.getvalue(), mimetype="text/csv", headers={
        "Content-Disposition": f"attachment; filename=registrations-{event_id}.csv"})


def _cell(value: object) -> str:
    """A CSV cell that spreadsheets do not run as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def panel_helpers() -> dict[str, Any]:
    """``registration_panel(event)``: whether the form is open and the viewer manages it."""

    def registration_panel(event: Event) -> dict[str, bool]:
        return {"open": services.is_open(services.settings_for(event)),
                "manage": can(current_user, "registrations.edit", event)}

    return {"registration_panel": registration_panel}
