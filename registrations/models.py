"""Registration settings of an event, and the people who registered."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from core.extensions import db
from core.types import UTCDateTime, utcnow
from events.models import Event

#: Reminder offsets (hours before the start) when an event sets none.
DEFAULT_REMINDER_HOURS = "24,1"


class RegistrationStatus(StrEnum):
    """Where a registration stands."""

    UNCONFIRMED = "unconfirmed"  # the e-mail link was not followed yet
    PENDING = "pending"  # confirmed, waiting for an organiser's approval
    WAITING = "waiting"  # confirmed, on the waiting list
    ACCEPTED = "accepted"  # has a seat and an accepted invitation
    CANCELLED = "cancelled"


#: Statuses that hold (or queue for) a place: one per e-mail and event.
LIVE = (RegistrationStatus.UNCONFIRMED.value, RegistrationStatus.PENDING.value,
        RegistrationStatus.WAITING.value, RegistrationStatus.ACCEPTED.value)
LIVE_CLAUSE = "status IN ({})".format(", ".join(f"'{status}'" for status in LIVE))
"""SQL: the registration is live (the unique index's condition)."""


class RegistrationSettings(db.Model):
    """How an event takes registrations; ``taken`` counts the seats given (the counter is
    raised by one conditional ``UPDATE``, so concurrent confirmations never overbook)."""

    __tablename__ = "registration_settings"

    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"),
                                          primary_key=True)
    open: Mapped[bool] = mapped_column(Boolean, default=False)
    capacity: Mapped[int | None] = mapped_column(Integer)
    taken: Mapped[int] = mapped_column(Integer, default=0)
    waiting_list: Mapped[bool] = mapped_column(Boolean, default=True)
    approval_required: Mapped[bool] = mapped_column(Boolean, default=False)
    deadline: Mapped[datetime | None] = mapped_column(UTCDateTime())
    reminder_hours: Mapped[str] = mapped_column(String(40), default=DEFAULT_REMINDER_HOURS)

    event: Mapped[Event] = relationship()


class Registration(db.Model):
    """One person's registration for one event, as typed in the public form."""

    __tablename__ = "registration"
    __table_args__ = (
        Index("ix_registration_event_email", "event_id", "email"),
        # One live registration per address and event, even when the form is sent twice
        # at once (cancelled ones stay, any number of them).
        Index("uq_registration_event_email_live", "event_id", "email", unique=True,
              postgresql_where=text(LIVE_CLAUSE), sqlite_where=text(LIVE_CLAUSE)),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(160))
    name_zh: Mapped[str | None] = mapped_column(String(160))
    email: Mapped[str] = mapped_column(String(254))
    organisation: Mapped[str | None] = mapped_column(String(200))
    city_id: Mapped[int | None] = mapped_column(ForeignKey("city.id", ondelete="SET NULL"))
    helix_role: Mapped[str] = mapped_column(String(20))
    language: Mapped[str] = mapped_column(String(5), default="en")
    timezone: Mapped[str] = mapped_column(String(64), default="UTC")
    status: Mapped[str] = mapped_column(String(12), default=RegistrationStatus.UNCONFIRMED.value)
    participant_id: Mapped[int | None] = mapped_column(
        ForeignKey("participant.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    confirmed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    event: Mapped[Event] = relationship()
