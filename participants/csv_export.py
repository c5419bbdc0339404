"""Writing participant lists and attendance as CSV (pure logic, no Flask).

Files are UTF-8 with a byte-order mark so that Excel shows Chinese names correctly, and
the participant columns are those :mod:`participants.csv_import` reads, so an export can
be edited and imported elsewhere. Cells that a spreadsheet would run as a formula are
prefixed with an apostrophe (CSV injection), which the importer removes again.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from participants.csv_common import FORMULA_PREFIXES
from participants.csv_import import PARTICIPANT_COLUMNS

BOM = "\ufeff"
ATTENDANCE_COLUMNS = (*PARTICIPANT_COLUMNS, "status", "minutes")


def guard_cell(value: object) -> str:
    """Text of ``value`` for a cell, neutralising formula-like starts."""
    if value is None:
        return ""
    text = str(value)
    if text.startswith(FORMULA_PREFIXES):
        return "'" + text
    return text


def to_csv(
    rows: Iterable[Mapping[str, object]],
    columns: Sequence[str],
    headers: Sequence[str] | None = None,
    bom: bool = True,
) -> bytes:
    """Render ``rows`` (mappings keyed by ``columns``) as CSV bytes with a header line."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(list(headers or columns))
    for row in rows:
        writer.writerow([guard_cell(row.get(column)) for column in columns])
    return ((BOM if bom else "") + buffer.getvalue()).encode("utf-8")


def export_row(participant: Any) -> dict[str, object]:
    """A participant (a ``Participant`` row) in the import/export column layout."""
    return {
        "name": participant.name, "name_zh": participant.name_zh, "email": participant.email,
        "organisation": participant.organisation.name_en if participant.organisation else "",
        "position": participant.position, "helix_role": participant.helix_role,
        "city": participant.city.name_en if participant.city else "",
        "language": participant.language, "timezone": participant.timezone,
    }


def participants_csv(rows: Iterable[Mapping[str, object]]) -> bytes:
    """A participant list in the import format."""
    return to_csv(rows, PARTICIPANT_COLUMNS)


def attendance_csv(rows: Iterable[Mapping[str, object]]) -> bytes:
    """An event's invitation list: the participant columns, the invitation status and the
    minutes attended (from an imported webinar report, else empty)."""
    return to_csv(rows, ATTENDANCE_COLUMNS)
