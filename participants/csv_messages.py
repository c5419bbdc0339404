"""Localised wording of CSV import problems (participants, organisations, webinar attendance;
the pure parsers only return codes)."""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l

from core.form_helpers import CONTROL_MESSAGE
from participants.csv_common import Problem, RowError

COLUMN_LABELS: dict[str, Any] = {
    "name": _l("Name"), "name_zh": _l("Chinese name"), "name_en": _l("Name (English)"),
    "email": _l("E-mail"), "organisation": _l("Organisation"), "position": _l("Position"),
    "helix_role": _l("Helix role"), "city": _l("City"), "language": _l("Preferred language"),
    "timezone": _l("Time zone"),
}

MESSAGES: dict[Problem, Any] = {
    Problem.NOT_TEXT: _l("The file is not CSV text in UTF-8, UTF-16 or GB18030. In Excel "
                         "choose “CSV UTF-8” when saving."),
    Problem.EMPTY_FILE: _l("The file is empty."),
    Problem.TOO_LARGE: _l("The file is larger than %(limit)s bytes."),
    Problem.TOO_MANY_ROWS: _l("The file has more than %(limit)s rows; split it."),
    Problem.MISSING_COLUMN: _l("The column “%(column)s” is missing from the first line."),
    Problem.EXTRA_CELLS: _l("This row has more cells than the header."),
    Problem.MISSING_NAME: _l("The name is missing."),
    Problem.MISSING_EMAIL: _l("The e-mail address is missing."),
    Problem.INVALID_EMAIL: _l("“%(value)s” is not a valid e-mail address."),
    Problem.UNKNOWN_CITY: _l("Unknown city “%(value)s”."),
    Problem.UNKNOWN_HELIX_ROLE: _l("Unknown helix role “%(value)s”: use government, "
                                   "industry, academia or civil society."),
    Problem.MISSING_HELIX_ROLE: _l("The helix role is missing (and no organisation gives one)."),
    Problem.UNKNOWN_ORGANISATION: _l("Unknown organisation “%(value)s”: add it first or "
                                     "import organisations before participants."),
    Problem.UNKNOWN_LANGUAGE: _l("Unknown language “%(value)s”: use en or zh."),
    Problem.UNKNOWN_TIMEZONE: _l("Unknown time zone “%(value)s”: use a name such as "
                                 "Europe/Madrid."),
    Problem.DUPLICATE_IN_FILE: _l("Duplicate: the same entry is already on line %(line)s."),
    Problem.ALREADY_EXISTS: _l("Duplicate: “%(value)s” is already in Helix."),
    Problem.TOO_LONG: _l("Too long: at most %(limit)s characters."),
    Problem.CONTROL_CHARACTER: CONTROL_MESSAGE,
    Problem.NO_HEADER: _l("No header line with a name column was found near the top of the "
                          "file."),
    Problem.UNREADABLE: _l("The file cannot be read as CSV (a cell is too long or a "
                           "quotation mark is not closed)."),
}


def describe(error: RowError) -> str:
    """The problem in the reader's language, with its values filled in."""
    params: dict[str, Any] = dict(error.params)
    if error.column:
        params.setdefault("column", str(COLUMN_LABELS.get(error.column, error.column)))
    template = MESSAGES[error.problem]
    return str(template) % params
