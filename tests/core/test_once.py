"""One-time form tokens (core.once): every create form sent twice, in turn or eight at once
through real HTTP, creates one record and sends the repeat to it; a failed form keeps its
token; old tokens are pruned."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select

from core.extensions import db
from core.once import UsedFormToken, new_token
from core.types import utcnow
from events.models import Event
from tests.events.test_event_writes import form as event_form
from tests.racing import post, race, signed_in, tally, user

WRITERS = 8
ALREADY = "This form had already been saved: here is the result."


@dataclass(frozen=True)
class Case:
    """A create form: its page, a role that may use it, valid data, its model, and a field
    whose value makes the form fail."""

    path: str
    role: str
    data: Callable[[], dict[str, Any]]
    model: type
    bad: dict[str, str]


CASES = {
    "event": Case("/events/new", "organiser", event_form, Event,
                  {"ends_local": "2018-07-03T09:00"}),
}


def count(model: type) -> int:
    """How many ``model`` rows are stored."""
    db.session.expire_all()
    return db.session.scalar(select(func.count()).select_from(model))


def token_on(page: str) -> str:
    """The one-time token a form page carries."""
    found = re.search(r'name="once_token" type="hidden" value="([^"]+)"', page)
    assert found, "the form renders no once_token"
    return found.group(1)


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_repeated_submit_creates_nothing_and_goes_to_the_record(
        client: FlaskClient, login: Callable[..., Any], name: str) -> None:
    case = CASES[name]
    login(case.role)
    token = token_on(client.get(case.path).get_data(as_text=True))
    data = {**case.data(), "once_token": token}
    first = client.post(case.path, data=data)
    assert first.status_code == 302, first.get_data(as_text=True)[:2000]
    again = client.post(case.path, data=data)
    assert again.status_code == 302 and again.location == first.location
    assert count(case.model) == 1
    assert ALREADY in client.get(again.location).get_data(as_text=True)
    other = client.post(case.path, data={**case.data(), "once_token": new_token()})
    assert other.status_code == 302 and other.location != first.location  # a new form


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_failed_form_keeps_its_token_for_the_corrected_resubmit(
        client: FlaskClient, login: Callable[..., Any], name: str) -> None:
    case = CASES[name]
    login(case.role)
    token = new_token()
    failed = client.post(case.path, data={**case.data(), **case.bad, "once_token": token})
    assert failed.status_code == 200
    assert token_on(failed.get_data(as_text=True)) == token
    assert count(case.model) == 0 and count(UsedFormToken) == 0
    saved = client.post(case.path, data={**case.data(), "once_token": token})
    assert saved.status_code == 302 and count(case.model) == 1


def test_a_missing_or_forged_token_is_replaced(client: FlaskClient,
                                               login: Callable[..., Any]) -> None:
    login("organiser")
    for forged in (None, "short", "x" * 31 + "\x07", "y" * 300, "é" * 32):
        data = {**event_form(), "ends_local": "2018-07-03T09:00"}
        if forged is not None:
            data["once_token"] = forged
        page = client.post("/events/new", data=data).get_data(as_text=True)
        assert re.fullmatch(r"[A-Za-z0-9_-]{32}", token_on(page))
    assert client.post("/events/new", data={**event_form(), "once_token": "short"}
                       ).status_code == 302


def test_the_message_is_localised(client: FlaskClient, login: Callable[..., Any]) -> None:
    login("organiser")
    data = {**event_form(), "once_token": new_token()}
    client.post("/events/new?lang=zh", data=data)
    again = client.post("/events/new?lang=zh", data=data)
    assert "此表单已经保存过" in client.get(again.location).get_data(as_text=True)


def test_old_tokens_are_pruned_when_a_new_one_is_used(client: FlaskClient,
                                                      login: Callable[..., Any]) -> None:
    db.session.add_all([UsedFormToken(token="o" * 32, location="/old",
                                      used_at=utcnow() - timedelta(days=2)),
                        UsedFormToken(token="r" * 32, location="/recent",
                                      used_at=utcnow() - timedelta(hours=2))])
    db.session.commit()
    login("organiser")
    client.post("/events/new", data={**event_form(), "once_token": new_token()})
    db.session.expire_all()
    kept = set(db.session.scalars(select(UsedFormToken.token)))
    assert "o" * 32 not in kept and "r" * 32 in kept and len(kept) == 2


@pytest.mark.parametrize("name", sorted(CASES))
def test_parallel_submits_of_one_form_create_one_record(app: Flask, live_server: str,
                                                         name: str) -> None:
    case = CASES[name]
    email = f"{case.role}@example.org"
    user(case.role, email)
    sessions = [signed_in(live_server, email) for _ in range(WRITERS)]
    data = {**case.data(), "once_token": new_token()}

    outcomes = race(WRITERS, lambda index: post(sessions[index], live_server + case.path, data))
    counts = tally(outcomes)
    print(name, counts)
    assert count(case.model) == 1, counts
    assert 500 not in counts, counts
    if db.engine.dialect.name == "postgresql":
        assert counts == {302: WRITERS}, counts
        assert len({o.headers["Location"] for o in outcomes}) == 1  # type: ignore[union-attr]
