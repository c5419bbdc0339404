"""The calendars' writes: replacing a participant's personal feed address."""

from __future__ import annotations

from flask_login import current_user

from audit.services import record
from calendars.tokens import regenerate_feed_token
from core.extensions import db
from participants.models import Participant


def reset_feed_address(participant: Participant) -> str:
    """Give the participant a new feed token, audit the change (never the token) and
    commit: the old address answers 404 from now on. Returns the new token."""
    token = regenerate_feed_token(participant)
    # The token is a secret: the log says that it changed, never its value.
    record(current_user, "changed", participant, {"feed_token": ("…", "…")})
    db.session.commit()
    return token
