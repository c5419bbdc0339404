"""My schedule: three parts (to answer, upcoming, past), answers back to their anchor, times
in the venue's and the delegate's zone, join links, the personal feed box."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from flask import Flask
from flask.testing import FlaskClient

from accounts.models import User
from core.extensions import db
from delegates.agenda import split_agenda
from events.models import Event
from followup.models import ActionItem
from invitations.models import Invitation
from tests.security.walk import client_for
from tests.security.world import World, build_world

JOIN = "https://meet.example.org/helix-webinar"


def _event(world: World, slug: str, start: dt.datetime, **fields: object) -> Event:
    fields = {"city": world.chengdu, **fields}
    event = Event(slug=slug, kind="webinar", title_en=f"Event {slug}", title_zh=f"活动 {slug}",
                  starts_at=start, ends_at=start + dt.timedelta(hours=2),
                  timezone="Asia/Shanghai", status="confirmed", visibility="public", **fields)
    db.session.add(event)
    return event


def _invite(world: World, event: Event, status: str = "invited") -> Invitation:
    invitation = Invitation(event=event, participant=world.delegate_participant, status=status)
    db.session.add(invitation)
    db.session.commit()
    return invitation


def _section(page: str, section_id: str) -> str:
    """The HTML of the part of the page with that id (up to the next part)."""
    start = page.index(f'id="{section_id}"')
    ends = [page.find(marker, start + 1) for marker in ('<section id="', '<details id="',
                                                        "<h2 class=\"h5\">Delegations",
                                                        'class="h5">代表团')]
    return page[start:min([end for end in ends if end > 0] or [len(page)])]


def _delegate(app: Flask, world: World, **preferences: object) -> FlaskClient:
    user = db.session.get(User, world.users["delegate"].id)
    for name, value in preferences.items():
        setattr(user, name, value)
    db.session.commit()
    return client_for(app, "delegate", world)


@pytest.fixture
def world(app: Flask) -> World:
    """The security world (chengdu-visit awaits an answer, liuzhou-visit is accepted) plus a
    past event and an accepted online one."""
    built = build_world()
    past = _event(built, "last-year", dt.datetime(2020, 3, 1, 2, 0, tzinfo=dt.UTC))
    _invite(built, past, "accepted")
    online = _event(built, "webinar", dt.datetime(2030, 7, 1, 8, 0, tzinfo=dt.UTC),
                    online=True, join_url=JOIN, city=None)
    _invite(built, online, "accepted")
    return built


def test_three_parts_in_order(app: Flask, world: World) -> None:
    page = _delegate(app, world).get("/account/schedule?lang=en").get_data(as_text=True)
    to_answer, upcoming, past = (page.index(f'id="{name}"')
                                 for name in ("to-answer", "upcoming", "past"))
    assert to_answer < upcoming < past
    assert "Visit chengdu-visit" in _section(page, "to-answer")
    assert "Visit liuzhou-visit" in _section(page, "upcoming")
    assert "Event webinar" in _section(page, "upcoming")
    past_part = _section(page, "past")
    assert past_part.startswith('id="past"') and "Event last-year" in past_part
    assert re.search(r'<details id="past"[^>]*>', page), "past events are collapsed"
    assert "Past events (1)" in page
    assert "Event last-year" not in _section(page, "upcoming")


def test_titles_link_to_events_and_buttons_are_actions(app: Flask, world: World) -> None:
    page = _delegate(app, world).get("/account/schedule?lang=en").get_data(as_text=True)
    part = _section(page, "to-answer")
    assert f'href="/events/{world.chengdu_event.id}"' in part
    for status, action in (("accepted", "Accept"), ("tentative", "Tentative"),
                           ("declined", "Decline")):
        assert f'value="{status}">{action}</button>' in part
    assert "<button" not in _section(page, "past"), "a past event cannot be answered"


def test_answer_goes_back_to_its_anchor_and_moves_up(app: Flask, world: World) -> None:
    client = _delegate(app, world)
    own = world.own_invitation.id
    response = client.post(f"/account/invitations/{own}/answer", data={"status": "accepted"})
    assert response.status_code == 302
    assert response.location == f"/account/schedule#invitation-{own}"
    page = client.get("/account/schedule?lang=en").get_data(as_text=True)
    assert "Your answer was saved." in page
    assert f'id="invitation-{own}"' in _section(page, "upcoming")
    assert "Nothing to answer." in _section(page, "to-answer")


def test_past_invitation_cannot_be_answered(app: Flask, world: World) -> None:
    past = db.session.query(Invitation).join(Event).filter(Event.slug == "last-year").one()
    client = _delegate(app, world)
    response = client.post(f"/account/invitations/{past.id}/answer",
                           data={"status": "declined"})
    assert response.location == f"/account/schedule#invitation-{past.id}"
    db.session.expire_all()
    assert db.session.get(Invitation, past.id).status == "accepted"


@pytest.mark.parametrize(("lang", "venue", "mine"), [
    ("en", "Sat 4 May 2030, 09:00 CST", "Sat 4 May 2030, 03:00 CEST"),
    ("zh", "2030年5月4日 星期六 09:00 CST", "2030年5月4日 星期六 03:00 CEST"),
])
def test_times_in_venue_and_own_zone(app: Flask, world: World, lang: str, venue: str,
                                     mine: str) -> None:
    client = _delegate(app, world, timezone="Europe/Madrid")
    part = _section(client.get(f"/account/schedule?lang={lang}").get_data(as_text=True),
                    "to-answer")
    assert venue in part and "(Asia/Shanghai)" in part
    assert mine in part and "(Europe/Madrid)" in part


def test_same_zone_is_said_once(app: Flask, world: World) -> None:
    client = _delegate(app, world, timezone="Asia/Shanghai")
    part = _section(client.get("/account/schedule?lang=en").get_data(as_text=True),
                    "to-answer")
    assert part.count("09:00 CST") == 1 and "the same" in part


def test_join_link_only_once_accepted(app: Flask, world: World) -> None:
    client = _delegate(app, world)
    page = client.get("/account/schedule?lang=en").get_data(as_text=True)
    assert f'href="{JOIN}"' in _section(page, "upcoming")
    webinar = db.session.query(Invitation).join(Event).filter(Event.slug == "webinar").one()
    client.post(f"/account/invitations/{webinar.id}/answer", data={"status": "tentative"})
    assert JOIN not in client.get("/account/schedule").get_data(as_text=True)


@pytest.mark.parametrize(("path", "lang", "copy"), [
    ("/account/schedule", "en", ">Copy</button>"), ("/account/", "en", ">Copy</button>"),
    ("/account/schedule", "zh", ">复制</button>"), ("/account/", "zh", ">复制</button>"),
])
def test_feed_box_with_links_and_qr(app: Flask, world: World, path: str, lang: str,
                                    copy: str) -> None:
    page = _delegate(app, world).get(f"{path}?lang={lang}").get_data(as_text=True)
    box = page[page.index('id="personal-feed"'):]
    token = world.delegate_participant.feed_token
    https = f"http://127.0.0.1:5000/calendar/u/{token}.ics"
    assert f'value="{https}" readonly' in box and copy in box
    assert f'href="webcal://127.0.0.1:5000/calendar/u/{token}.ics"' in box
    assert "https://calendar.google.com/calendar/render?cid=webcal%3A%2F%2F" in box
    assert "https://outlook.live.com/calendar/0/addfromweb?url=http%3A%2F%2F" in box
    assert re.search(r'<svg role="img" width="\d+" height="\d+" class="feed-qr">', box)
    assert 'src="/static/js/copy-field.js"' in page


def test_feed_box_explains_without_participant(app: Flask, world: World) -> None:
    page = client_for(app, "organiser", world).get("/account/?lang=en").get_data(as_text=True)
    assert "no personal calendar feed for you" in page
    assert "/calendar/u/" not in page and "feed-qr" not in page


def test_split_agenda_is_pure_and_ordered(world: World) -> None:
    invitations = sorted(db.session.query(Invitation).filter_by(
        participant_id=world.delegate_participant.id), key=lambda i: i.event.starts_at)
    agenda = split_agenda(invitations, dt.datetime(2030, 5, 3, 12, 0, tzinfo=dt.UTC))
    assert [i.event.slug for i in agenda.past] == ["liuzhou-visit", "last-year"]
    assert [i.event.slug for i in agenda.to_answer] == ["chengdu-visit"]
    assert [i.event.slug for i in agenda.upcoming] == ["webinar"]


def test_my_open_action_items_are_in_my_schedule(app: Flask, world: World) -> None:
    mine, other = world.delegate_participant, world.other_participant
    db.session.add_all([
        ActionItem(event=world.liuzhou_event, title="Send the bus data", status="open",
                   owner_participant=mine, due_on=dt.date(2030, 5, 20)),
        ActionItem(event=world.liuzhou_event, title="Finished already", status="done",
                   owner_participant=mine),
        ActionItem(event=world.liuzhou_event, title="Not mine", status="open",
                   owner_participant=other)])
    db.session.commit()
    page = _delegate(app, world).get("/account/schedule?lang=zh").get_data(as_text=True)
    part = _section(page, "my-actions")
    assert "我的待办事项" in part and "Send the bus data" in part
    assert f'href="/events/{world.liuzhou_event.id}#event-followup"' in part
    assert "2030年5月20日" in part
    assert "Finished already" not in part and "Not mine" not in part
    assert "Send the minutes" not in part  # the world's item has no participant owner
    nobody = client_for(app, "organiser", world).get("/account/schedule?lang=en")
    assert "My action items" not in nobody.get_data(as_text=True)
