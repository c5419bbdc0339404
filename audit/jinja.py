"""Jinja helpers used by ``templates/audit/_log.html``."""

from __future__ import annotations

from flask import Flask
from flask_babel import lazy_gettext as _l

from audit.diff import Jsonable, format_value
from audit.services import entries_for

ACTION_LABELS = {
    "created": _l("Created"),
    "changed": _l("Changed"),
    "cancelled": _l("Cancelled"),
    "deleted": _l("Deleted"),
}


def action_label(action: str) -> str:
    """Translated label of an audit action (unknown actions shown as stored)."""
    return str(ACTION_LABELS.get(action, action))


def field_label(name: str) -> str:
    """A readable field name: ``title_zh`` → ``Title (ZH)``, ``city_id`` → ``City``."""
    base, _, suffix = name.rpartition("_")
    if suffix in {"en", "zh"} and base:
        return f"{base.replace('_', ' ').capitalize()} ({suffix.upper()})"
    if suffix == "id" and base:
        return base.replace("_", " ").capitalize()
    return name.replace("_", " ").capitalize()


def audit_value(value: Jsonable) -> str:
    """Filter: a stored before/after value as text (escaped by Jinja afterwards)."""
    return format_value(value)


def init_app(app: Flask) -> None:
    """Register the helpers as Jinja globals and filters."""
    app.jinja_env.globals.update(
        audit_entries=entries_for,
        audit_action_label=action_label,
        audit_field_label=field_label,
    )
    app.jinja_env.filters["audit_value"] = audit_value
