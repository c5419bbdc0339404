"""The package shape of issue #10: pure modules stay pure.

Each module in :data:`PURE_MODULES` holds logic with no need for the web or the database.
Importing it in a fresh interpreter must load no Flask, SQLAlchemy, Werkzeug or WTForms
module and no Helix view, blueprint or app module: add a module here when you write one,
and this test fails the day it gains such an import (directly or through another module).
"""

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

PURE_MODULES = [
    "accounts.headers",
    "accounts.policy",
    "audit.diff",
    "calendars.ical",
    "calendars.qr",
    "calendars.tz_rules",
    "calendars.vtimezone",
    "core.config",
    "core.timefmt",
    "delegates.agenda",
    "events.conflicts",
    "events.slots",
    "events.timezones",
    "events.workdays",
    "followup.filetypes",
    "invitations.attendance_import",
    "missions.itinerary",
    "programme.collation",
    "registrations.schedule",
]

FORBIDDEN_LIBRARIES = ("flask", "sqlalchemy", "werkzeug", "wtforms")
"""Top-level names whose modules (and ``flask_*`` extensions) a pure module never loads."""

PROBE = """
import importlib, json, sys
importlib.import_module(sys.argv[1])
print(json.dumps(sorted(sys.modules)))
"""


def forbidden(loaded: list[str]) -> list[str]:
    """The loaded modules a pure module must not pull in."""
    bad = []
    for name in loaded:
        top, _, rest = name.partition(".")
        parts = name.split(".")
        if top.startswith(FORBIDDEN_LIBRARIES) or name == "app":
            bad.append(name)
        elif (ROOT / top).is_dir() and ({"views", "blueprint"} & set(parts)):
            bad.append(name)
    return bad


@pytest.mark.parametrize("module", PURE_MODULES)
def test_pure_module_loads_no_web_or_database_code(module: str) -> None:
    result = subprocess.run([sys.executable, "-c", PROBE, module], cwd=ROOT,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr[-2000:]
    loaded = json.loads(result.stdout)
    assert module in loaded
    assert forbidden(loaded) == [], f"{module} loads {forbidden(loaded)}"


def test_the_check_catches_web_imports() -> None:
    """The probe itself can fail: a view module and Flask are reported."""
    assert forbidden(["events.slots", "flask", "flask_babel", "events.views.pages",
                      "core.blueprint", "json"]) == [
        "flask", "flask_babel", "events.views.pages", "core.blueprint"]
