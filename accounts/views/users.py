"""Administrators manage users: list, create (with a one-time random password), edit."""

from __future__ import annotations

from flask import abort, flash, make_response, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select
from werkzeug.wrappers import Response

from accounts.models import User
from accounts.passwords import generate_password
from accounts.permissions import require
from accounts.services import AccountExistsError, create_user, update_user
from accounts.user_forms import UserForm
from core.extensions import db
from core.integrity import show_error
from core.once import claim


@require("users.list")
def users() -> str:
    """Every user with role, city and linked participant."""
    rows = db.session.scalars(select(User).order_by(User.email)).all()
    return render_template("accounts/users.html", users=rows)


def _user_page(user: User) -> str:
    return url_for("accounts.user_edit", user_id=user.id)


@require("users.create")
def user_new() -> str | Response:
    """Create a user; the random first password is shown once, on this page."""
    form = UserForm()
    if (earlier := claim(form, User, _user_page)) is not None:
        return earlier  # the password was shown once, to the first submit
    if form.validate_on_submit():
        password = generate_password()
        try:
            user = create_user(form.email.data or "", password, form.role.data or "delegate",
                               actor=current_user._get_current_object(),
                               city_id=form.city_id.data,
                               participant_id=form.participant_id.data,
                               active=form.active.data)
        except AccountExistsError as error:  # created by a parallel request meanwhile
            show_error(form, error)
            return render_template("accounts/user_form.html", form=form, user=None)
        page = make_response(render_template("accounts/user_created.html", user=user,
                                             password=password))
        page.headers["Cache-Control"] = "no-store"
        return page
    return render_template("accounts/user_form.html", form=form, user=None)


@require("users.edit")
def user_edit(user_id: int) -> str | Response:
    """Change a user's e-mail, role, city, participant or active flag."""
    user = db.session.get(User, user_id)
    if user is None:
        abort(404)
    form = UserForm(obj=user, editing_id=user.id)
    if form.validate_on_submit():
        if user.id == current_user.id and (form.role.data != "admin" or not form.active.data):
            flash(_("You cannot remove your own administrator rights."), "danger")
        else:
            update_user(user, actor=current_user._get_current_object(),
                        email=form.email.data, role=form.role.data, city_id=form.city_id.data,
                        participant_id=form.participant_id.data, active=form.active.data)
            flash(_("User saved."), "success")
            return redirect(url_for("accounts.users"))
    return render_template("accounts/user_form.html", form=form, user=user)
