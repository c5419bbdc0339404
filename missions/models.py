"""Missions (a delegation's trip or an online programme) and their delegations."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING

from sqlalchemy import Column, ForeignKey, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from core.extensions import db

if TYPE_CHECKING:
    from participants.models import Participant
    from programme.models import City, Partnership, Theme


class MissionKind(StrEnum):
    """What kind of trip or programme a mission is."""

    INCOMING = "incoming"
    OUTGOING = "outgoing"
    STUDY_TOUR = "study_tour"
    ONLINE = "online"


class MissionStatus(StrEnum):
    """A mission's planning status."""

    DRAFT = "draft"
    PLANNED = "planned"
    CONFIRMED = "confirmed"
    COMPLETED = "completed"
    CANCELLED = "cancelled"


class DelegationRole(StrEnum):
    """A delegation member's role."""

    HEAD = "head"
    MEMBER = "member"
    INTERPRETER = "interpreter"
    COORDINATOR = "coordinator"
    HOST = "host"


mission_city = Table(
    "mission_city",
    db.metadata,
    Column("mission_id", ForeignKey("mission.id", ondelete="CASCADE"), primary_key=True),
    Column("city_id", ForeignKey("city.id", ondelete="CASCADE"), primary_key=True),
)

mission_theme = Table(
    "mission_theme",
    db.metadata,
    Column("mission_id", ForeignKey("mission.id", ondelete="CASCADE"), primary_key=True),
    Column("theme_id", ForeignKey("theme.id", ondelete="CASCADE"), primary_key=True),
)


class Mission(db.Model):
    """A delegation's trip or an online programme, with its itinerary of events."""

    __tablename__ = "mission"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str | None] = mapped_column(String(120), unique=True)
    kind: Mapped[str] = mapped_column(String(20))
    title_en: Mapped[str | None] = mapped_column(String(300))
    title_zh: Mapped[str | None] = mapped_column(String(300))
    objectives_en: Mapped[str | None] = mapped_column(Text)
    objectives_zh: Mapped[str | None] = mapped_column(Text)
    partnership_id: Mapped[int | None] = mapped_column(ForeignKey("partnership.id"))
    start_date: Mapped[date]
    end_date: Mapped[date]
    status: Mapped[str] = mapped_column(String(12), default=MissionStatus.DRAFT.value)

    partnership: Mapped[Partnership | None] = relationship()
    cities: Mapped[list[City]] = relationship(secondary=mission_city, order_by="City.name_en")
    themes: Mapped[list[Theme]] = relationship(secondary=mission_theme,
                                               order_by="Theme.name_en")
    members: Mapped[list[DelegationMember]] = relationship(
        back_populates="mission", cascade="all, delete-orphan")


class DelegationMember(db.Model):
    """A participant in a mission's delegation, with their role."""

    __tablename__ = "delegation_member"

    id: Mapped[int] = mapped_column(primary_key=True)
    mission_id: Mapped[int] = mapped_column(ForeignKey("mission.id", ondelete="CASCADE"))
    participant_id: Mapped[int] = mapped_column(ForeignKey("participant.id"))
    role: Mapped[str] = mapped_column(String(12), default=DelegationRole.MEMBER.value)

    mission: Mapped[Mission] = relationship(back_populates="members")
    participant: Mapped[Participant] = relationship()
