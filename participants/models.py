"""Organisations, participants and their invitations to events."""

from __future__ import annotations

import secrets
from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from core.extensions import db
from core.types import UTCDateTime, utcnow
from participants.helix import HelixRole

if TYPE_CHECKING:
    from events.models import Event
    from programme.models import City


class InvitationStatus(StrEnum):
    """Where an invitation stands, before and after the event."""

    INVITED = "invited"
    ACCEPTED = "accepted"
    TENTATIVE = "tentative"
    DECLINED = "declined"
    ATTENDED = "attended"
    NO_SHOW = "no_show"


def new_feed_token() -> str:
    """A random URL-safe token of 256 bits for a personal calendar feed."""
    return secrets.token_urlsafe(32)


class Organisation(db.Model):
    """A government body, company, university or civil-society organisation."""

    __tablename__ = "organisation"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str | None] = mapped_column(String(120), unique=True)
    name_en: Mapped[str] = mapped_column(String(200))
    name_zh: Mapped[str | None] = mapped_column(String(200))
    city_id: Mapped[int | None] = mapped_column(ForeignKey("city.id"))
    helix_role: Mapped[str] = mapped_column(String(20))

    city: Mapped[City | None] = relationship()
    participants: Mapped[list[Participant]] = relationship(back_populates="organisation")


class Participant(db.Model):
    """A person who takes part in missions and events."""

    __tablename__ = "participant"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(160))
    name_zh: Mapped[str | None] = mapped_column(String(160))
    email: Mapped[str] = mapped_column(String(254), unique=True)
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisation.id"))
    position: Mapped[str | None] = mapped_column(String(200))
    helix_role: Mapped[str] = mapped_column(String(20))
    city_id: Mapped[int | None] = mapped_column(ForeignKey("city.id"))
    language: Mapped[str] = mapped_column(String(5), default="en")
    timezone: Mapped[str] = mapped_column(String(64), default="UTC")
    feed_token: Mapped[str] = mapped_column(String(64), unique=True, default=new_feed_token)

    organisation: Mapped[Organisation | None] = relationship(back_populates="participants")
    city: Mapped[City | None] = relationship()
    invitations: Mapped[list[Invitation]] = relationship(back_populates="participant")

    @property
    def helix(self) -> HelixRole:
        """The participant's helix role as an enum."""
        return HelixRole(self.helix_role)


class Invitation(db.Model):
    """A participant invited to an event, and their answer or attendance."""

    __tablename__ = "invitation"
    __table_args__ = (UniqueConstraint("event_id", "participant_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"))
    participant_id: Mapped[int] = mapped_column(ForeignKey("participant.id",
                                                           ondelete="CASCADE"))
    status: Mapped[str] = mapped_column(String(12), default=InvitationStatus.INVITED.value)
    invited_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    event: Mapped[Event] = relationship(back_populates="invitations")
    participant: Mapped[Participant] = relationship(back_populates="invitations")
