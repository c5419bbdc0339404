"""Organisations, participants and their invitations to events."""

from __future__ import annotations

import secrets
from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING

from sqlalchemy import Column, ForeignKey, String, Table, UniqueConstraint, event
from sqlalchemy.orm import Mapped, mapped_column, relationship

from core.extensions import db
from core.types import UTCDateTime, utcnow
from participants.helix import HelixRole
from participants.search import fold, pinyin_key

if TYPE_CHECKING:
    from accounts.policy import Target
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


city_key_contact = Table(
    "city_key_contact",
    db.metadata,
    Column("city_id", ForeignKey("city.id", ondelete="CASCADE"), primary_key=True),
    Column("participant_id", ForeignKey("participant.id", ondelete="CASCADE"),
           primary_key=True),
)


def search_key(*names: str | None) -> str:
    """What list searches match: folded names, Chinese characters and their pinyin."""
    parts = [fold(name) for name in names if name]
    parts += [pinyin_key(name) for name in names if name]
    return " ".join(part for part in parts if part)[:400]


class Organisation(db.Model):
    """A government body, company, university or civil-society organisation."""

    __tablename__ = "organisation"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str | None] = mapped_column(String(120), unique=True)
    name_en: Mapped[str] = mapped_column(String(200))
    name_zh: Mapped[str | None] = mapped_column(String(200))
    city_id: Mapped[int | None] = mapped_column(ForeignKey("city.id"))
    helix_role: Mapped[str] = mapped_column(String(20))
    search_key: Mapped[str | None] = mapped_column(String(400))

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
    search_key: Mapped[str | None] = mapped_column(String(400))

    organisation: Mapped[Organisation | None] = relationship(back_populates="participants")
    city: Mapped[City | None] = relationship()
    invitations: Mapped[list[Invitation]] = relationship(back_populates="participant",
                                                         cascade="all, delete-orphan")
    key_contact_for: Mapped[list[City]] = relationship(secondary=city_key_contact,
                                                       order_by="City.name_en")

    def permission_target(self) -> Target:
        """Permission facts: the participant's city (else their organisation's) and self."""
        from accounts.policy import Target

        city_id = self.city_id or (self.organisation.city_id if self.organisation else None)
        return Target(city_ids=frozenset({city_id}) if city_id else frozenset(),
                      participant_ids=frozenset({self.id}) if self.id else frozenset())

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


@event.listens_for(Organisation, "before_insert")
@event.listens_for(Organisation, "before_update")
def _organisation_search_key(_mapper: object, _conn: object, target: Organisation) -> None:
    target.search_key = search_key(target.name_en, target.name_zh, target.slug)


@event.listens_for(Participant, "before_insert")
@event.listens_for(Participant, "before_update")
def _participant_search_key(_mapper: object, _conn: object, target: Participant) -> None:
    target.search_key = search_key(target.name, target.name_zh, target.email)
