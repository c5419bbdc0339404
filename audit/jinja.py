"""Jinja helpers used by ``templates/audit/_log.html``."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from flask import Flask, g
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from audit.diff import Jsonable, format_value
from audit.services import entries_for
from core import labels
from core.extensions import db
from core.i18n import get_lang, localized
from core.registry import current_registry
from core.templating import local_date, local_time
from core.viewer import viewer_timezone

ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
ISO_INSTANT = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?[+-]\d{2}:\d{2}")

ACTION_LABELS = {
    "created": _l("Created"),
    "changed": _l("Changed"),
    "cancelled": _l("Cancelled"),
    "deleted": _l("Deleted"),
}


def action_label(action: str) -> str:
    """Translated label of an audit action (unknown actions shown as stored)."""
    return str(ACTION_LABELS.get(action, action))


FIELD_LABELS = {
    "address": _l("Address"),
    "arrival_timezone": _l("Arrival time zone"),
    "arrives_at": _l("Arrival"),
    "carrier": _l("Carrier"),
    "check_in": _l("Check-in"),
    "check_out": _l("Check-out"),
    "cities": _l("Participating cities"),
    "city": _l("City"),
    "city_id": _l("City"),
    "date_note_en": _l("Note on the date (English)"),
    "date_note_zh": _l("Note on the date (Chinese)"),
    "departs_at": _l("Departure"),
    "departure_timezone": _l("Departure time zone"),
    "description_en": _l("Description (English)"),
    "description_zh": _l("Description (Chinese)"),
    "dial_in": _l("Dial-in"),
    "end_date": _l("Last day"),
    "ends_at": _l("End"),
    "from_city_id": _l("From"),
    "hotel": _l("Hotel"),
    "hybrid": _l("Hybrid"),
    "join_url": _l("Join link"),
    "kind": _l("Kind"),
    "language": _l("Working language"),
    "letter_requested_on": _l("Letter requested on"),
    "letter_sent_on": _l("Letter sent on"),
    "mission_id": _l("Mission"),
    "mode": _l("Mode"),
    "note": _l("Note"),
    "number": _l("Flight / train number"),
    "objectives_en": _l("Objectives (English)"),
    "objectives_zh": _l("Objectives (Chinese)"),
    "online": _l("Online"),
    "participant_id": _l("Participant"),
    "partnership_id": _l("Partnership"),
    "platform": _l("Platform"),
    "reported_attendance": _l("Participants reported"),
    "role": _l("Role"),
    "start_date": _l("First day"),
    "starts_at": _l("Start"),
    "status": _l("Status"),
    "theme_id": _l("Theme"),
    "themes": _l("Themes"),
    "timezone": _l("Time zone"),
    "title_en": _l("Title (English)"),
    "title_zh": _l("Title (Chinese)"),
    "to_city_id": _l("To"),
    "uid": _l("Calendar UID"),
    "venue": _l("Venue / address"),
    "visa_issued_on": _l("Visa issued on"),
    "visa_status": _l("Invitation letter / visa"),
    "visibility": _l("Visibility"),
}
"""Translated names of the fields of events, missions, delegations, legs and stays.
Instants are shown in the viewer's zone (with its label), so their names say no zone."""


def _value_tables() -> dict[str, dict[str, Any]]:
    """Labels of coded values: the shared ones of ``core.labels`` and those the domains
    registered (``Registry.add_value_labels``)."""
    tables: dict[str, dict[str, Any]] = {
        "kind": {**labels.OUTCOME_KINDS, **labels.EVENT_KINDS, **labels.MISSION_KINDS},
        "status": {**labels.INVITATION_STATUSES, **labels.EVENT_STATUSES,
                   **labels.MISSION_STATUSES, **labels.OUTCOME_STATUSES},
        "role": labels.DELEGATION_ROLES,
        "helix_role": labels.HELIX_ROLES,
        "language": labels.WORKING_LANGUAGES,
    }
    for name, table in current_registry().value_labels.items():
        tables[name] = {**tables.get(name, {}), **table}
    return tables


def field_label(name: str, object_type: str | None = None) -> str:
    """The translated name of a known field; otherwise a readable one made from the
    column name: ``title_zh`` → ``Title (ZH)``, ``city_id`` → ``City``."""
    if name == "cities" and object_type == "mission":
        return str(_l("Cities visited"))
    registered = current_registry().field_labels
    if name in registered:
        return str(registered[name])
    if name in FIELD_LABELS:
        return str(FIELD_LABELS[name])
    base, _, suffix = name.rpartition("_")
    if suffix in {"en", "zh"} and base:
        return f"{base.replace('_', ' ').capitalize()} ({suffix.upper()})"
    if suffix == "id" and base:
        return base.replace("_", " ").capitalize()
    return name.replace("_", " ").capitalize()


def _record_names(name: str) -> tuple[Any, str, str] | None:
    """(model, key column, field to show) of the records that field ``name`` refers to, as
    the domains registered them (``Registry.add_record_names``)."""
    return current_registry().record_names.get(name)


def _named(value: Jsonable, name: str) -> str | None:
    """Ids and slugs of cities, themes and missions as their names in the page's language.
    Each kind of record is loaded once per request, so a long history costs no more queries."""
    target = _record_names(name)
    keys = value if isinstance(value, list) else [value]
    if target is None or not keys or value is None:
        return None
    model, key, field = target
    cache = g.setdefault("audit_names", {})
    slot = (model, key, get_lang())
    if slot not in cache:
        cache[slot] = {getattr(row, key): localized(row, field)[0]
                       for row in db.session.scalars(select(model))}
    found = cache[slot]
    return ", ".join(found.get(k, str(k)) for k in keys)  # type: ignore[call-overload]


def audit_value(value: Jsonable, name: str | None = None) -> str:
    """Filter: a stored before/after value as text (escaped by Jinja afterwards); coded
    values of field ``name`` (kind, status, role, …) in the page's language."""
    named = _named(value, name or "")
    if named is not None:
        return named
    table = _value_tables().get(name or "")
    if table is not None and isinstance(value, str) and value in table:
        return str(table[value])
    if isinstance(value, str) and ISO_DATE.fullmatch(value):
        return local_date(dt.date.fromisoformat(value))
    if isinstance(value, str) and ISO_INSTANT.fullmatch(value):
        return local_time(dt.datetime.fromisoformat(value), viewer_timezone(), "short")
    return format_value(value)


def init_app(app: Flask) -> None:
    """Register the helpers as Jinja globals and filters."""
    app.jinja_env.globals.update(
        audit_entries=entries_for,
        audit_action_label=action_label,
        audit_field_label=field_label,
    )
    app.jinja_env.filters["audit_value"] = audit_value
