"""Personal API tokens of the signed-in user: create (shown once), list, revoke."""

from __future__ import annotations

from flask import abort, flash, g, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.wrappers import Response

from accounts.forms import TokenForm
from accounts.models import ApiToken
from accounts.permissions import require
from accounts.services import create_token, revoke_token, tokens_of
from core.extensions import db


def _load_token(token_id: int) -> ApiToken | None:
    """The token of the URL (``None`` → 404), for ``@require(..., load=...)``."""
    return db.session.get(ApiToken, token_id)


@require("account.edit")
def tokens() -> Response:
    """List the user's tokens and create one; a new token's secret is on this answer only
    (never stored, never in the session), which the browser must not keep either."""
    form = TokenForm()
    created = secret = None
    if form.validate_on_submit():
        user = current_user._get_current_object()
        created, secret = create_token(user, form.name.data or "", form.scopes(), actor=user)
        form = TokenForm(formdata=None)
    response = Response(render_template("accounts/tokens.html", form=form, created=created,
                                        secret=secret, tokens=tokens_of(current_user)))
    response.headers["Cache-Control"] = "no-store"
    return response


@require("account.edit", load=_load_token)
def token_revoke(token_id: int) -> Response:
    """Revoke one of the user's tokens (another user's is a 404): requests made with it get
    401 from now on."""
    if g.target.user_id != current_user.id:
        abort(404)
    revoke_token(g.target, actor=current_user._get_current_object())
    flash(_("The token “%(name)s” was revoked.", name=g.target.name), "success")
    return redirect(url_for("accounts.tokens"))
