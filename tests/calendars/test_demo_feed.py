"""Done-when check on the demo programme: a delegate's personal feed, end to end."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from flask.testing import FlaskClient
from sqlalchemy import select

from core.extensions import db
from events.models import Event
from invitations.models import Invitation
from participants.models import Participant
from tests.calendars.verify import (
    byte_problems,
    node_available,
    parse_with_icaljs,
    parse_with_vobject,
)


def _utc(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _delegate_in_both_worlds() -> tuple[Participant, list[Event]]:
    """The demo participant whose live invitations span European and Chinese zones."""
    best: tuple[int, Participant, list[Event]] | None = None
    for participant in db.session.scalars(select(Participant).order_by(Participant.id)):
        events = list(
            db.session.scalars(
                select(Event)
                .join(Invitation)
                .where(Invitation.participant_id == participant.id, Invitation.status != "declined")
            )
        )
        zones = {e.timezone.split("/")[0] for e in events}
        if {"Europe", "Asia"} <= zones and (best is None or len(events) > best[0]):
            best = (len(events), participant, events)
    assert best is not None, "the demo has no delegate invited in Europe and China"
    return best[1], best[2]


@pytest.mark.skipif(not node_available(), reason="ical.js not installed (make test)")
def test_demo_delegate_feed(client: FlaskClient, demo: dict[str, int]) -> None:
    participant, events = _delegate_in_both_worlds()
    # Across a DST change: European events both in summer and in winter time.
    european = [e for e in events if e.timezone.startswith("Europe/")]
    offsets = {e.starts_at.astimezone(ZoneInfo(e.timezone)).dst() for e in european}
    assert offsets == {timedelta(0), timedelta(hours=1)}
    url = f"/calendar/u/{participant.feed_token}.ics"
    data = client.get(url).data
    assert byte_problems(data) == []
    lang = participant.language if participant.language in ("en", "zh") else "en"
    seen = {e["uid"]: e for e in parse_with_icaljs(data)["events"]}
    assert set(seen) == {e.uid for e in events}
    for event in events:
        got = seen[event.uid]
        assert (got["start_utc"], got["end_utc"]) == (_utc(event.starts_at), _utc(event.ends_at))
        assert got["start_tzid"] == event.timezone
        assert got["status"] == event.status.upper()
        expected = getattr(event, f"title_{lang}") or event.title_en or event.title_zh
        assert got["summary"] == expected
    vobject_events = {v.uid.value: v for v in parse_with_vobject(data).vevent_list}
    for event in events:
        assert vobject_events[event.uid].dtstart.value.astimezone(UTC) == event.starts_at

    # Cancelled after publication: still in the feed, SEQUENCE raised, STATUS:CANCELLED.
    victim = events[0]
    before = victim.sequence
    victim.status = "cancelled"
    db.session.commit()
    got = next(
        e for e in parse_with_icaljs(client.get(url).data)["events"] if e["uid"] == victim.uid
    )
    assert got["status"] == "CANCELLED" and got["sequence"] == before + 1

    # The address can be revoked.
    client.application.config["WTF_CSRF_ENABLED"] = False
    from calendars.tokens import regenerate_feed_token

    regenerate_feed_token(participant)
    db.session.commit()
    assert client.get(url).status_code == 404
    assert client.get(f"/calendar/u/{participant.feed_token}.ics").status_code == 200


@pytest.mark.skipif(not node_available(), reason="ical.js not installed (make test)")
def test_every_demo_feed_reads_right(client: FlaskClient, demo: dict[str, int]) -> None:
    """Every mission feed and every personal feed of the demo, through ical.js; every event
    download through vobject; all against the database."""
    from missions.models import Mission

    events = {e.uid: e for e in db.session.scalars(select(Event))}
    urls = [f"/calendar/missions/{m}.ics?lang=zh" for m in db.session.scalars(select(Mission.id))]
    urls += [f"/calendar/u/{t}.ics" for t in db.session.scalars(select(Participant.feed_token))]
    checked = 0
    for url in urls:
        data = client.get(url).data
        assert byte_problems(data) == [], url
        for seen in parse_with_icaljs(data)["events"]:
            event = events[seen["uid"]]
            assert seen["start_utc"] == _utc(event.starts_at), url
            assert seen["end_utc"] == _utc(event.ends_at), url
            assert seen["status"] == event.status.upper(), url
            checked += 1
    assert checked > 50
    for event in events.values():
        if event.visibility != "public":
            continue
        data = client.get(f"/events/{event.id}.ics?lang=zh").data
        assert byte_problems(data) == []
        (vevent,) = parse_with_vobject(data).vevent_list
        assert vevent.dtstart.value.astimezone(UTC) == event.starts_at
        assert vevent.summary.value == (event.title_zh or event.title_en)
