"""Reported attendance (issue #12): editable on the event form, checked, audited and shown
on the event page and the event's helix report next to the people recorded."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from flask.testing import FlaskClient

from audit.models import AuditEntry
from core.extensions import db
from events.models import Event
from tests.events.test_event_writes import form


def test_organiser_records_the_head_count(client: FlaskClient,
                                          login: Callable[..., Any]) -> None:
    login("organiser")
    assert client.post("/events/new", data=form(reported_attendance="166")).status_code == 302
    created = db.session.scalar(db.select(Event))
    assert created.reported_attendance == 166
    page = client.get(f"/events/{created.id}").get_data(as_text=True)
    assert "Participants reported" in page and ">166<" in page
    report = client.get(f"/reports/events/{created.id}").get_data(as_text=True)
    assert "Reported attendance: 166" in report


def test_edit_changes_it_and_is_audited(client: FlaskClient, login: Callable[..., Any]) -> None:
    login("organiser")
    client.post("/events/new", data=form())
    created = db.session.scalar(db.select(Event))
    assert created.reported_attendance is None
    response = client.post(f"/events/{created.id}/edit", data=form(
        reported_attendance="40", version_id=str(created.version_id)))
    assert response.status_code == 302
    db.session.refresh(created)
    assert created.reported_attendance == 40
    changes = [e.changes for e in db.session.scalars(db.select(AuditEntry)) if e.changes]
    assert any("reported_attendance" in c for c in changes)


@pytest.mark.parametrize(("lang", "value", "message"), [
    ("en", "-3", "Enter a whole number of people (0 or more)."),
    ("zh", "-3", "请输入人数（0 或以上的整数）。"),
])
def test_bad_count_is_refused_next_to_the_field(
        client: FlaskClient, login: Callable[..., Any], lang: str, value: str,
        message: str) -> None:
    login("organiser")
    response = client.post(f"/events/new?lang={lang}", data=form(reported_attendance=value))
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    errors = page.split('id="reported_attendance-errors"')[1].split("</div>")[0]
    assert message in errors
    assert db.session.scalar(db.select(db.func.count(Event.id))) == 0
