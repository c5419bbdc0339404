"""Validating CSV imports of participants and organisations (pure logic, no Flask).

:func:`parse_participants` and :func:`parse_organisations` turn the bytes of an uploaded
file into a :class:`Preview`: every row with its cleaned values and *all* of its errors,
so that an organiser sees the whole picture before anything is written. Lookups of what is
already in the database come in as plain dictionaries and sets (:class:`Lookups`), which
keeps this module independent of Flask and SQLAlchemy.
"""

from __future__ import annotations

import zoneinfo
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache

from email_validator import EmailNotValidError, validate_email

from organisations.helix_roles import HelixRole, parse_role
from organisations.search import fold
from participants.csv_common import Problem, RowError, header_key, read_table

PARTICIPANT_COLUMNS = (
    "name",
    "name_zh",
    "email",
    "organisation",
    "position",
    "helix_role",
    "city",
    "language",
    "timezone",
)
ORGANISATION_COLUMNS = ("name_en", "name_zh", "city", "helix_role")

_PARTICIPANT_ALIASES = {
    **{k: "name" for k in ("name", "nameen", "englishname", "fullname", "participant", "英文名")},
    **{k: "name_zh" for k in ("namezh", "chinesename", "中文名", "中文姓名", "姓名")},
    **{k: "email" for k in ("email", "emailaddress", "mail", "电子邮件", "电子邮箱", "邮箱")},
    **{k: "organisation" for k in ("organisation", "organization", "org", "单位", "机构")},
    **{k: "position" for k in ("position", "title", "jobtitle", "职务", "职位")},
    **{k: "helix_role" for k in ("helixrole", "helix", "role", "螺旋角色", "角色")},
    **{k: "city" for k in ("city", "城市")},
    **{k: "language" for k in ("language", "lang", "preferredlanguage", "语言")},
    **{k: "timezone" for k in ("timezone", "tz", "时区")},
}
_ORGANISATION_ALIASES = {
    **{k: "name_en" for k in ("nameen", "name", "englishname", "organisation", "organization")},
    **{k: "name_zh" for k in ("namezh", "chinesename", "中文名", "名称", "单位", "机构")},
    **{k: "city" for k in ("city", "城市")},
    **{k: "helix_role" for k in ("helixrole", "helix", "role", "螺旋角色", "角色")},
}
_LANGUAGES = {
    "en": "en",
    "english": "en",
    "英文": "en",
    "英语": "en",
    "engb": "en",
    "enus": "en",
    "zh": "zh",
    "chinese": "zh",
    "中文": "zh",
    "汉语": "zh",
    "zhcn": "zh",
    "zhhans": "zh",
}
#: Longest accepted text per column (the model's column sizes).
MAX_LENGTHS = {"name": 160, "name_zh": 160, "name_en": 200, "email": 254, "position": 200}


@dataclass(frozen=True)
class CityRef:
    """What the import needs to know about a city."""

    id: int
    timezone: str | None = None
    side: str | None = None


@dataclass(frozen=True)
class OrganisationRef:
    """What the import needs to know about an organisation."""

    id: int
    helix_role: HelixRole | None = None
    city_id: int | None = None


@dataclass
class Lookups:
    """Existing data, keyed by :func:`lookup_key` of every name a user may type."""

    cities: Mapping[str, CityRef] = field(default_factory=dict)
    organisations: Mapping[str, OrganisationRef] = field(default_factory=dict)
    emails: set[str] = field(default_factory=set)

    def city(self, text: str) -> CityRef | None:
        """The city named ``text`` (slug, English, Chinese or pinyin name)."""
        return self.cities.get(lookup_key(text))

    def organisation(self, text: str) -> OrganisationRef | None:
        """The organisation named ``text`` (slug, English or Chinese name)."""
        return self.organisations.get(lookup_key(text))


