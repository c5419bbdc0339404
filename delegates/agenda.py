"""The three parts of "My schedule" (pure): invitations awaiting an answer, upcoming, past.

No Flask or SQLAlchemy here: the functions read ``status``, ``event.ends_at`` and
``event.is_cancelled`` of whatever invitations they are given.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

AWAITING = "invited"
"""The status of an invitation nobody has answered yet."""


@dataclass
class Agenda:
    """A delegate's invitations in the order the page shows them."""

    to_answer: list[Any] = field(default_factory=list)
    upcoming: list[Any] = field(default_factory=list)
    past: list[Any] = field(default_factory=list)


def is_past(invitation: Any, now: datetime) -> bool:
    """True once the invitation's event has ended."""
    return invitation.event.ends_at <= now


def split_agenda(invitations: Iterable[Any], now: datetime) -> Agenda:
    """Sort invitations (given in chronological order) into the page's three parts.

    An event that has ended is past whatever the answer; an unanswered invitation to an
    event still to come (not cancelled) awaits an answer; every other one is upcoming.
    Past events are listed most recent first, the others soonest first.
    """
    agenda = Agenda()
    for invitation in invitations:
        if is_past(invitation, now):
            agenda.past.append(invitation)
        elif invitation.status == AWAITING and not invitation.event.is_cancelled:
            agenda.to_answer.append(invitation)
        else:
            agenda.upcoming.append(invitation)
    agenda.past.reverse()
    return agenda
