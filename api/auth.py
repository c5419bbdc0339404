"""Who calls the API: a personal token (``Authorization: Bearer …``), else the session.

A bearer request is that token's user for this request only (no session is read or
written, no CSRF token needed); a session write needs the CSRF token (``X-CSRFToken``).
Writes need a signed-in caller, and a token's write scope.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, ParamSpec, TypeVar

from flask import current_app, g, request
from flask_babel import gettext as _
from flask_login import current_user
from flask_smorest import abort
from flask_wtf.csrf import CSRFError

from accounts.permissions import can
from accounts.services import token_bearer
from core.extensions import csrf

P = ParamSpec("P")
R = TypeVar("R")

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
CHALLENGE = 'Bearer realm="helix"'
INVALID_TOKEN = 'Bearer realm="helix", error="invalid_token"'
MAX_SECRET = 200
"""Longer bearer values are no token of ours: refused without a lookup."""


def unauthorized(challenge: str = CHALLENGE) -> None:
    """Abort with a 401 problem and the ``WWW-Authenticate`` challenge."""
    abort(401, message=_("Send a valid API token: Authorization: Bearer <token>."),
          headers={"WWW-Authenticate": challenge})


def authenticate() -> None:
    """``before_request`` of every API blueprint (see the module docstring)."""
    header = request.headers.get("Authorization")
    if header is not None:
        scheme, _sep, secret = header.strip().partition(" ")
        secret = secret.strip()
        found = (token_bearer(secret) if scheme.lower() == "bearer" and secret
                 and len(secret) <= MAX_SECRET else None)
        if found is None:
            unauthorized(INVALID_TOKEN)
        g._login_user, g.api_token = found  # Flask-Login's user of this request only
        if request.method in SAFE_METHODS:
            if not g.api_token.allows("read"):
                abort(403, message=_("This token may not read."))
        elif not g.api_token.allows("write"):
            abort(403, message=_("This token is read-only: create a read-and-write token "
                                 "on /account/tokens to change data."))
        return
    if request.method in SAFE_METHODS:
        return
    if not current_user.is_authenticated:
        unauthorized()
    if current_app.config.get("WTF_CSRF_ENABLED", True):
        try:
            csrf.protect()
        except CSRFError:
            abort(400, message=_("A write with the session needs its CSRF token "
                                 "(X-CSRFToken), so nothing was saved; scripts use a token."))


def guard(action: str, load: Callable[..., Any]) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Decorate an API write: ``load`` finds the target among what the caller may see
    (``None`` → 404), then the policy decides (403), as ``accounts.permissions.require``
    does for the pages; the target is left in ``g.target``."""

    def decorator(view: Callable[P, R]) -> Callable[P, R]:
        @wraps(view)
        def wrapped(*args: P.args, **kwargs: P.kwargs) -> R:
            target = load(**kwargs)
            if target is None:
                abort(404)
            if not can(current_user, action, target):
                abort(403)
            g.target = target
            return view(*args, **kwargs)

        wrapped.helix_action = action  # type: ignore[attr-defined]
        return wrapped

    return decorator
