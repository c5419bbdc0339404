"""Translatable labels for the enumerated values stored in the database."""

from typing import Any

from babel import Locale
from flask_babel import lazy_gettext as _l

from core.i18n import get_lang

EVENT_KINDS = {
    "delegation_meeting": _l("Delegation meeting"),
    "field_visit": _l("Field visit"),
    "webinar": _l("Webinar"),
    "cluster_meeting": _l("Cluster meeting"),
    "high_level_seminar": _l("High-level seminar / forum"),
    "business_matchmaking": _l("Business matchmaking"),
    "mou_signing": _l("MoU signing"),
    "workshop": _l("Workshop"),
    "other": _l("Other"),
}
EVENT_STATUSES = {
    "tentative": _l("Tentative"), "confirmed": _l("Confirmed"), "cancelled": _l("Cancelled"),
}
MISSION_KINDS = {
    "incoming": _l("Incoming delegation to Europe"),
    "outgoing": _l("Outgoing delegation to China"),
    "study_tour": _l("Study tour"),
    "online": _l("Online programme"),
}
MISSION_STATUSES = {
    "draft": _l("Draft"), "planned": _l("Planned"), "confirmed": _l("Confirmed"),
    "completed": _l("Completed"), "cancelled": _l("Cancelled"),
}
DELEGATION_ROLES = {
    "head": _l("Head of delegation"), "member": _l("Member"), "interpreter": _l("Interpreter"),
    "coordinator": _l("Coordinator"), "host": _l("Host contact"),
}
HELIX_ROLES = {
    "government": _l("Government"), "industry": _l("Industry"),
    "academia": _l("Academia / research"), "civil_society": _l("Civil society / media"),
}
SIDES = {"eu": _l("Europe"), "china": _l("China"), "international": _l("International"),
         "other": _l("Other")}
STAGES = {
    "aim": _l("Aim"), "commit": _l("Commit"), "partner": _l("Partner"), "plan": _l("Plan"),
    "do": _l("Do"), "measure": _l("Measure"), "act": _l("Act"), "replicate": _l("Replicate"),
}
INVITATION_STATUSES = {
    "invited": _l("Invited"), "accepted": _l("Accepted"), "tentative": _l("Tentative"),
    "declined": _l("Declined"), "attended": _l("Attended"), "no_show": _l("No-show"),
}
OUTCOME_KINDS = {
    "mou": _l("MoU"), "agreement": _l("Agreement"), "pilot_project": _l("Pilot project"),
    "joint_study": _l("Joint study"),
}
OUTCOME_STATUSES = {
    "planned": _l("Planned"), "signed": _l("Signed"), "in_progress": _l("In progress"),
    "completed": _l("Completed"),
}
WORKING_LANGUAGES = {
    "en": _l("English"), "zh": _l("Chinese"), "bilingual": _l("Bilingual with interpretation"),
}


def label(table: dict[str, Any], value: str | None) -> str:
    """The translated label of a stored value (the value itself if unknown)."""
    if value is None:
        return ""
    return str(table.get(value, value))


def choices(table: dict[str, Any]) -> list[tuple[str, Any]]:
    """WTForms choices from a label table."""
    return list(table.items())


def country_name(code: str | None) -> str:
    """The country's name in the page language, from CLDR (``CN`` → 中国)."""
    if not code:
        return ""
    return Locale.parse(get_lang()).territories.get(code.upper(), code)


def template_helpers() -> dict[str, Any]:
    """Jinja globals: ``event_kind_label(value)`` and friends."""
    tables = {
        "event_kind": EVENT_KINDS, "event_status": EVENT_STATUSES,
        "mission_kind": MISSION_KINDS, "mission_status": MISSION_STATUSES,
        "delegation_role": DELEGATION_ROLES, "helix_role": HELIX_ROLES, "side": SIDES,
        "stage": STAGES, "invitation_status": INVITATION_STATUSES,
        "outcome_kind": OUTCOME_KINDS, "outcome_status": OUTCOME_STATUSES,
        "working_language": WORKING_LANGUAGES,
    }
    helpers: dict[str, Any] = {
        f"{name}_label": (lambda value, _t=table: label(_t, value))
        for name, table in tables.items()
    }
    helpers["country_name"] = country_name
    return helpers
