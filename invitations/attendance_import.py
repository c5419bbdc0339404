"""Reading webinar attendance reports of Zoom, Microsoft Teams and Tencent Meeting (pure).

Each platform (and each export language) names its columns differently and puts summary
lines before the table; files come as UTF-8 (with or without BOM), UTF-16 (Teams) or
GB18030/GBK (Chinese Excel), read by :func:`participants.csv_common.decode` as the
participant import's files are. :func:`parse_report` finds the header row, maps its cells to
``name``, ``email``, ``joined``, ``left`` and ``duration`` and returns one
:class:`Attendee` per person (repeated joins merged). Problems are the
participant import's codes (:class:`~participants.csv_common.RowError`) for the web layer
to word; nothing here raises on hostile input.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass, field
from enum import StrEnum

from core.text import whole_number
from organisations.search import fold
from participants.csv_common import MAX_ROWS, Problem, RowError, decode
from participants.csv_common import header_key as csv_header_key

#: Longest cell kept; longer ones are a row error.
MAX_CELL = 500
#: A duration longer than a week is not an attendance (and not a number to trust).
MAX_MINUTES = 7 * 24 * 60
#: Rows searched for the header (platforms put a meeting summary first).
HEADER_SEARCH = 40


@dataclass
class Attendee:
    """One person of the report (lines where they joined, minutes summed)."""

    line: int
    name: str = ""
    email: str = ""
    minutes: int | None = None
    lines: list[int] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)


@dataclass
class Report:
    """A parsed report: the platform guessed, the people, and file-level problems."""

    platform: str = "unknown"
    attendees: list[Attendee] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)


_ALIASES = {
    "name": ("name", "fullname", "participant", "participantname", "displayname", "名称",
             "姓名", "用户名", "参会者", "参会人", "入会昵称", "昵称", "成员", "与会者"),
    "email": ("email", "useremail", "emailaddress", "邮箱", "电子邮件", "电子邮箱",
              "用户电子邮箱", "邮件", "邮箱地址", "用户邮箱"),
    "joined": ("jointime", "firstjoin", "firstjointime", "加入时间", "入会时间",
               "首次入会时间", "首次加入", "首次加入时间"),
    "left": ("leavetime", "lastleave", "离开时间", "离会时间", "退会时间", "最后退会时间",
             "上次离开", "最后离开时间"),
    "duration": ("duration", "inmeetingduration", "attendanceduration", "参会时长",
                 "持续时间", "会议持续时间", "累计参会时长", "时长", "在会时长"),
    "upn": ("participantidupn", "participantid", "upn", "参与者id"),
}
ALIASES = {alias: column for column, names in _ALIASES.items() for alias in names}
_BRACKETS = re.compile(r"[(（\[【][^)）\]】]*[)）\]】]")
_DURATION = re.compile(r"(?:(\d+)\s*(?:h|hr|小时))?\s*(?:(\d+)\s*(?:m|min|分钟|分))?\s*"
                       r"(?:(\d+)\s*(?:s|sec|秒))?", re.IGNORECASE)


def header_key(text: str) -> str:
    """Fold a header cell as the participant import does, bracketed notes dropped first
    ("用户名（入会昵称）" → "用户名")."""
    return csv_header_key(_BRACKETS.sub("", unicodedata.normalize("NFKC", text)))


def parse_minutes(text: str) -> int | None:
    """Minutes of a duration: ``45``, ``01:05:23``, ``1h 5m 3s``, ``1小时5分钟``."""
    text = text.strip()
    if (minutes := whole_number(text, MAX_MINUTES)) is not None:
        return minutes
    parts = text.split(":")
    if 2 <= len(parts) <= 3 and all(whole_number(p, MAX_MINUTES) is not None for p in parts):
        numbers = [int(p) for p in parts]
        hours, minutes, seconds = ([0] * (3 - len(numbers)) + numbers)
        return hours * 60 + minutes + (1 if seconds >= 30 else 0)
    found = _DURATION.fullmatch(text)
    if found and any(found.groups()):
        hours, minutes, seconds = (int(g or 0) for g in found.groups())
        return hours * 60 + minutes + (1 if seconds >= 30 else 0)
    return None


def _platform(keys: list[str]) -> str:
    if {"useremail", "jointime", "用户电子邮箱"} & set(keys):
        return "zoom"
    if {"firstjoin", "inmeetingduration", "首次加入", "participantidupn"} & set(keys):
        return "teams"
    if {"入会时间", "首次入会时间", "参会时长", "累计参会时长", "入会昵称"} & set(keys):
        return "tencent"
    return "unknown"


def _header(rows: list[list[str]]) -> tuple[int, list[str | None]] | None:
    for index, cells in enumerate(rows[:HEADER_SEARCH]):
        columns = [ALIASES.get(header_key(cell)) for cell in cells]
        if "name" in columns and len({c for c in columns if c}) >= 2:
            seen: set[str] = set()
            unique: list[str | None] = []
            for column in columns:
                unique.append(column if column and column not in seen else None)
                seen.add(column or "")
            return index, unique
    return None


def _attendee(line: int, cells: list[str], columns: list[str | None]) -> Attendee:
    row = Attendee(line, lines=[line])
    values: dict[str, str] = {}
    for column, cell in zip(columns, cells, strict=False):
        if column is None:
            continue
        if len(cell) > MAX_CELL:
            row.errors.append(RowError(Problem.TOO_LONG, column, {"limit": MAX_CELL}))
            cell = ""
        if any(unicodedata.category(ch) == "Cc" for ch in cell):
            row.errors.append(RowError(Problem.CONTROL_CHARACTER, column))
            cell = ""
        values[column] = cell.strip()
    row.name = values.get("name", "")
    email = values.get("email") or values.get("upn", "")
    row.email = email.lower() if "@" in email else ""
    row.minutes = parse_minutes(values.get("duration", ""))
    if not row.name and not row.email and not row.errors:
        row.errors.append(RowError(Problem.MISSING_NAME, "name"))
    return row


def person_key(row: Attendee) -> str:
    """What makes two rows the same person: the e-mail, else the folded name."""
    return row.email or "name:" + "".join(unicodedata.normalize("NFKC", row.name)
                                          .casefold().split())


def _merge(rows: list[Attendee]) -> list[Attendee]:
    merged: dict[str, Attendee] = {}
    result: list[Attendee] = []
    for row in rows:
        key = person_key(row)
        first = merged.get(key) if not row.errors else None
        if first is None:
            if not row.errors:
                merged[key] = row
            result.append(row)
            continue
        first.lines.append(row.line)
        if row.minutes is not None:
            first.minutes = (first.minutes or 0) + row.minutes
    return result


def parse_report(data: bytes) -> Report:
    """Parse an attendance report; problems are returned, never raised."""
    text = decode(data)
    if isinstance(text, RowError):
        return Report(errors=[text])
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), _dialect(text)))
    except csv.Error:
        return Report(errors=[RowError(Problem.UNREADABLE)])
    found = _header(rows)
    if found is None:
        return Report(errors=[RowError(Problem.NO_HEADER)])
    index, columns = found
    data_rows = [(line, cells) for line, cells in enumerate(rows[index + 1:], index + 2)
                 if any(cell.strip() for cell in cells)]
    if len(data_rows) > MAX_ROWS:
        return Report(errors=[RowError(Problem.TOO_MANY_ROWS, params={"limit": MAX_ROWS})])
    keys = [header_key(cell) for cell in rows[index]]
    attendees = [_attendee(line, cells, columns) for line, cells in data_rows]
    return Report(_platform(keys), _merge(attendees))


def _dialect(text: str) -> type[csv.Dialect]:
    sample = "\n".join(text.splitlines()[:HEADER_SEARCH])
    return csv.excel_tab if sample.count("\t") > sample.count(",") else csv.excel


@dataclass(frozen=True)
class Candidate:
    """An invitation of the event, with its invitee's e-mail and names."""

    invitation_id: int
    email: str
    names: tuple[str, ...]


