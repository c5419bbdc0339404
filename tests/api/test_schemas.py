"""The API's date pattern admits exactly the programme's years."""

from __future__ import annotations

import re

import pytest

from api.schemas import PROGRAMME_DATE, year_pattern
from core.fields import FIRST_YEAR, LAST_YEAR


@pytest.mark.parametrize(("first", "last"), [(FIRST_YEAR, LAST_YEAR), (1975, 1983), (2000, 2009)])
def test_year_pattern_matches_the_range_only(first: int, last: int) -> None:
    pattern = re.compile(f"^({year_pattern(first, last)})$")
    matched = [year for year in range(1000, 10000) if pattern.match(str(year))]
    assert matched == list(range(first, last + 1))


def test_programme_date_bounds_follow_core_fields() -> None:
    pattern = re.compile(PROGRAMME_DATE)
    assert pattern.match(f"{FIRST_YEAR}-01-01") and pattern.match(f"{LAST_YEAR}-12-31")
    assert not pattern.match(f"{FIRST_YEAR - 1}-12-31")
    assert not pattern.match(f"{LAST_YEAR + 1}-01-01")
    assert not pattern.match(f"{LAST_YEAR}-13-01")
