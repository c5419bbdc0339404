"""The public registration form end to end: honeypot, e-mail confirmation, seat with the
.ics and the feed link, waiting list, approval, cancel from the mail, CSV, both languages."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from flask.testing import FlaskClient
from sqlalchemy import func, select

from core.extensions import db
from events.models import Event
from invitations.models import Invitation
from participants.models import Participant
from registrations.models import Registration, RegistrationSettings
from tests.registrations.conftest import mails, text_of

FORM = {"name": "Marco Rossi", "email": "Marco.Rossi@Example.it", "helix_role": "academia",
        "language": "en", "timezone": "Europe/Rome", "organisation": "Politecnico"}


def _register(client: FlaskClient, event: Event, **fields: Any) -> str:
    response = client.post(f"/register/{event.id}", data={**FORM, **fields})
    assert response.status_code == 200
    return response.get_data(as_text=True)


def _link(kind: str, which: int = -1) -> str:
    """The path of the last (or ``which``) link of ``kind`` (confirm, cancel) in the outbox."""
    found = [m for _row, message in mails() for m in re.findall(
        rf"https?://[^/\s]+(/register/{kind}/\S+)|^(/register/{kind}/\S+)",
        text_of(message), re.M)]
    return [a or b for a, b in found][which]


def _confirm(client: FlaskClient) -> str:
    path = _link("confirm")
    assert 'method="post"' in client.get(path).get_data(as_text=True)  # a GET shows a button
    return client.post(path).get_data(as_text=True)


def test_register_confirm_gives_a_seat_with_the_ics_and_the_feed_link(
    client: FlaskClient, open_event: Callable[..., Event], world: dict[str, Any]
) -> None:
    event = open_event(capacity=10)
    page = _register(client, event)
    assert "Check your e-mail" in page
    assert db.session.scalar(select(func.count()).select_from(Participant)) == 2  # not yet
    (row, message), = mails()
    assert row.recipient == "marco.rossi@example.it"
    assert "Confirm your registration" in str(message["Subject"])
    assert "Confirmed: you have a place" in _confirm(client)
    participant = db.session.scalar(select(Participant).where(
        Participant.email == "marco.rossi@example.it"))
    assert participant is not None and participant.timezone == "Europe/Rome"
    invitation = db.session.scalar(select(Invitation).where(
        Invitation.participant_id == participant.id))
    assert invitation is not None and invitation.status == "accepted"
    outcome = [(r, m) for r, m in mails() if r.invitation_id == invitation.id]
    assert len(outcome) == 1  # the confirmation replaces the automatic invitation mail
    row, message = outcome[0]
    assert str(message["Subject"]) == f"Registration confirmed: {event.title_en}"
    calendar = next(p for p in message.walk() if p.get_content_type() == "text/calendar")
    assert calendar.get_param("method") == "REQUEST"
    body = text_of(message)
    assert f"/calendar/u/{participant.feed_token}.ics" in body
    assert "/register/cancel/" in body and "(Europe/Rome)" in body
    assert db.session.get(RegistrationSettings, event.id).taken == 1
    client.post(_link("confirm"))  # confirming twice changes nothing
    assert db.session.get(RegistrationSettings, event.id).taken == 1


def test_an_existing_participant_is_matched_by_email(
    client: FlaskClient, open_event: Callable[..., Event], world: dict[str, Any]
) -> None:
    event = open_event()
    _register(client, event, email="LI.WEI@example.cn", language="zh")
    _confirm(client)
    registration = db.session.scalars(select(Registration)).one()
    assert registration.participant_id == world["delegate"].id
    assert db.session.scalar(select(func.count()).select_from(Participant)) == 2


def test_the_honeypot_writes_nothing(client: FlaskClient, open_event: Callable[..., Event]) -> None:
    event = open_event()
    assert "Check your e-mail" in _register(client, event, website="http://spam.example")
    assert db.session.scalars(select(Registration)).all() == []
    assert mails() == []


def test_bad_input_is_shown_next_to_the_field(
    client: FlaskClient, open_event: Callable[..., Event]
) -> None:
    event = open_event()
    page = _register(client, event, email="not-an-address", timezone="Mars/Olympus",
                     name="Bad\x07Name")  # NUL itself is refused before any form
    assert "Enter a valid e-mail address." in page
    assert "Unknown time zone" in page
    assert "Control characters are not allowed." in page
    assert 'value="Politecnico"' in page
    assert db.session.scalars(select(Registration)).all() == []


def test_full_event_waiting_list_and_promotion_on_cancel(
    client: FlaskClient, open_event: Callable[..., Event]
) -> None:
    event = open_event(capacity=1)
    _register(client, event)
    _confirm(client)
    _register(client, event, email="second@example.eu", name="Second")
    assert "On the waiting list" in _confirm(client)
    first_cancel = _link("cancel", 0)
    assert "Cancel my registration" in client.get(first_cancel).get_data(as_text=True)
    client.post(first_cancel)
    statuses = dict(db.session.execute(select(Registration.email, Registration.status)).all())
    assert statuses == {"marco.rossi@example.it": "cancelled", "second@example.eu": "accepted"}
    assert db.session.get(RegistrationSettings, event.id).taken == 1
    declined = db.session.scalar(select(Invitation.status).join(Participant).where(
        Participant.email == "marco.rossi@example.it"))
    assert declined == "declined"


def test_full_without_waiting_list_is_refused(
    client: FlaskClient, open_event: Callable[..., Event]
) -> None:
    event = open_event(capacity=1, waiting_list=False)
    _register(client, event)
    _confirm(client)
    _register(client, event, email="late@example.eu")
    assert "The event is full." in _confirm(client)
    assert db.session.get(RegistrationSettings, event.id).taken == 1


def test_approval_by_an_organiser_and_csv(
    client: FlaskClient, open_event: Callable[..., Event], login: Callable[..., Any]
) -> None:
    event = open_event(approval_required=True)
    _register(client, event, name="张伟", name_zh="张伟")
    assert "Waiting for approval" in _confirm(client)
    assert db.session.scalars(select(Invitation)).all() == []
    login("organiser")
    page = client.get(f"/events/{event.id}/registration").get_data(as_text=True)
    assert "marco.rossi@example.it" in page and "Approve" in page
    registration = db.session.scalars(select(Registration)).one()
    client.post(f"/registrations/{registration.id}/approve")
    db.session.refresh(registration)
    assert registration.status == "accepted"
    csv_text = client.get(f"/events/{event.id}/registrations.csv").get_data(as_text=True)
    assert csv_text.startswith("\ufeffname,") and "张伟" in csv_text and "accepted" in csv_text


def test_closed_or_past_deadline_form(client: FlaskClient, open_event: Callable[..., Event],
                                      make_event: Callable[..., Event]) -> None:
    from datetime import UTC, datetime, timedelta

    event = open_event(deadline=datetime.now(UTC) - timedelta(hours=1))
    assert "closed" in client.get(f"/register/{event.id}").get_data(as_text=True)
    assert client.get(f"/register/{make_event().id}").status_code == 404


def test_forged_links_are_404(client: FlaskClient, open_event: Callable[..., Event]) -> None:
    event = open_event()
    _register(client, event)
    good = _link("confirm")
    assert client.get(good[:-2] + "xx").status_code == 404
    assert client.get(good.replace("/confirm/", "/cancel/")).status_code == 404


def test_the_form_and_mails_in_chinese(
    client: FlaskClient, open_event: Callable[..., Event]
) -> None:
    event = open_event(capacity=5)
    client.get("/?lang=zh")
    page = client.get(f"/register/{event.id}", headers={"Accept-Language": "zh"})
    text = page.get_data(as_text=True)
    assert "报名" in text and "时区" in text
    _register(client, event, language="zh", timezone="Asia/Shanghai")
    (_row, message), = mails()
    assert "确认" in str(message["Subject"])
    _confirm(client)
    _row, message = mails()[-1]
    assert "报名已确认" in str(message["Subject"])
    assert "研讨会" in str(message["Subject"])
    assert "(Asia/Shanghai)" in text_of(message)


def test_the_event_page_links_the_form_and_the_organisers_page(
    client: FlaskClient, open_event: Callable[..., Event], login: Callable[..., Any]
) -> None:
    event = open_event()
    page = client.get(f"/events/{event.id}").get_data(as_text=True)
    assert f"/register/{event.id}" in page and "/registration\"" not in page
    login("organiser")
    page = client.get(f"/events/{event.id}").get_data(as_text=True)
    assert f"/events/{event.id}/registration" in page


def test_the_public_form_is_rate_limited(
    client: FlaskClient, open_event: Callable[..., Event]
) -> None:
    event = open_event()
    answers = [client.post(f"/register/{event.id}", data={**FORM, "website": "x"}).status_code
               for _ in range(21)]
    assert answers == [200] * 20 + [429]


def test_organisers_open_registration_and_cannot_shrink_below_the_seats_given(
    client: FlaskClient, make_event: Callable[..., Event], login: Callable[..., Any]
) -> None:
    event = make_event()
    login("organiser")
    settings = {"open": "y", "capacity": "2", "waiting_list": "y", "reminder_hours": "48, 2",
                "deadline": "2099-01-01T12:00"}
    assert client.post(f"/events/{event.id}/registration", data=settings).status_code == 302
    saved = db.session.get(RegistrationSettings, event.id)
    assert (saved.open, saved.capacity, saved.reminder_hours) == (True, 2, "48, 2")
    assert saved.deadline is not None and saved.deadline.hour == 12
    saved.taken = 2
    db.session.commit()
    page = client.post(f"/events/{event.id}/registration",
                       data={**settings, "capacity": "1"}).get_data(as_text=True)
    assert "2 people already have a seat" in page
    page = client.post(f"/events/{event.id}/registration",
                       data={**settings, "reminder_hours": "soon"}).get_data(as_text=True)
    assert "Hours separated by commas" in page
