"""What follows an event: its minutes, its attachments and its action items."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from core.extensions import db
from core.types import UTCDateTime, utcnow

if TYPE_CHECKING:
    from actionplans.models import Activity
    from events.models import Event
    from participants.models import Participant


class EventMinutes(db.Model):
    """The minutes of an event, in English and Chinese (one row per event)."""

    __tablename__ = "event_minutes"

    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"),
                                          primary_key=True)
    minutes_en: Mapped[str | None] = mapped_column(Text)
    minutes_zh: Mapped[str | None] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow,
                                                 onupdate=utcnow)

    event: Mapped[Event] = relationship()


class Attachment(db.Model):
    """A file of an event (agenda, slides, MoU draft), stored on disk under a random name."""

    __tablename__ = "attachment"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"),
                                          index=True)
    filename: Mapped[str] = mapped_column(String(210))
    """The uploader's file name, cleaned (:func:`followup.filetypes.clean_filename`)."""
    stored_name: Mapped[str] = mapped_column(String(64), unique=True)
    """The file's name in the attachments folder: random hex and the sniffed extension."""
    kind: Mapped[str] = mapped_column(String(10))
    """The sniffed kind, a key of :data:`followup.filetypes.KINDS`."""
    size: Mapped[int] = mapped_column(Integer)
    uploaded_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    event: Mapped[Event] = relationship()


class ActionStatus(StrEnum):
    """Where an action item stands."""

    OPEN = "open"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    DROPPED = "dropped"


OPEN_STATUSES = (ActionStatus.OPEN.value, ActionStatus.IN_PROGRESS.value)
"""Statuses of items still to be done."""


class ActionItem(db.Model):
    """Something agreed at an event, with an owner, a due date and a status."""

    __tablename__ = "action_item"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"),
                                          index=True)
    title: Mapped[str] = mapped_column(String(300))
    owner_name: Mapped[str | None] = mapped_column(String(200))
    owner_participant_id: Mapped[int | None] = mapped_column(
        ForeignKey("participant.id", ondelete="SET NULL"))
    due_on: Mapped[date | None]
    status: Mapped[str] = mapped_column(String(12), default=ActionStatus.OPEN.value,
                                        index=True)
    activity_id: Mapped[int | None] = mapped_column(
        ForeignKey("activity.id", ondelete="SET NULL"))

    event: Mapped[Event] = relationship()
    owner_participant: Mapped[Participant | None] = relationship()
    activity: Mapped[Activity | None] = relationship()

    @property
    def owner(self) -> str:
        """Who is to do it: the participant's name, else the free-text owner."""
        if self.owner_participant is not None:
            return self.owner_participant.name
        return self.owner_name or ""
