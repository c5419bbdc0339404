"""The route × role matrix walked by ``tests/security/test_route_matrix.py``.

Every ``METHOD endpoint`` pair of ``app.url_map`` (HEAD/OPTIONS and ``static`` aside)
needs an entry; a route without one fails the test, and so does an entry whose route
no longer exists.

How to add entries for your package
-----------------------------------
Create (or edit) ``tests/security/matrix/<your_package>.py`` with a ``ROUTES`` dict; it
is collected automatically, so engineers never edit the same file::

    from tests.security.route_matrix import everyone, only, organisers, staff

    own = lambda w: {"event_id": w.liuzhou_event.id}    # Liuzhou staff own it
    other = lambda w: {"event_id": w.chengdu_event.id}  # internal, in Chengdu

    ROUTES = {
        "GET events.index": everyone(),
        "GET events.detail": [everyone(args=own),
                              everyone(args=other).but(anonymous=404)],
        "GET events.edit": [staff(args=own), staff(args=other).but(city_staff=403)],
        "POST events.edit": [staff(302, args=own, data=lambda w: {...}),
                             staff(302, args=other).but(city_staff=403)],
        "POST events.cancel": organisers(302),
        "GET events.export": only("admin", "organiser", "city_staff"),
    }

The value is a :class:`Case` (or a list of them to check several targets, e.g. the
own-city and the other-city event). Helpers build the common shapes; ``.but(role=...)``
overrides single roles. Outcomes are HTTP status codes or :data:`LOGIN` (a redirect to the
sign-in page). URL values come from ``args`` (a function of the test programme built by
``tests/security/world.py``: Liuzhou/Chengdu events, missions, invitations, one user per
role) or, when omitted, from ``DEFAULT_ARGS`` there, by argument name. Non-GET requests
are sent with the form data from ``data`` (empty by default) on a freshly rebuilt
programme, CSRF checks off (``test_csrf_and_headers.py`` checks CSRF on every write route
separately), so an allowed POST usually answers 200 (the form with its errors) or 302.
Every GET is also checked to write nothing to the database, and every non-GET view must
carry ``@require``. When an entry is missing the test prints the observed outcomes as a
ready-to-paste line: check it says what you intend before pasting.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Final

from accounts.policy import ALL_ROLES, ANONYMOUS, ROLES

LOGIN: Final = "login"
"""Outcome: a redirect to the sign-in page (what anonymous visitors get on private pages)."""

Outcome = int | str
ArgsFn = Callable[[Any], Mapping[str, Any]]


@dataclass(frozen=True)
class Case:
    """Expected outcome per role for one request, plus how to build it."""

    expected: Mapping[str, Outcome]
    args: ArgsFn | None = None
    data: ArgsFn | None = None
    note: str = ""
    extra: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        missing = set(ALL_ROLES) - set(self.expected)
        if missing:
            raise ValueError(f"Case lacks an outcome for {sorted(missing)}")

    def but(self, **outcomes: Outcome) -> Case:
        """Return a copy with the outcome of the named roles replaced."""
        unknown = set(outcomes) - set(ALL_ROLES)
        if unknown:
            raise ValueError(f"unknown roles {sorted(unknown)}")
        return replace(self, expected={**self.expected, **outcomes})


def expect(
    *,
    admin: Outcome,
    organiser: Outcome,
    city_staff: Outcome,
    delegate: Outcome,
    anonymous: Outcome,
    args: ArgsFn | None = None,
    data: ArgsFn | None = None,
    note: str = "",
) -> Case:
    """Spell out the outcome of every role."""
    expected = {
        "admin": admin,
        "organiser": organiser,
        "city_staff": city_staff,
        "delegate": delegate,
        ANONYMOUS: anonymous,
    }
    return Case(expected=expected, args=args, data=data, note=note)


def everyone(status: Outcome = 200, **kwargs: Any) -> Case:
    """Public route: every role, anonymous included, gets ``status``."""
    return Case(expected=dict.fromkeys(ALL_ROLES, status), **kwargs)


def signed_in(status: Outcome = 200, **kwargs: Any) -> Case:
    """Any signed-in role gets ``status``; anonymous visitors are sent to sign in."""
    return only(*ROLES, status=status, **kwargs)


def only(*roles: str, status: Outcome = 200, denied: Outcome = 403, **kwargs: Any) -> Case:
    """``roles`` get ``status``; other signed-in roles ``denied``; anonymous LOGIN."""
    unknown = set(roles) - set(ALL_ROLES)
    if unknown:
        raise ValueError(f"unknown roles {sorted(unknown)}")
    expected: dict[str, Outcome] = {role: status if role in roles else denied for role in ROLES}
    expected[ANONYMOUS] = status if ANONYMOUS in roles else LOGIN
    return Case(expected=expected, **kwargs)


def staff(status: Outcome = 200, **kwargs: Any) -> Case:
    """Admin, organisers and city staff (city staff acting on their own city)."""
    return only("admin", "organiser", "city_staff", status=status, **kwargs)


def organisers(status: Outcome = 200, **kwargs: Any) -> Case:
    """Admins and organisers only."""
    return only("admin", "organiser", status=status, **kwargs)


def admins(status: Outcome = 200, **kwargs: Any) -> Case:
    """Admins only."""
    return only("admin", status=status, **kwargs)


def route_key(method: str, endpoint: str) -> str:
    """The matrix key of a route: ``"GET events.detail"``."""
    return f"{method} {endpoint}"


def cases_of(entry: Case | Sequence[Case]) -> list[Case]:
    """Normalise a matrix value to a list of cases."""
    return [entry] if isinstance(entry, Case) else list(entry)


def collect(package: str = "tests.security.matrix") -> dict[str, Case | Sequence[Case]]:
    """Merge the ``ROUTES`` dicts of every module in ``package``; duplicates are errors."""
    merged: dict[str, Case | Sequence[Case]] = {}
    pkg = importlib.import_module(package)
    for info in sorted(pkgutil.iter_modules(pkg.__path__), key=lambda i: i.name):
        module = importlib.import_module(f"{package}.{info.name}")
        for key, entry in getattr(module, "ROUTES", {}).items():
            if key in merged:
                raise ValueError(f"{key} is in the matrix twice (second: {module.__name__})")
            method, _, endpoint = key.partition(" ")
            if not endpoint or method != method.upper():
                raise ValueError(f"bad matrix key {key!r}: use 'METHOD endpoint'")
            merged[key] = entry
    return merged


def suggest(key: str, observed: Mapping[str, Outcome]) -> str:
    """A ready-to-paste matrix line reproducing ``observed`` outcomes."""
    values = ", ".join(f"{role}={observed[role]!r}" for role in ALL_ROLES)
    return f'    "{key}": expect({values}),'
