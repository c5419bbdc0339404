"""A realistic participants CSV for tests and demos (pure logic, no Flask).

:func:`sample_participants_csv` writes *n* rows of European and Chinese participants of
the given organisations and cities, UTF-8 with a byte-order mark as Excel saves it, and
spoils a few rows on purpose (missing or invalid e-mail, unknown city, helix role or
organisation, an e-mail repeated) so that the import preview has something to show.
"""

from __future__ import annotations

import random
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from participants.csv_common import Problem
from participants.csv_export import to_csv
from participants.csv_import import PARTICIPANT_COLUMNS

_EU_GIVEN = ("Marta", "Jordi", "Laura", "Pau", "Giulia", "Marco", "Elena", "Lukas", "Anna",
             "Sophie", "Tomáš", "Zoë", "Björn", "Inês", "François", "Chiara", "Javier", "Núria")
_EU_FAMILY = ("Puig", "García", "Rossi", "Bianchi", "Müller", "Schmidt", "Novák", "Dubois",
              "Ferrer", "Martí", "Conti", "Smith", "Papadopoulos", "Ivanova", "López", "Sánchez")
_ZH_FAMILY = (("Zhang", "张"), ("Wang", "王"), ("Li", "李"), ("Liu", "刘"), ("Chen", "陈"),
              ("Yang", "杨"), ("Huang", "黄"), ("Zhao", "赵"), ("Wu", "吴"), ("Zhou", "周"),
              ("Xu", "徐"), ("Sun", "孙"), ("Lü", "吕"), ("Guo", "郭"))
_ZH_GIVEN = (("Wei", "伟"), ("Fang", "芳"), ("Min", "敏"), ("Jing", "静"), ("Lei", "磊"),
             ("Yang", "洋"), ("Jie", "杰"), ("Tao", "涛"), ("Hui", "慧"), ("Xiaoming", "晓明"),
             ("Jianguo", "建国"), ("Yuting", "雨婷"), ("Haoran", "浩然"))
_EU_POSITIONS = ("Director", "Deputy Director", "Project Officer", "Professor", "Researcher",
                 "CEO", "Head of International Relations", "Policy Advisor", "Journalist")
_ZH_POSITIONS = ("主任", "副处长", "教授", "总经理", "研究员", "Project Officer")
#: How people write each role in a spreadsheet (empty: the organisation's role applies).
_ROLE_SPELLINGS = {
    "government": ("", "government", "Government", "政府"),
    "industry": ("", "industry", "Industry", "产业界"),
    "academia": ("", "academia", "Academia / research", "学术界"),
    "civil_society": ("", "civil society", "Civil society / media", "公民社会"),
}


@dataclass(frozen=True)
class SampleCity:
    """A city the sample may name, and whether it is Chinese."""

    name: str
    chinese: bool


@dataclass(frozen=True)
class SampleOrganisation:
    """An organisation the sample may name, with its city and helix role."""

    name: str
    city: SampleCity
    helix_role: str | None = None


def ascii_local_part(text: str) -> str:
    """An e-mail local part from a name: accents dropped ("François" → "francois")."""
    decomposed = unicodedata.normalize("NFKD", text.lower().replace("ü", "v"))
    return "".join(ch for ch in decomposed if ch.isascii() and (ch.isalnum() or ch == "."))


def _person(rng: random.Random, chinese: bool, index: int) -> dict[str, str]:
    if chinese:
        (family, family_zh), (given, given_zh) = rng.choice(_ZH_FAMILY), rng.choice(_ZH_GIVEN)
        local = ascii_local_part(f"{family}.{given}")
        return {"name": f"{family} {given}", "name_zh": family_zh + given_zh,
                "email": f"{local}{index}@example.cn", "language": rng.choice(("zh", "中文")),
                "position": rng.choice(_ZH_POSITIONS)}
    given, family = rng.choice(_EU_GIVEN), rng.choice(_EU_FAMILY)
    local = ascii_local_part(f"{given}.{family}") or "person"
    return {"name": f"{given} {family}", "name_zh": "", "email": f"{local}{index}@example.eu",
            "language": rng.choice(("en", "English", "")),
            "position": rng.choice(_EU_POSITIONS)}


def _spoil(rows: list[dict[str, str]]) -> dict[int, Problem]:
    """Break six rows, one way each; returns ``{row index: problem}``."""
    last = len(rows) - 1
    rows[7]["email"] = ""
    rows[19]["email"] = "zhang.wei@@example"
    rows[31]["city"] = "Atlantis"
    rows[43]["helix_role"] = "astrology"
    rows[55]["organisation"] = "Ministry of Silly Walks"
    rows[last]["email"] = rows[3]["email"].upper()
    return {7: Problem.MISSING_EMAIL, 19: Problem.INVALID_EMAIL, 31: Problem.UNKNOWN_CITY,
            43: Problem.UNKNOWN_HELIX_ROLE, 55: Problem.UNKNOWN_ORGANISATION,
            last: Problem.DUPLICATE_IN_FILE}


def sample_rows(
    organisations: Sequence[SampleOrganisation], n: int = 200, seed: int = 2020
) -> tuple[list[dict[str, str]], dict[int, Problem]]:
    """Rows for the sample and the problem expected on each spoiled *file line*.

    Line numbers count the header as line 1, as the import preview does. Files of fewer
    than 60 rows are left intact.
    """
    rng = random.Random(seed)
    rows: list[dict[str, str]] = []
    for index in range(n):
        organisation = organisations[index % len(organisations)]
        row = _person(rng, organisation.city.chinese, index)
        spellings = _ROLE_SPELLINGS.get(organisation.helix_role or "", ("",))
        row.update(organisation=organisation.name, helix_role=rng.choice(spellings),
                   city=organisation.city.name if index % 5 == 0 else "", timezone="")
        rows.append(row)
    spoiled = _spoil(rows) if n >= 60 else {}
    return rows, {index + 2: problem for index, problem in spoiled.items()}


def sample_participants_csv(
    organisations: Sequence[SampleOrganisation], n: int = 200, seed: int = 2020
) -> tuple[bytes, dict[int, Problem]]:
    """The sample as CSV bytes (with BOM) and the expected problem per spoiled line."""
    rows, spoiled = sample_rows(organisations, n, seed)
    return to_csv(rows, PARTICIPANT_COLUMNS), spoiled
