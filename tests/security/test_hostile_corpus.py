"""Hostile input on every route of the matrix: no 5xx, no partial write, no dangling id.

Driven from the route matrix (``tests/security/matrix``) and the pages themselves: every
GET route gets out-of-range ids and NUL in its path, hostile values in every query
parameter the pages read (and every field of their GET forms) and a foreign ``Host``;
every POST form, found by parsing the page that shows it, is sent as an organiser with
each field in turn replaced by a hostile value (:mod:`tests.security.hostile`). A form
error must leave every table's row count unchanged; an accepted write must leave no
dangling reference (SQLite does not enforce foreign keys). A new route or field is
covered without a new test.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from flask import Flask, got_request_exception
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select, text
from werkzeug.routing import Rule
from werkzeug.routing.converters import NumberConverter

from core.extensions import db
from tests.database import empty_all_tables
from tests.security import hostile
from tests.security.route_matrix import Case, cases_of, collect
from tests.security.walk import client_for, routes, sql_writes
from tests.security.world import World, build_world, default_args

ROLE = "organiser"
FOREIGN_HOST = "evil.example"
SKIPPED_POSTS = frozenset({"accounts.logout"})


@pytest.fixture
def errors(app: Flask) -> Iterator[list[str]]:
    """Answer unhandled exceptions with a 500 (as in production) and collect them."""
    seen: list[str] = []

    def record(_sender: Any, exception: BaseException, **_extra: Any) -> None:
        seen.append(f"{type(exception).__name__}: {str(exception)[:200]}")

    app.config["PROPAGATE_EXCEPTIONS"] = False
    got_request_exception.connect(record, app)
    yield seen
    got_request_exception.disconnect(record, app)


def _error(response: Any, errors: list[str]) -> str:
    """The status and the exception behind a 5xx answer."""
    return f"{response.status_code} {errors[-1] if errors else ''}"


def _get_routes(app: Flask) -> list[tuple[str, Rule]]:
    return [(key, rule) for key, rule, method in routes(app) if method == "GET"]


def _first_case(matrix: dict[str, Any], key: str) -> Case | None:
    cases = cases_of(matrix.get(key, ()))
    return cases[0] if cases else None


def _values(rule: Rule, case: Case | None, world: World) -> dict[str, Any]:
    if case is not None and case.args is not None:
        return dict(case.args(world))
    return default_args(rule.endpoint, set(rule.arguments), world)


def _url(app: Flask, rule: Rule, values: dict[str, Any]) -> str:
    with app.test_request_context():
        from flask import url_for

        return url_for(rule.endpoint, **values)


def _path_variants(app: Flask, rule: Rule, values: dict[str, Any]) -> Iterator[str]:
    """The route's URL with each argument replaced by a hostile value."""
    for name in sorted(rule.arguments):
        if isinstance(rule._converters[name], NumberConverter):  # noqa: SLF001
            for bad in hostile.OUT_OF_RANGE_IDS:
                url = _url(app, rule, {**values, name: 1})
                # Build with a valid id, then substitute: url_for refuses a negative int.
                yield url.replace("/1", "/" + bad, 1) if bad.startswith("-") else _url(
                    app, rule, {**values, name: int(bad)})
        else:
            yield _url(app, rule, {**values, name: hostile.NUL})


BOOKKEEPING_TABLES = frozenset({"rate_limit_hit"})
"""Tables a refused request may write to (sign-in attempts count against the limit)."""


def _row_counts() -> dict[str, int]:
    db.session.rollback()
    return {table.name: db.session.scalar(select(func.count()).select_from(table)) or 0
            for table in db.metadata.sorted_tables if table.name not in BOOKKEEPING_TABLES}


def _dangling() -> list[Any]:
    if db.engine.dialect.name != "sqlite":
        return []  # PostgreSQL enforces the foreign keys itself
    db.session.rollback()
    handled = {(fk.parent.table.name, fk.column.table.name) for table in db.metadata.tables.values()
               for fk in table.foreign_keys if fk.ondelete}
    # SQLite runs without foreign keys, so it leaves ON DELETE SET NULL/CASCADE undone;
    # PostgreSQL applies them. Only references no database action would fix count.
    return [row for row in db.session.execute(text("PRAGMA foreign_key_check"))
            if (row[0], row[2]) not in handled]


def _fresh_world() -> World:
    db.session.rollback()
    empty_all_tables()
    return build_world()


