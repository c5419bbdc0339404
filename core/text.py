"""Pure text checks shared by every form: control characters, length limits, numbers.

No Flask, no SQLAlchemy: :mod:`core.form_helpers` applies them to form fields.
"""

from __future__ import annotations

SINGLE_LINE_LIMIT = 200
"""Characters allowed in a single-line field that maps to no column."""
TEXT_LIMIT = 20_000
"""Characters allowed in a text area or a ``Text`` column."""
LINK_LIMIT = 500
"""Characters allowed in a join link."""

_MULTILINE_ALLOWED = frozenset("\t\n\r")


def control_characters(text: str, multiline: bool = False) -> list[str]:
    """The C0 control characters of ``text`` (in order, repeated as found); a multi-line
    text may hold tabs and line breaks."""
    return [char for char in text
            if ord(char) < 0x20 and not (multiline and char in _MULTILINE_ALLOWED)]


def has_control_characters(text: str | None, multiline: bool = False) -> bool:
    """True when ``text`` holds a control character it may not hold."""
    return bool(text) and bool(control_characters(text or "", multiline))


def too_long(text: str | None, limit: int) -> bool:
    """True when ``text`` has more than ``limit`` characters."""
    return text is not None and len(text) > limit


def default_limit(multiline: bool, name: str = "") -> int:
    """The limit of a field that maps to no column: a text area's, a join link's or a
    single-line field's."""
    if multiline:
        return TEXT_LIMIT
    if name.endswith(("join_url", "join_link")):
        return LINK_LIMIT
    return SINGLE_LINE_LIMIT


def whole_number(text: str | None, maximum: int) -> int | None:
    """``text`` as a whole number from 0 to ``maximum``, or None: only ASCII digits count
    (``"²".isdigit()`` is true but ``int("²")`` fails) and a long string is refused before
    ``int`` (which refuses more than 4,300 digits with an error)."""
    text = (text or "").strip()
    if not text.isascii() or not text.isdigit() or len(text) > len(str(maximum)):
        return None
    number = int(text)
    return number if number <= maximum else None
