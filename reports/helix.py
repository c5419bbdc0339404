"""Helix statistics: who took part, by helix role and side (pure logic, no Flask).

The programme works with the *triple helix* (government, industry, academia) and the
*quadruple helix* (the three plus civil society and the media). This module counts who
took part by role (:mod:`organisations.helix_roles`) and by side (Europe / China) so that
reports can tell whether a helix is complete.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from organisations.helix_roles import HelixRole, coerce_role


class HelixLevel(StrEnum):
    """Which helix a composition is checked against."""

    TRIPLE = "triple"
    QUADRUPLE = "quadruple"


TRIPLE_HELIX: tuple[HelixRole, ...] = (
    HelixRole.GOVERNMENT,
    HelixRole.INDUSTRY,
    HelixRole.ACADEMIA,
)
QUADRUPLE_HELIX: tuple[HelixRole, ...] = (*TRIPLE_HELIX, HelixRole.CIVIL_SOCIETY)
LEVEL_ROLES: Mapping[HelixLevel, tuple[HelixRole, ...]] = {
    HelixLevel.TRIPLE: TRIPLE_HELIX,
    HelixLevel.QUADRUPLE: QUADRUPLE_HELIX,
}

#: Sides, as stored on ``Participant.side`` (defaulting from ``City.side``); ``None`` means
#: "not known".
SIDES: tuple[str, ...] = ("eu", "china", "international", "other")


@dataclass(frozen=True)
class HelixComposition:
    """Head counts of a group of people by helix role and by side.

    ``counts`` maps ``(role, side)`` to a number of people; ``role`` and ``side`` may be
    ``None`` when not known (they are counted in totals but never complete a helix).
    """

    counts: Mapping[tuple[HelixRole | None, str | None], int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        """Everybody counted."""
        return sum(self.counts.values())

    def count(self, role: HelixRole | None = None, side: str | None = None) -> int:
        """People with ``role`` (any when ``None``) on ``side`` (any when ``None``)."""
        return sum(
            n
            for (r, s), n in self.counts.items()
            if (role is None or r == role) and (side is None or s == side)
        )

    def by_role(self, side: str | None = None) -> dict[HelixRole, int]:
        """Counts for each of the four roles (zeros included), optionally for one side."""
        return {role: self.count(role, side) for role in HelixRole}

    def unassigned(self, side: str | None = None) -> int:
        """People whose helix role is not known."""
        return sum(
            n for (r, s), n in self.counts.items() if r is None and (side is None or s == side)
        )

    def by_side(self) -> dict[str, int]:
        """Counts for each known side (zeros included); unknown sides are left out."""
        return {side: self.count(side=side) for side in SIDES}

    def sides_present(self) -> list[str]:
        """Known sides with at least one person, in :data:`SIDES` order."""
        return [side for side in SIDES if self.count(side=side)]

    def missing(
        self, level: HelixLevel = HelixLevel.TRIPLE, side: str | None = None
    ) -> list[HelixRole]:
        """Roles of ``level`` nobody holds (on ``side`` when given)."""
        return [role for role in LEVEL_ROLES[level] if not self.count(role, side)]

    def is_complete(self, level: HelixLevel = HelixLevel.TRIPLE, side: str | None = None) -> bool:
        """Whether every role of ``level`` is held by at least one person."""
        return not self.missing(level, side)

    def table(self) -> list[dict[str, object]]:
        """Rows ``{"role", "sides": {side: n}, "total"}`` for a report table."""
        rows: list[dict[str, object]] = []
        for role in HelixRole:
            rows.append(
                {
                    "role": role,
                    "sides": {side: self.count(role, side) for side in SIDES},
                    "total": self.count(role),
                }
            )
        return rows

    def __add__(self, other: HelixComposition) -> HelixComposition:
        merged: Counter[tuple[HelixRole | None, str | None]] = Counter(self.counts)
        merged.update(other.counts)
        return HelixComposition(dict(merged))


def from_counts(
    rows: Iterable[tuple[HelixRole | str | None, str | None, int]],
) -> HelixComposition:
    """Build a composition from grouped ``(helix_role, side, count)`` query rows."""
    counter: Counter[tuple[HelixRole | None, str | None]] = Counter()
    for role, side, n in rows:
        counter[(coerce_role(role), side or None)] += int(n)
    return HelixComposition(dict(counter))


def compose(people: Iterable[tuple[HelixRole | str | None, str | None]]) -> HelixComposition:
    """Count ``(helix_role, side)`` pairs, one pair per person."""
    counter: Counter[tuple[HelixRole | None, str | None]] = Counter()
    for role, side in people:
        counter[(coerce_role(role), side or None)] += 1
    return HelixComposition(dict(counter))
