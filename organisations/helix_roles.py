"""The four helix roles and how they are read from free text (pure logic, no Flask).

Organisations and participants each hold one role; CSV files and forms name it in English
or Chinese ("government", "政府", "academia/research"…), which :func:`parse_role` reads.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from enum import StrEnum


class HelixRole(StrEnum):
    """The four helix roles an organisation or a participant can hold."""

    GOVERNMENT = "government"
    INDUSTRY = "industry"
    ACADEMIA = "academia"
    CIVIL_SOCIETY = "civil_society"


_ALIASES: Mapping[str, HelixRole] = {
    "government": HelixRole.GOVERNMENT,
    "gov": HelixRole.GOVERNMENT,
    "public": HelixRole.GOVERNMENT,
    "public sector": HelixRole.GOVERNMENT,
    "local government": HelixRole.GOVERNMENT,
    "政府": HelixRole.GOVERNMENT,
    "官": HelixRole.GOVERNMENT,
    "industry": HelixRole.INDUSTRY,
    "business": HelixRole.INDUSTRY,
    "private sector": HelixRole.INDUSTRY,
    "company": HelixRole.INDUSTRY,
    "产业界": HelixRole.INDUSTRY,
    "产业": HelixRole.INDUSTRY,
    "企业": HelixRole.INDUSTRY,
    "产": HelixRole.INDUSTRY,
    "academia": HelixRole.ACADEMIA,
    "research": HelixRole.ACADEMIA,
    "academia/research": HelixRole.ACADEMIA,
    "university": HelixRole.ACADEMIA,
    "学术界": HelixRole.ACADEMIA,
    "学术": HelixRole.ACADEMIA,
    "学": HelixRole.ACADEMIA,
    "civil_society": HelixRole.CIVIL_SOCIETY,
    "civil society": HelixRole.CIVIL_SOCIETY,
    "civil society/media": HelixRole.CIVIL_SOCIETY,
    "media": HelixRole.CIVIL_SOCIETY,
    "ngo": HelixRole.CIVIL_SOCIETY,
    "公民社会": HelixRole.CIVIL_SOCIETY,
    "民间社会": HelixRole.CIVIL_SOCIETY,
    "媒体": HelixRole.CIVIL_SOCIETY,
}


def parse_role(text: str | None) -> HelixRole | None:
    """Read a helix role from free text (English or Chinese, any case).

    Returns ``None`` for an empty value and raises ``ValueError`` for an unknown one.
    """
    if text is None:
        return None
    key = " ".join(unicodedata.normalize("NFKC", text).strip().casefold().split())
    key = key.replace("-", " ").replace(" / ", "/")
    if not key:
        return None
    try:
        return _ALIASES[key]
    except KeyError:
        raise ValueError(text) from None


def coerce_role(value: HelixRole | str | None) -> HelixRole | None:
    """Return ``value`` as a :class:`HelixRole` (or ``None``) without aliases."""
    if value is None or value == "":
        return None
    return HelixRole(value)
