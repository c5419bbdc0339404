"""Every route × every role answers what the matrix says; GET never writes.

The matrix lives in ``tests/security/matrix/<package>.py`` (see ``route_matrix.py``).
"""

from __future__ import annotations

import pytest
from flask import Flask
from sqlalchemy import text

from accounts.policy import ALL_ROLES
from core.extensions import db
from tests.security.route_matrix import cases_of, collect, suggest
from tests.security.walk import build_url, client_for, outcome, routes, sql_writes
from tests.security.world import World, build_world

UNGUARDED_WRITES = frozenset({"accounts.login", "accounts.logout"})
"""Write endpoints that need no ``@require`` (anyone may sign in or out)."""


def _reset_world() -> World:
    """Empty every table and build the world again (after a write changed it)."""
    db.session.rollback()
    tables = list(reversed(db.metadata.sorted_tables))
    if db.engine.dialect.name == "postgresql":
        names = ", ".join(f'"{t.name}"' for t in tables)
        db.session.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
    else:
        for table in tables:
            db.session.execute(table.delete())
    db.session.commit()
    return build_world()


def test_every_route_has_an_entry(app: Flask) -> None:
    """A route without a matrix entry (or an entry without a route) fails."""
    matrix = collect()
    keys = {key for key, _rule, _method in routes(app)}
    missing = sorted(keys - set(matrix))
    stale = sorted(set(matrix) - keys)
    lines = []
    if missing:
        world = build_world()
        for key, rule, method in routes(app):
            if key in missing:
                observed = {}
                for role in ALL_ROLES:
                    client = client_for(app, role, world)
                    response = client.open(build_url(app, rule, None, world), method=method)
                    observed[role] = outcome(response, app)
                lines.append(suggest(key, observed))
    assert not missing and not stale, (
        "Route matrix out of date.\n"
        + ("Missing (observed outcomes; check before pasting into "
           "tests/security/matrix/<package>.py):\n" + "\n".join(lines) + "\n" if missing else "")
        + (f"Entries without a route: {stale}\n" if stale else "")
    )


def test_every_write_route_declares_its_permission(app: Flask) -> None:
    """Each non-GET view is wrapped in ``@require(...)`` (except sign-in/out)."""
    unguarded = sorted(
        key for key, rule, method in routes(app)
        if method != "GET" and rule.endpoint not in UNGUARDED_WRITES
        and not hasattr(app.view_functions[rule.endpoint], "helix_action")
    )
    assert not unguarded, f"write routes without @require: {unguarded}"


@pytest.mark.parametrize("role", ALL_ROLES)
def test_route_matrix(app: Flask, role: str) -> None:
    """Request every route as ``role`` and compare with the matrix."""
    matrix = collect()
    world = build_world()
    mismatches: list[str] = []
    ordered = sorted(routes(app), key=lambda item: item[2] != "GET")
    for key, rule, method in ordered:
        for case in cases_of(matrix.get(key, ())):
            if method != "GET":
                world = _reset_world()
            client = client_for(app, role, world)
            url = build_url(app, rule, case, world)
            data = dict(case.data(world)) if case.data else {}
            with sql_writes() as writes:
                response = client.open(url, method=method, data=data)
            observed = outcome(response, app)
            expected = case.expected[role]
            if observed != expected:
                mismatches.append(f"{key} {url}: expected {expected!r}, got {observed!r}")
            if method == "GET" and writes:
                mismatches.append(f"{key} {url}: GET wrote to the database: {writes}")
    assert not mismatches, f"as {role}:\n" + "\n".join(mismatches)
