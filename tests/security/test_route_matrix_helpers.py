"""Pure tests of the route-matrix helpers."""

from __future__ import annotations

import pytest

from tests.security.route_matrix import (
    LOGIN,
    Case,
    admins,
    cases_of,
    everyone,
    expect,
    only,
    organisers,
    route_key,
    signed_in,
    staff,
    suggest,
)


def test_helpers_fill_every_role() -> None:
    assert everyone().expected == {
        "admin": 200, "organiser": 200, "city_staff": 200, "delegate": 200, "anonymous": 200
    }
    assert signed_in(302).expected["anonymous"] == LOGIN
    assert signed_in(302).expected["delegate"] == 302
    assert staff().expected == {
        "admin": 200, "organiser": 200, "city_staff": 200, "delegate": 403, "anonymous": LOGIN
    }
    assert organisers().expected["city_staff"] == 403
    assert admins().expected["organiser"] == 403
    assert only("delegate", denied=404).expected["admin"] == 404


def test_but_overrides_single_roles() -> None:
    case = staff().but(city_staff=403)
    assert case.expected["city_staff"] == 403
    assert case.expected["organiser"] == 200
    with pytest.raises(ValueError):
        staff().but(superuser=200)


def test_case_needs_every_role() -> None:
    with pytest.raises(ValueError):
        Case(expected={"admin": 200})
    with pytest.raises(ValueError):
        only("nobody")


def test_keys_cases_and_suggestions() -> None:
    assert route_key("GET", "events.detail") == "GET events.detail"
    case = everyone()
    assert cases_of(case) == [case]
    assert cases_of([case, case]) == [case, case]
    line = suggest("GET x.y", staff().expected)
    assert line.startswith('    "GET x.y": expect(admin=200,')
    assert "anonymous='login'" in line
    rebuilt = eval(line.strip().split(": ", 1)[1].rstrip(","), {"expect": expect})  # noqa: S307
    assert rebuilt.expected == staff().expected
