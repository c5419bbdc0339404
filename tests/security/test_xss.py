"""Every text field of every model holds an XSS payload; no page or feed shows one raw.

The test is generic over ``db.Model`` metadata, so models added later are covered without
changes here. Columns that are codes rather than text (short strings, slugs, enums, zone
names…) are left alone: list one in :data:`NOT_TEXT` as ``"table.column"`` if yours is
such a code and the payload breaks it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import sqlalchemy as sa
from flask import Flask
from markupsafe import escape

from audit import services as audit
from core.extensions import db
from tests.security.route_matrix import cases_of, collect
from tests.security.walk import build_url, client_for, routes
from tests.security.world import World, build_world
from tests.security.xss_corpus import (
    ICAL_INJECTION,
    PAYLOADS,
    URL_PAYLOAD,
    dangerous_urls,
    ical_injected,
    payload_for,
    unescaped_payloads,
)

CODE_NAMES = frozenset({
    "slug", "email", "uid", "feed_token", "password_hash", "timezone", "language", "role",
    "kind", "status", "visibility", "side", "stage", "helix_role", "country", "sdgs", "action",
    "object_type",
})
"""Column names that hold codes or identifiers, never free text."""

NOT_TEXT: frozenset[str] = frozenset({
    "travel_leg.departure_timezone",  # IANA zone names, validated like event.timezone
    "travel_leg.arrival_timezone",
})
"""Extra ``"table.column"`` codes to leave alone (add yours with a reason)."""

MIN_TEXT_LENGTH = 25
"""Shorter ``String`` columns are codes (``String(12)`` statuses and the like)."""

ROLES_WALKED = ("admin", "city_staff", "delegate", "anonymous")


def _text_columns(table: sa.Table) -> Iterator[sa.Column[Any]]:
    """Free-text columns of ``table``."""
    for column in table.columns:
        if column.primary_key or column.foreign_keys or column.name in CODE_NAMES:
            continue
        if f"{table.name}.{column.name}" in NOT_TEXT:
            continue
        if not isinstance(column.type, sa.String):
            continue
        length = getattr(column.type, "length", None)
        if length is not None and length < MIN_TEXT_LENGTH:
            continue
        yield column


def _value(column: sa.Column[Any], index: int, row_id: Any, text: str | None) -> str:
    """The payload for one cell: URL payload for URL columns, unique where needed."""
    if column.name.endswith("_url"):
        return URL_PAYLOAD
    length = getattr(column.type, "length", None)
    suffix = f" #{row_id}" if column.unique else ""
    base = text if text is not None else payload_for(index)
    if length is not None:
        base = base[: length - len(suffix)]
    return base + suffix


def fill_every_text_field(text: str | None = None) -> list[str]:
    """Write a payload (or ``text``) into every text cell of every table; return them."""
    stored: list[str] = []
    index = 0
    for table in db.metadata.sorted_tables:
        columns = list(_text_columns(table))
        if not columns:
            continue
        key = list(table.primary_key.columns)
        for row in db.session.execute(sa.select(*key)).all():
            values = {}
            for column in columns:
                values[column.name] = _value(column, index, row[0], text)
                index += 1
            condition = sa.and_(*(col == row[i] for i, col in enumerate(key)))
            db.session.execute(table.update().where(condition).values(**values))
            stored.extend(v for v in values.values() if v != URL_PAYLOAD)
    db.session.commit()
    db.session.expire_all()
    return stored


def _pages(app: Flask, world: World) -> Iterator[tuple[str, str, str, int]]:
    """``(role, url, content type, status)`` and body of every GET route per role."""
    matrix = collect()
    for role in ROLES_WALKED:
        for key, rule, method in routes(app):
            if method != "GET":
                continue
            for case in cases_of(matrix.get(key, ())) or [None]:
                client = client_for(app, role, world)
                url = build_url(app, rule, case, world)
                response = client.get(url)
                yield role, url, response.content_type or "", response.status_code, \
                    response.get_data(as_text=True)


def _add_audit_entry(world: World) -> None:
    """An audit entry whose before/after values are payloads (rendered by the partial)."""
    for obj in (world.liuzhou_event, world.mission):
        audit.record(world.users["organiser"], "changed", obj,
                     {"title_en": (PAYLOADS[0], PAYLOADS[1]), "venue": (PAYLOADS[2], None)})
    db.session.commit()


def test_no_payload_reaches_a_page_unescaped(app: Flask) -> None:
    world = build_world()
    _add_audit_entry(world)
    stored = fill_every_text_field()
    assert len(stored) > 20
    problems: list[str] = []
    shown_escaped = 0
    checked = 0
    for role, url, content_type, status, body in _pages(app, world):
        if status >= 500:
            problems.append(f"{role} {url}: {status} with payloads stored")
            continue
        if not content_type.startswith(("text/html", "application/xml", "text/xml",
                                        "application/atom+xml", "application/rss+xml")):
            continue
        checked += 1
        for payload in unescaped_payloads(body, [*PAYLOADS, *stored]):
            problems.append(f"{role} {url}: unescaped {payload!r}")
        for attribute in dangerous_urls(body):
            problems.append(f"{role} {url}: dangerous URL {attribute!r}")
        shown_escaped += sum(str(escape(p))[:20] in body for p in PAYLOADS)
    assert checked >= 10
    assert shown_escaped > 0, "payloads never reached a page: the walk proves nothing"
    assert not problems, "\n".join(sorted(set(problems)))


def test_line_breaks_cannot_inject_calendar_properties(app: Flask) -> None:
    world = build_world()
    fill_every_text_field(ICAL_INJECTION)
    problems = [
        f"{role} {url}"
        for role, url, content_type, _status, body in _pages(app, world)
        if content_type.startswith("text/calendar") and ical_injected(body)
    ]
    assert not problems, f"calendar property injected via a text field: {problems}"


@pytest.mark.parametrize("payload", PAYLOADS[:3])
def test_payload_in_sign_in_form_is_escaped(app: Flask, payload: str) -> None:
    response = app.test_client().post("/login", data={"email": payload, "password": "x"})
    assert payload not in response.get_data(as_text=True)
