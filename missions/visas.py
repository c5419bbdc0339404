"""Where a delegation member's visa plausibly stands, for the demo programme.

Hosts and people of the destination's side need no visa; a member travelling from China to
Europe (or the other way) needs one. For a trip that is over, the letter and visa are dated
before it, as a programme office would have obtained them; for a trip to come, the visa is
still needed.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from missions.models import MissionKind, VisaStatus
from programme.models import Side

#: How long before departure the invitation letter is asked for, sent, and the visa issued.
LETTER_REQUESTED, LETTER_SENT, VISA_ISSUED = (timedelta(weeks=w) for w in (8, 6, 3))


@dataclass(frozen=True)
class VisaFacts:
    """A member's visa status with its dates (None where not applicable)."""

    status: str
    letter_requested_on: date | None = None
    letter_sent_on: date | None = None
    visa_issued_on: date | None = None


def demo_visa(kind: str, role: str, member_side: str | None, destination_sides: set[str],
              start: date, today: date) -> VisaFacts:
    """The visa facts of a member of role ``role`` from ``member_side`` on a ``kind`` trip
    to cities of ``destination_sides`` starting on ``start``, as seen on ``today``."""
    crossing = member_side in {Side.EU.value, Side.CHINA.value} and (
        member_side not in destination_sides)
    if kind == MissionKind.ONLINE.value or role == "host" or not crossing:
        return VisaFacts(VisaStatus.NOT_NEEDED.value)
    if start > today:
        return VisaFacts(VisaStatus.NEEDED.value)
    return VisaFacts(VisaStatus.ISSUED.value, start - LETTER_REQUESTED, start - LETTER_SENT,
                     start - VISA_ISSUED)
