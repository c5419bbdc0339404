"""The programme's "Measure" indicators and chart payloads (pure logic, no Flask).

The BRIDGE for Cities issue paper lists indicators cities use to measure their
cooperation; Helix can count four of them from its own records: delegations received per
city, events per partnership per year, participants per helix role over time, and MoUs and
agreements signed. Functions here take plain tuples so they can be tested without a
database; the dashboard view runs the queries and passes the rows in.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence

from organisations.helix_roles import HelixRole, coerce_role
from reports.helix import SIDES, HelixComposition


def delegations_received(rows: Iterable[tuple[str, int]]) -> list[tuple[str, int]]:
    """``(city, missions received)`` sorted by count (descending) then name."""
    counter: Counter[str] = Counter()
    for city, count in rows:
        counter[city] += count
    return sorted(counter.items(), key=lambda item: (-item[1], item[0]))


def per_year(
    rows: Iterable[tuple[str, int] | tuple[str, int, int]],
) -> tuple[list[int], dict[str, dict[int, int]]]:
    """Pivot ``(key, year)`` pairs, or grouped ``(key, year, count)`` rows: the sorted
    years and ``{key: {year: count}}``."""
    table: dict[str, dict[int, int]] = defaultdict(dict)
    years: set[int] = set()
    for key, year, *count in rows:
        years.add(year)
        table[key][year] = table[key].get(year, 0) + (count[0] if count else 1)
    ordered = sorted(years)
    return ordered, {key: {y: counts.get(y, 0) for y in ordered} for key, counts in table.items()}


def roles_over_time(
    rows: Iterable[tuple[int, HelixRole | str | None] | tuple[int, HelixRole | str | None, int]],
) -> tuple[list[int], dict[HelixRole, list[int]]]:
    """Participants per helix role per year from ``(year, role)`` pairs (one per
    person-event), or grouped ``(year, role, count)`` rows."""
    counter: Counter[tuple[int, HelixRole]] = Counter()
    years: set[int] = set()
    for year, role, *count in rows:
        years.add(year)
        parsed = coerce_role(role)
        if parsed is not None:
            counter[(year, parsed)] += count[0] if count else 1
    ordered = sorted(years)
    return ordered, {role: [counter[(y, role)] for y in ordered] for role in HelixRole}


def outcomes_by_kind(rows: Iterable[tuple[str, int]], kinds: Sequence[str]) -> dict[str, int]:
    """Grouped ``(kind, count)`` rows per kind (all of ``kinds`` present, zeros included)."""
    counter: Counter[str] = Counter()
    for kind, count in rows:
        counter[kind] += count
    return {kind: counter.get(kind, 0) for kind in kinds}


def helix_chart(
    composition: HelixComposition,
    role_labels: Mapping[HelixRole, str],
    side_labels: Mapping[str, str],
    title: str = "",
) -> dict[str, object]:
    """Chart.js payload: one stacked bar per helix role, one dataset per side present."""
    sides = composition.sides_present() or list(SIDES[:2])
    return {
        "type": "bar",
        "stacked": True,
        "title": title,
        "labels": [role_labels[role] for role in HelixRole],
        "datasets": [
            {"label": side_labels[side], "data": [composition.count(r, side) for r in HelixRole]}
            for side in sides
        ],
    }


def series_chart(
    labels: Sequence[object],
    series: Mapping[str, Sequence[int]],
    kind: str = "bar",
    stacked: bool = False,
    title: str = "",
) -> dict[str, object]:
    """Chart.js payload for named series over shared labels (years, cities…)."""
    return {
        "type": kind,
        "stacked": stacked,
        "title": title,
        "labels": [str(label) for label in labels],
        "datasets": [{"label": name, "data": list(values)} for name, values in series.items()],
    }
