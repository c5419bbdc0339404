"""Helix roles: the triple helix (government, industry, academia) and the quadruple
helix (plus civil society and media)."""

from enum import StrEnum


class HelixRole(StrEnum):
    """The role a participant or organisation plays in the helix."""

    GOVERNMENT = "government"
    INDUSTRY = "industry"
    ACADEMIA = "academia"
    CIVIL_SOCIETY = "civil_society"


TRIPLE_HELIX = frozenset({HelixRole.GOVERNMENT, HelixRole.INDUSTRY, HelixRole.ACADEMIA})
QUADRUPLE_HELIX = TRIPLE_HELIX | {HelixRole.CIVIL_SOCIETY}
