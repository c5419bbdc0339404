"""Helix roles and composition."""

import pytest

from organisations.helix_roles import HelixRole, parse_role
from reports.helix import HelixComposition, HelixLevel, compose, from_counts


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("government", HelixRole.GOVERNMENT),
        (" Government ", HelixRole.GOVERNMENT),
        ("政府", HelixRole.GOVERNMENT),
        ("Industry", HelixRole.INDUSTRY),
        ("business", HelixRole.INDUSTRY),
        ("产业界", HelixRole.INDUSTRY),
        ("Academia/Research", HelixRole.ACADEMIA),
        ("academia / research", HelixRole.ACADEMIA),
        ("学术界", HelixRole.ACADEMIA),
        ("civil_society", HelixRole.CIVIL_SOCIETY),
        ("Civil society", HelixRole.CIVIL_SOCIETY),
        ("civil-society", HelixRole.CIVIL_SOCIETY),
        ("Civil Society/Media", HelixRole.CIVIL_SOCIETY),
        ("公民社会", HelixRole.CIVIL_SOCIETY),
    ],
)
def test_parse_role_reads_english_and_chinese(text, role):
    assert parse_role(text) is role


def test_parse_role_empty_is_none_and_unknown_raises():
    assert parse_role("") is None
    assert parse_role("   ") is None
    assert parse_role(None) is None
    with pytest.raises(ValueError, match="astrology"):
        parse_role("astrology")


def test_composition_counts_by_role_and_side():
    people = [
        ("government", "eu"),
        ("government", "china"),
        (HelixRole.INDUSTRY, "china"),
        ("academia", "eu"),
        ("academia", "eu"),
        (None, "china"),
        ("civil_society", None),
    ]
    helix = compose(people)
    assert helix.total == 7
    assert helix.count(HelixRole.ACADEMIA) == 2
    assert helix.count(side="eu") == 3
    assert helix.count(HelixRole.GOVERNMENT, "china") == 1
    assert helix.by_role() == {
        HelixRole.GOVERNMENT: 2,
        HelixRole.INDUSTRY: 1,
        HelixRole.ACADEMIA: 2,
        HelixRole.CIVIL_SOCIETY: 1,
    }
    assert helix.by_side() == {"eu": 3, "china": 3, "international": 0, "other": 0}
    assert helix.unassigned() == 1
    assert helix.sides_present() == ["eu", "china"]


def test_triple_and_quadruple_completeness_overall_and_per_side():
    helix = compose([("government", "eu"), ("industry", "china"), ("academia", "eu"), (None, "eu")])
    assert helix.is_complete(HelixLevel.TRIPLE)
    assert not helix.is_complete(HelixLevel.QUADRUPLE)
    assert helix.missing(HelixLevel.QUADRUPLE) == [HelixRole.CIVIL_SOCIETY]
    assert not helix.is_complete(HelixLevel.TRIPLE, side="eu")
    assert helix.missing(HelixLevel.TRIPLE, side="eu") == [HelixRole.INDUSTRY]
    full = helix + compose([("civil_society", "china")])
    assert full.is_complete(HelixLevel.QUADRUPLE)
    assert full.total == 5


def test_empty_composition_is_incomplete_with_zero_rows():
    helix = HelixComposition()
    assert helix.total == 0
    assert helix.missing() == list(HelixRole)[:3]
    table = helix.table()
    assert [row["role"] for row in table] == list(HelixRole)
    assert all(row["total"] == 0 for row in table)


def test_table_rows_split_by_side():
    helix = compose([("industry", "eu"), ("industry", "china"), ("industry", "china")])
    row = helix.table()[1]
    assert row["role"] is HelixRole.INDUSTRY
    assert row["sides"] == {"eu": 1, "china": 2, "international": 0, "other": 0}
    assert row["total"] == 3


def test_invalid_stored_role_is_rejected():
    with pytest.raises(ValueError):
        compose([("astrology", "eu")])


def test_from_counts_reads_grouped_query_rows():
    helix = from_counts([("government", "eu", 3), ("academia", "china", 2), (None, None, 1)])
    assert helix.total == 6
    assert helix.count(HelixRole.GOVERNMENT, "eu") == 3
    assert helix.unassigned() == 1
