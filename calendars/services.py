"""The calendars' writes: replacing a participant's personal feed address."""

from __future__ import annotations

from calendars.tokens import regenerate_feed_token
from core.extensions import db
from participants.models import Participant


def reset_feed_address(participant: Participant) -> str:
    """Give the participant a new feed token and commit: the old address answers 404 from
    now on. Returns the new token."""
    token = regenerate_feed_token(participant)
    db.session.commit()
    return token
