"""Template helpers of the mission pages: visa and travel labels, bilingual print labels."""

from __future__ import annotations

from typing import Any

from flask_babel import force_locale

from core import labels
from missions.forms import TRAVEL_MODES, VISA_STATUSES

TABLES: dict[str, dict[str, Any]] = {
    "event_kind": labels.EVENT_KINDS,
    "delegation_role": labels.DELEGATION_ROLES,
    "travel_mode": TRAVEL_MODES,
}


def both_languages(table: str, value: str) -> tuple[str, str]:
    """The label of a stored value in English and in Chinese."""
    result = []
    for lang in ("en", "zh"):
        with force_locale(lang):
            result.append(labels.label(TABLES[table], value))
    return result[0], result[1]


def both_texts(obj: Any, field: str) -> tuple[str, str]:
    """``<field>_en`` and ``<field>_zh`` of an object (either may be empty)."""
    return getattr(obj, f"{field}_en", None) or "", getattr(obj, f"{field}_zh", None) or ""


def visa_status_label(value: str | None) -> str:
    """The translated label of an invitation-letter / visa status."""
    return labels.label(VISA_STATUSES, value)


def travel_mode_label(value: str | None) -> str:
    """The translated label of a travel mode."""
    return labels.label(TRAVEL_MODES, value)