def name_keys(name: str) -> set[str]:
    """Folded forms of a name: as written, without a bracketed part, tokens in any order,
    and without accents or separators (:func:`organisations.search.fold`)."""
    folded = unicodedata.normalize("NFKC", name).casefold()
    keys = set()
    for variant in (folded, _BRACKETS.sub("", folded)):
        tokens = variant.split()
        if tokens:
            keys.add("".join(tokens))
            keys.add(" ".join(sorted(tokens)))
            keys.add(fold(variant))
    keys.discard("")
    return keys


class Miss(StrEnum):
    """Why a report row matched no invitation."""

    NO_INVITEE = "no_invitee"
    AMBIGUOUS = "ambiguous"


@dataclass(frozen=True)
class Match:
    """The invitation a report row stands for, or why there is none (a row with errors
    has neither)."""

    invitation_id: int | None = None
    miss: Miss | None = None


def match(attendees: list[Attendee], candidates: list[Candidate]) -> dict[int, Match]:
    """The :class:`Match` of each attendee line: by e-mail first, then by a name only one
    invitee has (English or Chinese); several invitees of that name are ``AMBIGUOUS``."""
    by_email = {c.email.lower(): c.invitation_id for c in candidates if c.email}
    by_name: dict[str, set[int]] = {}
    for candidate in candidates:
        for name in candidate.names:
            for key in name_keys(name):
                by_name.setdefault(key, set()).add(candidate.invitation_id)
    found: dict[int, Match] = {}
    for row in attendees:
        if row.errors:
            found[row.line] = Match()
            continue
        hit = by_email.get(row.email) if row.email else None
        if hit is not None:
            found[row.line] = Match(hit)
            continue
        ids = set().union(*(by_name.get(k, set()) for k in name_keys(row.name)))
        if len(ids) == 1:
            found[row.line] = Match(next(iter(ids)))
        else:
            found[row.line] = Match(miss=Miss.AMBIGUOUS if ids else Miss.NO_INVITEE)
    return found
