"""Sign-in, sign-out, the account page with one's own settings, and password change."""

from __future__ import annotations

import hmac

from flask import current_app, flash, redirect, render_template, request, url_for
from flask_babel import force_locale
from flask_babel import gettext as _
from flask_login import current_user, login_user, logout_user
from werkzeug.wrappers import Response

from accounts.forms import LoginForm, PasswordChangeForm, SettingsForm
from accounts.models import User
from accounts.passwords import MIN_LENGTH, verify_password
from accounts.permissions import require
from accounts.security import limiter
from accounts.services import authenticate, record_sign_in, set_password, update_user
from core.extensions import db
from core.fields import query_id
from core.i18n import get_lang, keep_language
from core.safe_url import safe_local_url
from core.timefmt import common_zones


def load_user(user_id: str) -> User | None:
    """Flask-Login: the user of a session cookie (``<id>:<password fingerprint>``).

    Sessions of deactivated users and sessions from before a password change are refused.
    """
    raw_id, _, fingerprint = user_id.partition(":")
    user_key = query_id(raw_id)
    user = db.session.get(User, user_key) if user_key is not None else None
    if user is None or not user.is_active:
        return None
    if not hmac.compare_digest(fingerprint, user.session_fingerprint()):
        return None
    return user


def _safe_next(target: str | None) -> str:
    """Only same-site paths are followed after sign-in (no open redirect)."""
    return safe_local_url(target, url_for("core.home"))


def _login_limit() -> str:
    return current_app.config.get("HELIX_LOGIN_LIMIT", "10 per minute; 50 per hour")


def _account_limit() -> str:
    return current_app.config.get("HELIX_LOGIN_ACCOUNT_LIMIT", "10 per 15 minutes")


def _submitted_email() -> str:
    # Bounded: the key is stored with the hit (a 100 KB "address" was a 500 on PostgreSQL).
    return (request.form.get("email") or "").strip().lower()[:200] or "-"


def _failed(response: Response) -> bool:
    """Only failed sign-ins (the form shown again) count against the limits."""
    return response.status_code != 302


@limiter.limit(_login_limit, methods=["POST"], deduct_when=_failed)
@limiter.limit(_account_limit, methods=["POST"], key_func=_submitted_email,
               deduct_when=_failed, scope="login-account")
def login() -> str | Response:
    """Show the sign-in form and sign the user in."""
    form = LoginForm()
    if form.validate_on_submit():
        user = authenticate(form.email.data or "", form.password.data or "")
        if user is not None and login_user(user):
            record_sign_in(user)
            return redirect(_safe_next(request.args.get("next")))
        flash(_("E-mail or password is not right."), "danger")
    return render_template("accounts/login.html", form=form)


def logout() -> Response:
    """Sign out (POST only, with CSRF), ending the session on the server too: a copy of
    the cookie made before stops working (every session of the user ends)."""
    if current_user.is_authenticated:
        current_user.end_sessions()
        db.session.commit()
    logout_user()
    return redirect(url_for("core.home"))


def _account_page(form: SettingsForm) -> str:
    return render_template("accounts/account.html", settings_form=form,
                           zone_names=common_zones())


@require("account.view")
def account() -> str:
    """The signed-in user's account: role, city, participant, links, own settings."""
    user = current_user._get_current_object()
    return _account_page(SettingsForm(language=user.language or "",
                                      timezone=user.timezone or ""))


@require("account.edit")
def settings() -> str | Response:
    """Save one's own interface language and time zone (empty: as the browser says)."""
    form = SettingsForm()
    if not form.validate_on_submit():
        return _account_page(form)
    user = current_user._get_current_object()
    language, zone = form.language.data or None, form.timezone.data or None
    update_user(user, actor=user, language=language, timezone=zone)
    with force_locale(language or get_lang()):
        flash(_("Your settings were saved."), "success")
    # The language cookie (set by the language switch) would outrank the saved choice.
    return keep_language(redirect(url_for("accounts.account")), language)


@require("account.edit")
@limiter.limit("10 per hour", methods=["POST"], key_func=lambda: str(current_user.get_id()),
               deduct_when=_failed, scope="password")
def password() -> str | Response:
    """Change one's own password (the current one is asked for first)."""
    form = PasswordChangeForm(email=current_user.email)
    if form.validate_on_submit():
        user = current_user._get_current_object()
        if verify_password(user.password_hash, form.current_password.data or ""):
            set_password(user, form.new_password.data or "")
            login_user(user)
            flash(_("Your password was changed."), "success")
            return redirect(url_for("accounts.account"))
        form.current_password.errors.append(_("The current password is not right."))
    return render_template("accounts/password.html", form=form, min_length=MIN_LENGTH)
