"""A save whose version is missing, empty or malformed is stale (409), never unchecked."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from flask.testing import FlaskClient

from core.extensions import db
from core.versioning import check_version
from events.models import Event
from missions.models import Mission
from tests.events.factories import city, event, mission
from tests.events.test_event_writes import form


class _Stale(Exception):
    pass


@pytest.mark.parametrize("sent", ["", "  ", "abc", "1.0", "2147483648", "-1", "١"])
def test_check_version_refuses_anything_but_the_current_number(app: Any, sent: str) -> None:
    with pytest.raises(_Stale):
        check_version(1, sent, _Stale())
    check_version(1, "1", _Stale())
    check_version(1, None, _Stale())  # a caller outside any form


@pytest.mark.parametrize("sent", ["", "abc", "99999999999"])
def test_event_save_without_a_valid_version_is_409(client: FlaskClient,
                                                   login: Callable[..., Any], sent: str) -> None:
    login("organiser")
    meeting = event("Original", at=city("rome"))
    response = client.post(f"/events/{meeting.id}/edit",
                           data=form(title_en="Blind change", version_id=sent))
    assert response.status_code == 409
    db.session.expire_all()
    assert db.session.get(Event, meeting.id).title_en == "Original"


@pytest.mark.parametrize("sent", ["", "abc"])
def test_mission_save_without_a_valid_version_is_409(client: FlaskClient,
                                                     login: Callable[..., Any], sent: str) -> None:
    login("organiser")
    trip = mission()
    title = trip.title_en
    response = client.post(f"/missions/{trip.id}/edit", data={
        "kind": "outgoing", "title_en": "Blind change", "start_date": "2018-07-01",
        "end_date": "2018-07-08", "status": "planned", "version_id": sent})
    assert response.status_code == 409
    db.session.expire_all()
    assert db.session.get(Mission, trip.id).title_en == title
