"""Check iCalendar bytes with tools we did not write, and at the byte level.

Used by the tests (and handy from a shell): :func:`byte_problems` looks at the raw bytes,
:func:`parse_with_icaljs` runs Mozilla's ical.js under Node
(``tests/calendars/js/check.mjs``),
:func:`parse_with_vobject` uses vobject, and :func:`libical_problems` runs libical's
restriction checker through GObject introspection when it is installed.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

JS_DIR = Path(__file__).parent / "js"
MAX_OCTETS = 75

_LIBICAL_SCRIPT = r"""
import json, sys
import gi
gi.require_version("ICalGLib", "3.0")
from gi.repository import ICalGLib
comp = ICalGLib.Component.new_from_string(sys.stdin.read())
if comp is None:
    print(json.dumps(["libical could not parse the input"]))
    sys.exit(0)
ICalGLib.restriction_check(comp)
text = comp.as_ical_string().replace("\r\n ", "").replace("\n ", "")
print(json.dumps([line for line in text.splitlines() if line.startswith("X-LIC-ERROR")]))
"""


def byte_problems(data: bytes) -> list[str]:
    """What is wrong with ``data`` as a serialised iCalendar object (empty list if nothing).

    Checks: no BOM, strict UTF-8, CRLF line endings only, at most 75 octets per physical
    line, no folding inside a multi-byte character (every physical line decodes on its
    own), BEGIN:VCALENDAR first and END:VCALENDAR last.
    """
    problems: list[str] = []
    if data.startswith(b"\xef\xbb\xbf"):
        problems.append("starts with a UTF-8 BOM")
    try:
        data.decode("utf-8", errors="strict")
    except UnicodeDecodeError as error:
        problems.append(f"not valid UTF-8: {error}")
    if not data.endswith(b"\r\n"):
        problems.append("does not end with CRLF")
    lines = data.split(b"\r\n")
    if lines and lines[-1] == b"":
        lines.pop()
    for number, line in enumerate(lines, start=1):
        if b"\n" in line or b"\r" in line:
            problems.append(f"line {number}: bare CR or LF")
        if len(line) > MAX_OCTETS:
            problems.append(f"line {number}: {len(line)} octets")
        try:
            line.decode("utf-8", errors="strict")
        except UnicodeDecodeError:
            problems.append(f"line {number}: folded inside a character")
    if not lines or lines[0] != b"BEGIN:VCALENDAR":
        problems.append("does not start with BEGIN:VCALENDAR")
    if not lines or lines[-1] != b"END:VCALENDAR":
        problems.append("does not end with END:VCALENDAR")
    return problems


def node_available() -> bool:
    """True when Node and the installed ical.js package are both there."""
    return shutil.which("node") is not None and (JS_DIR / "node_modules" / "ical.js").is_dir()


def parse_with_icaljs(data: bytes) -> dict[str, Any]:
    """What ical.js makes of ``data``: method, name, timezones and events (UTC times).

    Raises ``RuntimeError`` when ical.js rejects the data.
    """
    node = shutil.which("node")
    if node is None:
        raise RuntimeError("node is not installed")
    result = subprocess.run(
        [node, str(JS_DIR / "check.mjs")],
        input=data,
        capture_output=True,
        cwd=JS_DIR,
        timeout=60,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"ical.js: {result.stdout!r} {result.stderr!r}")
    return json.loads(result.stdout)


def parse_with_vobject(data: bytes) -> Any:
    """The calendar as vobject reads it (strict: ``validate()`` is run)."""
    import vobject

    component = vobject.readOne(data.decode("utf-8"))
    component.validate()
    return component


def _libical_python() -> str | None:
    """An interpreter that can import libical's introspection data, if any."""
    for candidate in (sys.executable, "/usr/bin/python3"):
        if not Path(candidate).exists():
            continue
        probe = subprocess.run(
            [
                candidate,
                "-c",
                "import gi; gi.require_version('ICalGLib', '3.0'); "
                "from gi.repository import ICalGLib",
            ],
            capture_output=True,
            timeout=30,
            check=False,
        )
        if probe.returncode == 0:
            return candidate
    return None


def libical_available() -> bool:
    """True when libical's GObject bindings can be imported."""
    return _libical_python() is not None


def libical_problems(data: bytes) -> list[str]:
    """The X-LIC-ERROR lines libical's parser and restriction checker add to ``data``."""
    python = _libical_python()
    if python is None:
        raise RuntimeError("libical GObject bindings are not installed")
    result = subprocess.run(
        [python, "-c", _LIBICAL_SCRIPT],
        input=data,
        capture_output=True,
        timeout=60,
        check=True,
    )
    return json.loads(result.stdout)
