"""Managing the reference data: create and edit cities and themes, archive and restore them
(the writes are ``programme.reference_services``); the themes list."""

from __future__ import annotations

from typing import Any

from flask import flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select
from werkzeug.wrappers import Response as BaseResponse

from accounts.permissions import require
from core.errors import HelixError
from core.extensions import db
from core.once import claim
from programme.city_forms import CityForm, SlugForm, ThemeForm
from programme.models import City, Theme
from programme.reference_services import save_city, save_theme, set_archived
from programme.sorting import by_name


def load_city(slug: str, **_: Any) -> City | None:
    """The city named in the URL."""
    return db.session.scalar(select(City).where(City.slug == slug))


def load_theme(slug: str, **_: Any) -> Theme | None:
    """The theme named in the URL."""
    return db.session.scalar(select(Theme).where(Theme.slug == slug))


def show_archived() -> bool:
    """Whether a list page was asked to include archived records (``?archived=1``)."""
    return request.args.get("archived") == "1"


def _refused(form: SlugForm, error: HelixError) -> None:
    """Show a refused write next to its field (the slug when it names none)."""
    field = form[error.field] if error.field in form else form.slug
    field.errors = [*field.errors, str(error)]


def _city_url(city: City) -> str:
    return url_for("programme.city", slug=city.slug)


def _themes_url(_theme: Theme | None) -> str:
    return url_for("programme.themes")


def _city_page(city: City | None) -> str | BaseResponse:
    form = CityForm(obj=city)
    if city is None and (earlier := claim(form, City, _city_url)) is not None:
        return earlier
    if form.validate_on_submit():
        try:
            saved = save_city(current_user, city, form.data)
        except HelixError as error:
            _refused(form, error)
        else:
            flash(_("City saved."), "success")
            return redirect(_city_url(saved))
    return render_template("programme/city_form.html", form=form, city=city)


@require("cities.create")
def city_create() -> str | BaseResponse:
    """Add a city to the programme."""
    return _city_page(None)


@require("cities.edit", load=load_city)
def city_edit(slug: str) -> str | BaseResponse:
    """Change a city's profile (its own staff may, too)."""
    return _city_page(g.target)


@require("cities.archive", load=load_city)
def city_archive(slug: str) -> BaseResponse:
    """Take a city out of the choice lists; its events and history stay."""
    set_archived(current_user, g.target, True)
    flash(_("City archived: it is no longer offered in forms."), "success")
    return redirect(url_for("programme.city", slug=slug))


@require("cities.archive", load=load_city)
def city_restore(slug: str) -> BaseResponse:
    """Offer an archived city in the choice lists again."""
    set_archived(current_user, g.target, False)
    flash(_("City restored."), "success")
    return redirect(url_for("programme.city", slug=slug))


def themes() -> str:
    """The thematic clusters with their goals, sorted in the page's language."""
    query = select(Theme)
    if not show_archived():
        query = query.where(Theme.archived_at.is_(None))
    return render_template("programme/themes.html", themes=by_name(db.session.scalars(query)),
                           archived=show_archived())


def _theme_page(theme: Theme | None) -> str | BaseResponse:
    form = ThemeForm(obj=theme)
    if theme is None and (earlier := claim(form, Theme, _themes_url)) is not None:
        return earlier
    if form.validate_on_submit():
        try:
            save_theme(current_user, theme, form.data)
        except HelixError as error:
            _refused(form, error)
        else:
            flash(_("Theme saved."), "success")
            return redirect(_themes_url(theme))
    return render_template("programme/theme_form.html", form=form, theme=theme)


@require("themes.create")
def theme_create() -> str | BaseResponse:
    """Add a theme."""
    return _theme_page(None)


@require("themes.edit", load=load_theme)
def theme_edit(slug: str) -> str | BaseResponse:
    """Change a theme."""
    return _theme_page(g.target)


@require("themes.archive", load=load_theme)
def theme_archive(slug: str) -> BaseResponse:
    """Take a theme out of the choice lists."""
    set_archived(current_user, g.target, True)
    flash(_("Theme archived: it is no longer offered in forms."), "success")
    return redirect(url_for("programme.themes", archived=1))


@require("themes.archive", load=load_theme)
def theme_restore(slug: str) -> BaseResponse:
    """Offer an archived theme in the choice lists again."""
    set_archived(current_user, g.target, False)
    flash(_("Theme restored."), "success")
    return redirect(url_for("programme.themes"))
