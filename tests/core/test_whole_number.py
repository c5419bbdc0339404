"""Numbers typed into forms and query strings: ASCII digits within a bound, or nothing."""

import pytest

from core.text import whole_number
from invitations.attendance_import import parse_minutes
from registrations.schedule import parse_hours


@pytest.mark.parametrize(("text", "expected"), [
    ("0", 0), (" 42 ", 42), ("104", 104), ("105", None), ("", None), (None, None),
    ("²", None), ("٣", None), ("-1", None), ("1e3", None), ("1" * 5000, None),
])
def test_whole_number(text: str | None, expected: int | None) -> None:
    assert whole_number(text, 104) == expected


def test_parsers_skip_what_int_would_choke_on() -> None:
    assert parse_hours("24, ², 1") == [24, 1]
    assert parse_hours("9" * 5000) == []
    assert parse_minutes("²") is None and parse_minutes("1" * 5000) is None
    assert parse_minutes("01:05:23") == 65


def test_duplicate_with_odd_weeks_is_a_message(client, login) -> None:  # noqa: ANN001
    from tests.events.factories import event

    login("organiser")
    original = event("Cluster meeting")
    for weeks in ("²", "1" * 5000, "105"):
        response = client.post(f"/events/{original.id}/duplicate", data={"weeks": weeks})
        assert response.status_code in (200, 302), weeks
