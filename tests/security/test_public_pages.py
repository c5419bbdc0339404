"""Anonymous visitors read the public programme only: no participant data, no internal events."""

from __future__ import annotations

from flask import Flask
from sqlalchemy import select

from core.extensions import db
from participants.models import Participant
from tests.security.route_matrix import cases_of, collect
from tests.security.walk import build_url, client_for, routes
from tests.security.world import build_world

#: Routes whose secret URL token is the participant's own credential (RFC-style capability
#: URL): whoever holds it is the participant, so their own schedule is not a leak.
CAPABILITY_ROUTES = {"calendars.personal"}


def _anonymous_bodies(app: Flask) -> list[tuple[str, str]]:
    world = build_world()
    matrix = collect()
    bodies = []
    for key, rule, method in routes(app):
        if method != "GET" or rule.endpoint in CAPABILITY_ROUTES:
            continue
        for case in cases_of(matrix.get(key, ())) or [None]:
            url = build_url(app, rule, case, world)
            response = client_for(app, "anonymous", world).get(url, follow_redirects=True)
            bodies.append((url, response.get_data(as_text=True)))
    return bodies


def test_no_participant_data_on_public_pages(app: Flask) -> None:
    bodies = _anonymous_bodies(app)
    secrets = []
    for participant in db.session.scalars(select(Participant)):
        secrets += [participant.name, participant.email, participant.feed_token]
    leaks = [f"{url}: {secret}" for url, body in bodies for secret in secrets if secret in body]
    assert not leaks, "participant data shown to anonymous visitors:\n" + "\n".join(leaks)


def test_internal_events_stay_internal(app: Flask) -> None:
    leaks = [url for url, body in _anonymous_bodies(app) if "Visit chengdu-visit" in body]
    assert not leaks, f"internal event shown to anonymous visitors on {leaks}"
