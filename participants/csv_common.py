"""Reading CSV files as saved by spreadsheets (pure logic, no Flask).

Excel saves "CSV UTF-8" with a byte-order mark and, in many European locales, with
semicolons; other tools save plain UTF-8 with commas, Chinese Excel GB18030 (GBK) and
Microsoft Teams UTF-16. :func:`decode` reads all of them (the webinar attendance import
uses it too); :func:`read_table` maps header names (English or Chinese, any case or
spacing) to canonical column names and returns the records with their line numbers.
Problems are reported as :class:`Problem` codes so that the web layer can word them in
the reader's language.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

#: Largest file accepted, in bytes (about 20 000 participant rows).
MAX_BYTES = 2_000_000
#: Largest number of data rows accepted in one import.
MAX_ROWS = 5_000
#: A leading apostrophe protects cells that would start a spreadsheet formula.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


class Problem(StrEnum):
    """What can be wrong with a file or with one of its rows."""

    NOT_TEXT = "not_text"
    EMPTY_FILE = "empty_file"
    TOO_LARGE = "too_large"
    TOO_MANY_ROWS = "too_many_rows"
    MISSING_COLUMN = "missing_column"
    EXTRA_CELLS = "extra_cells"
    MISSING_NAME = "missing_name"
    MISSING_EMAIL = "missing_email"
    INVALID_EMAIL = "invalid_email"
    UNKNOWN_CITY = "unknown_city"
    UNKNOWN_HELIX_ROLE = "unknown_helix_role"
    MISSING_HELIX_ROLE = "missing_helix_role"
    UNKNOWN_ORGANISATION = "unknown_organisation"
    UNKNOWN_LANGUAGE = "unknown_language"
    UNKNOWN_TIMEZONE = "unknown_timezone"
    DUPLICATE_IN_FILE = "duplicate_in_file"
    ALREADY_EXISTS = "already_exists"
    TOO_LONG = "too_long"
    CONTROL_CHARACTER = "control_character"
    NO_HEADER = "no_header"
    UNREADABLE = "unreadable"


@dataclass(frozen=True)
class RowError:
    """One problem, with the column it concerns and the values to show with it."""

    problem: Problem
    column: str | None = None
    params: Mapping[str, str | int] = field(default_factory=dict)


@dataclass(frozen=True)
class Table:
    """A decoded CSV file: canonical column names and ``(line, record)`` pairs."""

    columns: list[str]
    records: list[tuple[int, dict[str, str]]]
    errors: list[RowError]
    unknown_columns: list[str] = field(default_factory=list)


def header_key(text: str) -> str:
    """Fold a header cell for alias lookup ("E-mail " → "email", "Helix role" → "helixrole")."""
    normalised = unicodedata.normalize("NFKC", text).casefold()
    return "".join(ch for ch in normalised if ch.isalnum())


def strip_formula_guard(value: str) -> str:
    """Undo the apostrophe :mod:`participants.csv_export` puts before formula-like cells."""
    if len(value) > 1 and value[0] == "'" and value[1] in FORMULA_PREFIXES:
        return value[1:]
    return value


def _encodings(data: bytes) -> tuple[str, ...]:
    """The encodings to try, in order: UTF-16 when a BOM or every other byte being zero
    says so, else UTF-8 (with or without BOM) and then GB18030 (a superset of GBK)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return ("utf-16",)
    if data[1::2].count(0) > len(data) // 4:
        return ("utf-16-le",)
    if data[0::2].count(0) > len(data) // 4:
        return ("utf-16-be",)
    return ("utf-8-sig", "gb18030")


def decode(data: bytes) -> str | RowError:
    """The text of an uploaded CSV file, or why there is none.

    UTF-8 (with or without byte-order mark), UTF-16 (Teams exports; BOM or not) and
    GB18030/GBK (Chinese Excel) are read; the BOM is dropped. Larger than
    :data:`MAX_BYTES` is ``TOO_LARGE``, nothing but blanks ``EMPTY_FILE``, bytes that no
    encoding reads or that decode mostly to control characters (binary) ``NOT_TEXT``.
    """
    if len(data) > MAX_BYTES:
        return RowError(Problem.TOO_LARGE, params={"limit": MAX_BYTES})
    for encoding in _encodings(data):
        try:
            text = data.decode(encoding).lstrip("\ufeff")
        except UnicodeDecodeError:
            continue
        if not text.strip():
            return RowError(Problem.EMPTY_FILE)
        controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc"
                       and ch not in "\t\r\n")
        if controls > max(8, len(text) // 100):
            return RowError(Problem.NOT_TEXT)
        return text
    return RowError(Problem.NOT_TEXT)


def _dialect(text: str) -> type[csv.Dialect] | csv.Dialect:
    first_line = text.split("\n", 1)[0]
    try:
        return csv.Sniffer().sniff(first_line, delimiters=",;\t")
    except csv.Error:
        return csv.excel


def read_table(data: bytes, aliases: Mapping[str, str], required: tuple[str, ...]) -> Table:
    """Decode ``data`` and map its header through ``aliases`` (folded header → column).

    Blank lines are skipped; every cell is stripped of surrounding spaces. A missing
    required column or an undecodable file gives a table without records.
    """
    decoded = decode(data)
    if isinstance(decoded, RowError):
        return Table([], [], [decoded])
    reader = csv.reader(io.StringIO(decoded, newline=""), _dialect(decoded))
    header = next(reader, [])
    columns: list[str | None] = []
    unknown: list[str] = []
    for cell in header:
        column = aliases.get(header_key(cell))
        if column is None and cell.strip():
            unknown.append(cell.strip())
        columns.append(column if column not in columns else None)
    missing = [name for name in required if name not in columns]
    if missing:
        errors = [RowError(Problem.MISSING_COLUMN, name) for name in missing]
        return Table([c for c in columns if c], [], errors, unknown)
    records: list[tuple[int, dict[str, str]]] = []
    errors: list[RowError] = []
    line = reader.line_num
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error:  # a cell over csv.field_size_limit(): that row's error
            start, line = line + 1, reader.line_num
            errors.append(RowError(Problem.TOO_LONG, params={"limit": csv.field_size_limit(),
                                                             "line": start}))
            continue
        start, line = line + 1, reader.line_num
        if not any(cell.strip() for cell in cells):
            continue
        if len(records) >= MAX_ROWS:
            errors.append(RowError(Problem.TOO_MANY_ROWS, params={"limit": MAX_ROWS}))
            return Table([c for c in columns if c], [], errors, unknown)
        record = {name: "" for name in columns if name}
        for name, cell in zip(columns, cells, strict=False):
            if name:
                record[name] = strip_formula_guard(cell.strip())
        if len(cells) > len(columns) and any(c.strip() for c in cells[len(columns) :]):
            record["__extra__"] = "1"
        records.append((start, record))
    return Table([c for c in columns if c], records, errors, unknown)
