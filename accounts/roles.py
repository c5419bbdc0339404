"""Translated names of the roles, for pages and forms."""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l

ROLE_LABELS: dict[str, Any] = {
    "admin": _l("Administrator"),
    "organiser": _l("Organiser"),
    "city_staff": _l("City staff"),
    "delegate": _l("Delegate"),
}


def role_label(role: str | None) -> str:
    """The translated name of ``role`` (the value itself when unknown)."""
    if role is None:
        return ""
    return str(ROLE_LABELS.get(role, role))
