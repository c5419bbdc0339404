"""Eight organisers reset one participant's calendar address at once, through real HTTP:
eight 302s, one current token afterwards, and every address seen before it (the first
one, and any shown to a writer meanwhile) refused by the feed."""

from __future__ import annotations

import re
from typing import Any

import requests
from flask import Flask

from core.extensions import db
from participants.models import Participant
from tests.racing import race, signed_in, tally, user

WRITERS = 8
TIMEOUT = 60


def test_parallel_resets_leave_one_working_address(app: Flask, live_server: str,
                                                   world: dict[str, Any]) -> None:
    delegate_id = world["delegate"].id
    first = world["delegate"].feed_token
    assert requests.get(f"{live_server}/calendar/u/{first}.ics", timeout=TIMEOUT
                        ).status_code == 200
    user("organiser", "resetter@example.org")
    sessions = [signed_in(live_server, "resetter@example.org") for _ in range(WRITERS)]
    url = f"{live_server}/calendar/participants/{delegate_id}/token"

    seen: list[set[str]] = [set() for _ in range(WRITERS)]

    def reset(index: int) -> Any:
        """Reset, then read the page the redirect leads to (while the others still write)."""
        answer = sessions[index].post(url, allow_redirects=False, timeout=TIMEOUT)
        if answer.status_code == 302:
            seen[index] = _addresses(sessions[index].get(
                live_server + answer.headers["Location"], timeout=TIMEOUT).text)
        return answer

    counts = tally(race(WRITERS, reset))
    print("token resets", counts)
    assert counts == {302: WRITERS}, counts
    db.session.expire_all()
    current = db.session.get(Participant, delegate_id).feed_token
    after = set.union(*(_addresses(s.get(f"{live_server}/calendar/participants/{delegate_id}",
                                         timeout=TIMEOUT).text) for s in sessions))
    assert after == {current}
    for token in ({first} | set.union(*seen)) - {current}:
        assert requests.get(f"{live_server}/calendar/u/{token}.ics", timeout=TIMEOUT
                            ).status_code == 404, "an old address still works"
    assert requests.get(f"{live_server}/calendar/u/{current}.ics", timeout=TIMEOUT
                        ).status_code == 200


def _addresses(page: str) -> set[str]:
    """The personal feed tokens a page shows."""
    return set(re.findall(r"/calendar/u/([A-Za-z0-9_-]+)\.ics", page))