def test_hostile_get_requests(app: Flask, errors: list[str]) -> None:
    """Every GET route: bad path ids/slugs, hostile query values, a foreign Host."""
    matrix, world = collect(), build_world()
    failures: list[str] = []
    tried = 0
    for key, rule in _get_routes(app):
        values = _values(rule, _first_case(matrix, key), world)
        base = _url(app, rule, values)
        client = client_for(app, ROLE, world)
        page = client.get(base)
        params = set(hostile.QUERY_PARAMS)
        if page.mimetype == "text/html":
            params |= hostile.get_form_params(page.get_data(as_text=True))
        requests = [(url, {}) for url in _path_variants(app, rule, values)]
        names = sorted(params)
        requests += [(f"{base}?{hostile.query_string(dict.fromkeys(names, value))}", {})
                     for value in hostile.QUERY_VALUES if value is not hostile.LONG]
        # 100 KB in every parameter at once would be megabytes: one parameter per route.
        long_param = names[len(requests) % len(names)]
        requests.append((f"{base}?{hostile.query_string({long_param: hostile.LONG})}", {}))
        requests.append((base, {"Host": FOREIGN_HOST}))
        for url, headers in requests:
            client = client_for(app, ROLE, world)
            with sql_writes() as writes:
                response = client.get(url, headers=headers)
            tried += 1
            if response.status_code >= 500:
                failures.append(f"{key} {url[:160]} {headers}: {_error(response, errors)}")
            if writes:
                failures.append(f"{key} {url[:160]}: GET wrote {writes}")
            if headers and FOREIGN_HOST in response.get_data(as_text=True):
                failures.append(f"{key}: the foreign Host is echoed in the page")
    print(f"hostile GET requests tried: {tried}")
    assert not failures, "\n".join(failures)


def _post_targets(app: Flask, world: World) -> Iterator[tuple[str, Rule, str, dict]]:
    """``(key, rule, url, fields)`` of every POST route, fields read from its GET page."""
    matrix = collect()
    for key, rule, method in routes(app):
        if method != "POST" or rule.endpoint in SKIPPED_POSTS:
            continue
        case = _first_case(matrix, key)
        url = _url(app, rule, _values(rule, case, world))
        fields: dict[str, list[str]] = {}
        if "GET" in (rule.methods or ()):
            page = client_for(app, ROLE, world).get(url)
            fields = hostile.fields_of_post_form(page.get_data(as_text=True), url)
        if case is not None and case.data is not None:
            for name, value in case.data(world).items():
                fields[name] = [str(value)]
        fields.setdefault("version_id", [""])
        yield key, rule, url, fields


def _post(app: Flask, world: World, url: str, pairs: list[tuple[str, object]]) -> Any:
    client = client_for(app, ROLE, world)
    return client.post(url, data=hostile.form_body(pairs),
                       content_type="application/x-www-form-urlencoded")


def test_hostile_form_fields(app: Flask, errors: list[str]) -> None:
    """Every POST form, each field replaced by each hostile value, as an organiser."""
    world = build_world()
    targets = list(_post_targets(app, world))
    failures: list[str] = []
    tried = 0
    counts = _row_counts()
    for key, _rule, url, fields in targets:
        attempts = [dict.fromkeys(fields, value) for value in hostile.FORM_VALUES]
        attempts += [{name: value} for name in sorted(fields)
                     for value in hostile.values_for_field(name, fields[name])]
        for replaced in attempts:
            pairs = [(n, replaced[n]) if n in replaced else (n, v)
                     for n, vs in fields.items() for v in (vs if n not in replaced else [0])]
            name, value = next(iter(replaced.items()))
            if len(replaced) > 1:
                name = "every field"
            response = _post(app, world, url, pairs)
            tried += 1
            where = f"{key} {name}={hostile.describe(value)}"
            if response.status_code >= 500:
                failures.append(f"{where}: {_error(response, errors)}")
                world, counts = _fresh_world(), _row_counts()
            elif response.status_code in (302, 303):
                if dangling := _dangling():
                    failures.append(f"{where}: saved a dangling reference {dangling}")
                world, counts = _fresh_world(), _row_counts()
            elif (after := _row_counts()) != counts:
                changed = {t: (counts[t], after[t]) for t in after if after[t] != counts[t]}
                failures.append(f"{where}: {response.status_code} but wrote {changed}")
                world, counts = _fresh_world(), _row_counts()
    print(f"hostile form posts tried: {tried}")
    assert not failures, "\n".join(failures)


_TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)
_HOSTILE = st.one_of(st.sampled_from(hostile.QUERY_VALUES), _TEXT,
                     st.integers(min_value=-(2**70), max_value=2**70).map(str))


@pytest.mark.parametrize("examples", [60])
def test_random_query_parameters(app: Flask, errors: list[str], examples: int) -> None:
    """Property: any mix of hostile query parameters on any GET route answers below 500."""
    world = build_world()
    get_routes = _get_routes(app)
    matrix = collect()
    urls = [_url(app, rule, _values(rule, _first_case(matrix, key), world))
            for key, rule in get_routes]

    @settings(max_examples=examples, deadline=None, derandomize=True, database=None,
              suppress_health_check=[HealthCheck.too_slow])
    @given(index=st.integers(0, len(urls) - 1),
           params=st.dictionaries(st.sampled_from(hostile.QUERY_PARAMS), _HOSTILE,
                                  min_size=1, max_size=4))
    def check(index: int, params: dict[str, object]) -> None:
        url = f"{urls[index]}?{hostile.query_string(params)}"
        response = client_for(app, ROLE, world).get(url)
        assert response.status_code < 500, f"{url[:200]}: {_error(response, errors)}"

    check()
