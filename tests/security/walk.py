"""Walking the app's routes as a given role (shared by the matrix, CSRF and XSS tests)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from flask import Flask, g, url_for
from flask.testing import FlaskClient
from sqlalchemy import event
from werkzeug.routing import Rule
from werkzeug.test import TestResponse

from accounts.policy import ANONYMOUS
from core.extensions import db
from tests.security.route_matrix import LOGIN, Case, Outcome, route_key
from tests.security.world import World, default_args

SKIPPED_ENDPOINTS = frozenset({"static"})
IGNORED_METHODS = frozenset({"HEAD", "OPTIONS"})
WRITE_SQL = ("INSERT", "UPDATE", "DELETE")


def routes(app: Flask) -> Iterator[tuple[str, Rule, str]]:
    """``(key, rule, method)`` for every route and method the matrix must cover."""
    for rule in sorted(app.url_map.iter_rules(), key=lambda r: (r.endpoint, r.rule)):
        if rule.endpoint in SKIPPED_ENDPOINTS:
            continue
        for method in sorted((rule.methods or set()) - IGNORED_METHODS):
            yield route_key(method, rule.endpoint), rule, method


def client_for(app: Flask, role: str, world: World) -> FlaskClient:
    """A fresh client signed in as ``role``'s user (anonymous: not signed in).

    Requests reuse the test's app context, so the user Flask-Login cached in ``g`` by
    an earlier request is dropped first.
    """
    g.pop("_login_user", None)
    client = app.test_client()
    if role != ANONYMOUS:
        with client.session_transaction() as session:
            session["_user_id"] = world.users[role].get_id()
            session["_fresh"] = True
    return client


def build_url(app: Flask, rule: Rule, case: Case | None, world: World) -> str:
    """The URL of ``rule`` with the case's arguments (or the defaults)."""
    if case is not None and case.args is not None:
        values = dict(case.args(world))
    else:
        values = default_args(rule.endpoint, set(rule.arguments), world)
    with app.test_request_context():
        return url_for(rule.endpoint, **values)


def outcome(response: TestResponse, app: Flask) -> Outcome:
    """The response as a matrix outcome: a status, or LOGIN for a sign-in redirect."""
    if response.status_code in (301, 302, 303, 307, 308):
        with app.test_request_context():
            login_path = url_for("accounts.login")
        if (response.location or "").split("?", 1)[0].endswith(login_path):
            return LOGIN
    return response.status_code


@contextmanager
def sql_writes() -> Iterator[list[str]]:
    """Collect the INSERT/UPDATE/DELETE statements run inside the block."""
    statements: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.lstrip().upper().startswith(WRITE_SQL):
            statements.append(statement.split("\n", 1)[0])

    engine = db.engine
    event.listen(engine, "before_cursor_execute", record)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", record)