@dataclass
class Row:
    """One data row: its line in the file, what was read, cleaned values and errors."""

    line: int
    raw: dict[str, str]
    values: dict[str, object] = field(default_factory=dict)
    errors: list[RowError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """Whether the row can be written."""
        return not self.errors


@dataclass
class Preview:
    """Result of reading an import file."""

    columns: list[str]
    rows: list[Row]
    file_errors: list[RowError]
    unknown_columns: list[str] = field(default_factory=list)

    @property
    def valid_rows(self) -> list[Row]:
        """Rows without errors (none when the file itself is unusable)."""
        return [] if self.file_errors else [row for row in self.rows if row.ok]

    @property
    def invalid_rows(self) -> list[Row]:
        """Rows with at least one error."""
        return [row for row in self.rows if not row.ok]


def lookup_key(text: str | None) -> str:
    """Key under which names are looked up: folded, accents and separators removed."""
    return fold(text)


def normalise_email(text: str) -> str:
    """Validate an e-mail address and return its normalised form (``ValueError`` if bad)."""
    try:
        result = validate_email(text, check_deliverability=False)
    except EmailNotValidError as exc:
        raise ValueError(str(exc)) from None
    return result.normalized


def email_key(email: str) -> str:
    """Case-insensitive key for duplicate e-mail checks."""
    return email.strip().casefold()


@cache
def _zones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


def _check_lengths(row: Row) -> None:
    for column, limit in MAX_LENGTHS.items():
        if len(row.raw.get(column, "")) > limit:
            row.errors.append(RowError(Problem.TOO_LONG, column, {"limit": limit}))


def _read_role(row: Row, default: HelixRole | None) -> HelixRole | None:
    text = row.raw.get("helix_role", "")
    try:
        return parse_role(text) or default
    except ValueError:
        row.errors.append(RowError(Problem.UNKNOWN_HELIX_ROLE, "helix_role", {"value": text}))
        return None


def _read_city(row: Row, lookups: Lookups) -> CityRef | None:
    text = row.raw.get("city", "")
    if not text:
        return None
    city = lookups.city(text)
    if city is None:
        row.errors.append(RowError(Problem.UNKNOWN_CITY, "city", {"value": text}))
    return city


def _read_email(row: Row, lookups: Lookups, seen: dict[str, int]) -> None:
    text = row.raw.get("email", "")
    if not text:
        row.errors.append(RowError(Problem.MISSING_EMAIL, "email"))
        return
    try:
        email = normalise_email(text)
    except ValueError:
        row.errors.append(RowError(Problem.INVALID_EMAIL, "email", {"value": text}))
        return
    key = email_key(email)
    if key in seen:
        row.errors.append(RowError(Problem.DUPLICATE_IN_FILE, "email", {"line": seen[key]}))
    elif key in lookups.emails:
        row.errors.append(RowError(Problem.ALREADY_EXISTS, "email", {"value": email}))
    seen.setdefault(key, row.line)
    row.values["email"] = email


def _participant_row(line: int, raw: dict[str, str], lookups: Lookups, seen: dict[str, int]) -> Row:
    row = Row(line, raw)
    if raw.pop("__extra__", None):
        row.errors.append(RowError(Problem.EXTRA_CELLS))
    if not raw.get("name") and not raw.get("name_zh"):
        row.errors.append(RowError(Problem.MISSING_NAME, "name"))
    _check_lengths(row)
    _read_email(row, lookups, seen)
    organisation = None
    if raw.get("organisation"):
        organisation = lookups.organisation(raw["organisation"])
        if organisation is None:
            row.errors.append(
                RowError(
                    Problem.UNKNOWN_ORGANISATION, "organisation", {"value": raw["organisation"]}
                )
            )
    role = _read_role(row, organisation.helix_role if organisation else None)
    if role is None and not raw.get("helix_role") and not raw.get("organisation"):
        row.errors.append(RowError(Problem.MISSING_HELIX_ROLE, "helix_role"))
    city = _read_city(row, lookups)
    city_id = city.id if city else (organisation.city_id if organisation else None)
    language = raw.get("language", "")
    if language and header_key(language) not in _LANGUAGES:
        row.errors.append(RowError(Problem.UNKNOWN_LANGUAGE, "language", {"value": language}))
    side = city.side if city else None
    timezone = raw.get("timezone", "") or (city.timezone if city else "") or ""
    if timezone and timezone not in _zones():
        row.errors.append(RowError(Problem.UNKNOWN_TIMEZONE, "timezone", {"value": timezone}))
    row.values.update(
        name=raw.get("name") or raw.get("name_zh", ""),
        name_zh=raw.get("name_zh") or None,
        organisation_id=organisation.id if organisation else None,
        position=raw.get("position") or None,
        helix_role=role,
        city_id=city_id,
        language=_LANGUAGES.get(header_key(language)) or ("zh" if side == "china" else "en"),
        timezone=timezone or None,
    )
    return row


def parse_participants(data: bytes, lookups: Lookups) -> Preview:
    """Read a participants CSV and check every row against ``lookups`` and the file itself."""
    table = read_table(data, _PARTICIPANT_ALIASES, required=("email",))
    seen: dict[str, int] = {}
    rows = [_participant_row(line, raw, lookups, seen) for line, raw in table.records]
    return Preview(table.columns, rows, table.errors, table.unknown_columns)


def _organisation_row(
    line: int, raw: dict[str, str], lookups: Lookups, seen: dict[str, int]
) -> Row:
    row = Row(line, raw)
    if raw.pop("__extra__", None):
        row.errors.append(RowError(Problem.EXTRA_CELLS))
    _check_lengths(row)
    names = [n for n in (raw.get("name_en", ""), raw.get("name_zh", "")) if n]
    if not names:
        row.errors.append(RowError(Problem.MISSING_NAME, "name_en"))
    for name in names:
        key = lookup_key(name)
        if key in seen:
            row.errors.append(RowError(Problem.DUPLICATE_IN_FILE, "name_en", {"line": seen[key]}))
            break
        if lookups.organisation(name) is not None:
            row.errors.append(RowError(Problem.ALREADY_EXISTS, "name_en", {"value": name}))
            break
    for name in names:
        seen.setdefault(lookup_key(name), line)
    role = _read_role(row, None)
    if role is None and not raw.get("helix_role"):
        row.errors.append(RowError(Problem.MISSING_HELIX_ROLE, "helix_role"))
    city = _read_city(row, lookups)
    row.values.update(
        name_en=raw.get("name_en") or raw.get("name_zh", ""),
        name_zh=raw.get("name_zh") or None,
        helix_role=role,
        city_id=city.id if city else None,
    )
    return row


def parse_organisations(data: bytes, lookups: Lookups) -> Preview:
    """Read an organisations CSV and check every row."""
    table = read_table(data, _ORGANISATION_ALIASES, required=("helix_role",))
    seen: dict[str, int] = {}
    rows = [_organisation_row(line, raw, lookups, seen) for line, raw in table.records]
    return Preview(table.columns, rows, table.errors, table.unknown_columns)
