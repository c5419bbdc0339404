"""One invitation answered eight times at once (accept, decline, tentative mixed) through
real HTTP: every request answered, never a 500; the stored answer is one of those sent, the
audit log tells one unbroken story ending in it, and no e-mail is queued twice."""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

from flask import Flask
from sqlalchemy import func, select

from audit.models import AuditEntry
from core.extensions import db
from delegates.services import ANSWERS
from invitations.models import Invitation
from outbox.models import OutboxMessage
from participants.models import Participant
from tests.events.factories import event
from tests.racing import post, race, signed_in, tally, user

WRITERS = 8


def test_parallel_answers_leave_one_consistent_answer(app: Flask, live_server: str) -> None:
    start = dt.datetime(2031, 5, 4, 8, 0, tzinfo=dt.UTC)
    visit = event("Visit", start=start, end=start + dt.timedelta(hours=2))
    guest = Participant(name="Guest", email="guest@example.org", helix_role="industry",
                        language="en")
    db.session.add(guest)
    db.session.commit()
    invitation = Invitation(event=visit, participant=guest, status="invited")
    db.session.add(invitation)
    db.session.commit()
    invitation_id = invitation.id
    mails = db.session.scalar(select(func.count()).select_from(OutboxMessage))
    user("delegate", "guest@example.org", participant_id=guest.id)
    sessions = [signed_in(live_server, "guest@example.org") for _ in range(WRITERS)]
    sent = [ANSWERS[index % len(ANSWERS)] for index in range(WRITERS)]
    url = f"{live_server}/account/invitations/{invitation_id}/answer"

    def answer(index: int) -> Any:
        return post(sessions[index], url, {"status": sent[index]})

    counts = tally(race(WRITERS, answer))
    print("answers", counts)
    assert counts == {302: WRITERS}, counts
    db.session.expire_all()
    final = db.session.get(Invitation, invitation_id).status
    assert final in sent
    story = [entry.changes["status"] for entry in db.session.scalars(
        select(AuditEntry).where(AuditEntry.object_type == "invitation",
                                 AuditEntry.object_id == invitation_id)
        .order_by(AuditEntry.id))]
    assert story, "no answer was audited"
    assert story[0][0] == "invited" and story[-1][1] == final
    assert all(before != after for before, after in story)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(story)), story
    assert db.session.scalar(select(func.count()).select_from(OutboxMessage)) == mails
