"""Signed links in registration e-mails (itsdangerous): confirm, and cancel."""

from __future__ import annotations

from flask import current_app
from itsdangerous import BadSignature, URLSafeTimedSerializer

SALT = "helix-registration"
#: A confirmation link works for a week; a cancel link as long as the event is ahead.
CONFIRM_MAX_AGE = 7 * 24 * 3600


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.secret_key or "", salt=SALT)


def make_token(registration_id: int, action: str) -> str:
    """A token naming registration ``registration_id`` and ``action`` (confirm, cancel)."""
    return _serializer().dumps({"r": registration_id, "a": action})


def read_token(token: str, action: str) -> int | None:
    """The registration id in ``token`` when it is genuine, for ``action`` and not expired."""
    max_age = CONFIRM_MAX_AGE if action == "confirm" else None
    try:
        data = _serializer().loads(token, max_age=max_age)
    except BadSignature:
        return None
    if not isinstance(data, dict) or data.get("a") != action or not isinstance(data.get("r"), int):
        return None
    return int(data["r"])
