"""Personal feed tokens: random, at least 128 bits, replaced to revoke an address."""

from __future__ import annotations

from participants.models import Participant, new_feed_token

#: 128 bits in URL-safe base64 take 22 characters; shorter strings are never tokens.
MIN_TOKEN_LENGTH = 22


def regenerate_feed_token(participant: Participant) -> str:
    """Give ``participant`` a fresh token (the caller commits); returns it.

    The old token stops working as soon as the change is committed: feeds are looked up
    by token alone.
    """
    token = new_feed_token()
    while token == participant.feed_token:  # pragma: no cover - 2**-256 chance
        token = new_feed_token()
    participant.feed_token = token
    return token
