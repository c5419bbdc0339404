"""Missions (a delegation's trip or an online programme) and their delegations."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import TYPE_CHECKING

from sqlalchemy import Column, ForeignKey, Index, Integer, String, Table, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from accounts.policy import Target
from core.extensions import db
from core.types import UTCDateTime

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


class VisaStatus(StrEnum):
    """Where a delegate's invitation letter / visa stands."""

    NOT_NEEDED = "not_needed"
    NEEDED = "needed"
    REQUESTED = "requested"
    ISSUED = "issued"


class TravelMode(StrEnum):
    """How a travel leg is made."""

    FLIGHT = "flight"
    TRAIN = "train"
    ROAD = "road"


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
    Column("city_id", ForeignKey("city.id", ondelete="CASCADE"), primary_key=True,
           index=True),
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
    #: The newest missions (reports index, missions index, a partnership's page) are an
    #: index range, not a sort.
    __table_args__ = (Index("ix_mission_partnership_id_start_date", "partnership_id",
                            "start_date"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str | None] = mapped_column(String(120), unique=True)
    kind: Mapped[str] = mapped_column(String(20))
    title_en: Mapped[str | None] = mapped_column(String(300))
    title_zh: Mapped[str | None] = mapped_column(String(300))
    objectives_en: Mapped[str | None] = mapped_column(Text)
    objectives_zh: Mapped[str | None] = mapped_column(Text)
    partnership_id: Mapped[int | None] = mapped_column(ForeignKey("partnership.id"))
    start_date: Mapped[date] = mapped_column(index=True)
    end_date: Mapped[date]
    status: Mapped[str] = mapped_column(String(12), default=MissionStatus.DRAFT.value)
    #: which of the trip's days are documented and which were assumed, in both languages
    date_note_en: Mapped[str | None] = mapped_column(String(200))
    date_note_zh: Mapped[str | None] = mapped_column(String(200))
    version_id: Mapped[int] = mapped_column(Integer, default=1, server_default="1")

    __mapper_args__ = {"version_id_col": version_id}

    partnership: Mapped[Partnership | None] = relationship()
    cities: Mapped[list[City]] = relationship(secondary=mission_city, order_by="City.name_en")
    themes: Mapped[list[Theme]] = relationship(secondary=mission_theme,
                                               order_by="Theme.name_en")
    members: Mapped[list[DelegationMember]] = relationship(
        back_populates="mission", cascade="all, delete-orphan")
    legs: Mapped[list[TravelLeg]] = relationship(
        back_populates="mission", cascade="all, delete-orphan", order_by="TravelLeg.departs_at")
    stays: Mapped[list[HotelStay]] = relationship(
        back_populates="mission", cascade="all, delete-orphan", order_by="HotelStay.check_in")

    def permission_target(self) -> Target:
        """For the policy: the cities visited and the delegation's participants."""
        return Target(city_ids=frozenset(city.id for city in self.cities),
                      participant_ids=frozenset(m.participant_id for m in self.members))


class DelegationMember(db.Model):
    """A participant in a mission's delegation, with their role."""

    __tablename__ = "delegation_member"
    __table_args__ = (UniqueConstraint("mission_id", "participant_id",
                                       name="uq_delegation_member_mission_participant"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    mission_id: Mapped[int] = mapped_column(ForeignKey("mission.id", ondelete="CASCADE"))
    participant_id: Mapped[int] = mapped_column(ForeignKey("participant.id"), index=True)
    role: Mapped[str] = mapped_column(String(12), default=DelegationRole.MEMBER.value)
    visa_status: Mapped[str] = mapped_column(
        String(12), default=VisaStatus.NOT_NEEDED.value, server_default="not_needed")
    letter_requested_on: Mapped[date | None]
    letter_sent_on: Mapped[date | None]
    visa_issued_on: Mapped[date | None]

    mission: Mapped[Mission] = relationship(back_populates="members")
    participant: Mapped[Participant] = relationship()


class TravelLeg(db.Model):
    """A flight, train or road transfer of the whole delegation between two cities.

    Departure and arrival are UTC instants, each shown in its own city's zone.
    """

    __tablename__ = "travel_leg"

    id: Mapped[int] = mapped_column(primary_key=True)
    mission_id: Mapped[int] = mapped_column(ForeignKey("mission.id", ondelete="CASCADE"),
                                            index=True)
    mode: Mapped[str] = mapped_column(String(8), default=TravelMode.FLIGHT.value)
    from_city_id: Mapped[int] = mapped_column(ForeignKey("city.id"))
    to_city_id: Mapped[int] = mapped_column(ForeignKey("city.id"))
    departs_at: Mapped[datetime] = mapped_column(UTCDateTime())
    departure_timezone: Mapped[str] = mapped_column(String(64))
    arrives_at: Mapped[datetime] = mapped_column(UTCDateTime())
    arrival_timezone: Mapped[str] = mapped_column(String(64))
    carrier: Mapped[str | None] = mapped_column(String(80))
    number: Mapped[str | None] = mapped_column(String(20))
    note: Mapped[str | None] = mapped_column(String(300))

    mission: Mapped[Mission] = relationship(back_populates="legs")
    from_city: Mapped[City] = relationship(foreign_keys=[from_city_id])
    to_city: Mapped[City] = relationship(foreign_keys=[to_city_id])


class HotelStay(db.Model):
    """Where the delegation sleeps: a hotel in a city from check-in to check-out."""

    __tablename__ = "hotel_stay"

    id: Mapped[int] = mapped_column(primary_key=True)
    mission_id: Mapped[int] = mapped_column(ForeignKey("mission.id", ondelete="CASCADE"),
                                            index=True)
    city_id: Mapped[int] = mapped_column(ForeignKey("city.id"))
    hotel: Mapped[str] = mapped_column(String(200))
    address: Mapped[str | None] = mapped_column(String(300))
    check_in: Mapped[date]
    check_out: Mapped[date]

    mission: Mapped[Mission] = relationship(back_populates="stays")
    city: Mapped[City] = relationship()
