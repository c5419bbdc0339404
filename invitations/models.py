"""Invitations of participants to events, and where each one stands."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from core.extensions import db
from core.types import UTCDateTime, utcnow

if TYPE_CHECKING:
    from events.models import Event
    from participants.models import Participant


class InvitationStatus(StrEnum):
    """Where an invitation stands, before and after the event."""

    INVITED = "invited"
    ACCEPTED = "accepted"
    TENTATIVE = "tentative"
    DECLINED = "declined"
    ATTENDED = "attended"
    NO_SHOW = "no_show"


class Invitation(db.Model):
    """A participant invited to an event, and their answer or attendance."""

    __tablename__ = "invitation"
    __table_args__ = (
        UniqueConstraint("event_id", "participant_id"),
        # The helix reports read who is invited to a city's or partnership's events, and
        # how: with the status beside the pair, that is an index-only scan.
        Index("ix_invitation_event_id_status", "event_id", "status", "participant_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"))
    participant_id: Mapped[int] = mapped_column(ForeignKey("participant.id",
                                                           ondelete="CASCADE"), index=True)
    status: Mapped[str] = mapped_column(String(12), default=InvitationStatus.INVITED.value)
    invited_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    #: Minutes in the webinar, from an imported attendance report (attended only).
    attended_minutes: Mapped[int | None] = mapped_column()

    event: Mapped[Event] = relationship(back_populates="invitations")
    participant: Mapped[Participant] = relationship(back_populates="invitations")
