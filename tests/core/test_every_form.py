"""Every form is a HelixForm: control characters and over-long text get the field's error
and write nothing."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from flask_wtf import FlaskForm

from core import text
from core.extensions import db
from core.form_helpers import HelixForm, column_limit
from events.models import Event
from tests.events.test_event_writes import form

PACKAGES = ["accounts", "actionplans", "events", "indicators", "invitations", "missions",
            "organisations", "outcomes", "participants", "registrations"]


def _all_subclasses(cls: type) -> set[type]:
    found = set(cls.__subclasses__())
    for sub in list(found):
        found |= _all_subclasses(sub)
    return found


def _import_all() -> None:
    for name in PACKAGES:
        package = importlib.import_module(name)
        for module in pkgutil.walk_packages(package.__path__, f"{name}."):
            importlib.import_module(module.name)


def test_every_form_is_a_helix_form(app: Flask) -> None:
    _import_all()
    forms = {cls for cls in _all_subclasses(FlaskForm) if not cls.__module__.startswith("tests")}
    helix = _all_subclasses(HelixForm)
    assert len(helix) >= 20
    assert forms - helix - {HelixForm} == set()


def test_limits_come_from_the_columns() -> None:
    assert column_limit(Event, "title_en") == 300
    assert column_limit(Event, "description_en") == text.TEXT_LIMIT
    assert column_limit(Event, "join_url") == text.LINK_LIMIT
    assert column_limit(Event, "no_such_column") is None
    assert text.default_limit(False) == 200 and text.default_limit(True) == 20_000


def test_control_characters() -> None:
    assert text.has_control_characters("a\x07b")
    assert text.has_control_characters("a\tb")
    assert not text.has_control_characters("a\tb\r\nc", multiline=True)
    assert text.has_control_characters("a\x1bb", multiline=True)
    assert not text.has_control_characters("重庆 – Liuzhou")


@pytest.mark.parametrize(("field", "value", "message"), [
    ("title_en", "Bell\x07", "Control characters are not allowed."),
    ("venue", "Line\nbreak", "Control characters are not allowed."),
    ("description_en", "Escape\x1b[0m", "Control characters are not allowed."),
    ("title_en", "x" * 301, "At most 300 characters."),
    ("dial_in", "x" * 201, "At most 200 characters."),
    ("description_en", "x" * 20_001, "At most 20000 characters."),
])
def test_event_form_refuses_and_writes_nothing(
        client: FlaskClient, login: Callable[..., Any], field: str, value: str,
        message: str) -> None:
    login("organiser")
    response = client.post("/events/new", data=form(**{field: value}))
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert message in page.split(f'id="{field}-errors"')[1][:400]
    assert db.session.scalar(db.select(db.func.count()).select_from(Event)) == 0


def test_line_breaks_are_kept_in_text_areas(client: FlaskClient,
                                            login: Callable[..., Any]) -> None:
    login("organiser")
    response = client.post("/events/new", data=form(description_en="One\r\n\tTwo"))
    assert response.status_code == 302
