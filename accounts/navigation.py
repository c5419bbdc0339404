"""The main navigation and the permission helper of the templates."""

from typing import Any

from flask_babel import lazy_gettext as _l
from flask_login import current_user

from accounts.permissions import can

#: Main navigation: (endpoint, label, action needed to see it).
NAV: list[tuple[str, Any, str]] = [
    ("core.home", _l("Programme"), "programme.view"),
    ("events.index", _l("Events"), "programme.view"),
    ("missions.index", _l("Missions"), "programme.view"),
    ("programme.cities", _l("Cities"), "programme.view"),
    ("programme.partnerships", _l("Partnerships"), "programme.view"),
    # The thematic clusters are managed by organisers and admins (others see them on pages).
    ("programme.themes", _l("Themes"), "themes.create"),
    ("participants.index", _l("Participants"), "participants.view"),
    ("reports.dashboard", _l("Dashboard"), "reports.view"),
    ("followup.actions", _l("Action items"), "followup.list"),
    ("accounts.users", _l("Users"), "users.list"),
]


def can_do(action: str, target: Any = None) -> bool:
    """Template helper: may the current user perform ``action``?"""
    return can(current_user, action, target)


def nav_items() -> list[tuple[str, Any]]:
    """The navigation entries the current user may see."""
    return [(endpoint, label) for endpoint, label, action in NAV
            if can(current_user, action)]
