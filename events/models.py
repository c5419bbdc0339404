"""Events: meetings, field visits, webinars, cluster meetings and the like."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING

from sqlalchemy import Boolean, Column, ForeignKey, Index, Integer, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from accounts.policy import Target
from core.extensions import db
from core.types import UTCDateTime, utcnow

if TYPE_CHECKING:
    from invitations.models import Invitation
    from missions.models import Mission
    from programme.models import City, Partnership, Theme


class EventKind(StrEnum):
    """The kinds of activity a programme runs."""

    DELEGATION_MEETING = "delegation_meeting"
    FIELD_VISIT = "field_visit"
    WEBINAR = "webinar"
    CLUSTER_MEETING = "cluster_meeting"
    HIGH_LEVEL_SEMINAR = "high_level_seminar"
    BUSINESS_MATCHMAKING = "business_matchmaking"
    MOU_SIGNING = "mou_signing"
    WORKSHOP = "workshop"
    OTHER = "other"


class EventStatus(StrEnum):
    """An event's status; cancelled events are kept so subscribers learn of them."""

    TENTATIVE = "tentative"
    CONFIRMED = "confirmed"
    CANCELLED = "cancelled"


class Visibility(StrEnum):
    """Whether an event is in the public programme."""

    PUBLIC = "public"
    INTERNAL = "internal"


class WorkingLanguage(StrEnum):
    """The language an event is held in."""

    EN = "en"
    ZH = "zh"
    BILINGUAL = "bilingual"


#: The cities taking part in an event beyond its venue (a webinar's European and Chinese
#: cities): the event page shows each one's local time.
event_city = Table(
    "event_city",
    db.metadata,
    Column("event_id", ForeignKey("event.id", ondelete="CASCADE"), primary_key=True),
    Column("city_id", ForeignKey("city.id", ondelete="CASCADE"), primary_key=True,
           index=True),
)


def new_uid() -> str:
    """A globally unique, never-changing iCalendar UID."""
    return f"{uuid.uuid4()}@helix"


def own_city_ids(city_id: int | None, participating: Iterable[int],
                 partnership: Iterable[int] = ()) -> frozenset[int]:
    """The cities an event belongs to: its venue and participating cities, else (an
    online event without any) its partnership's. An umbrella mission's cities never
    count: an online programme visits every city, its events do not."""
    own = frozenset(participating) | ({city_id} if city_id is not None else frozenset())
    return own or frozenset(partnership)


class Event(db.Model):
    """One dated activity, stored as UTC instants plus the venue's IANA zone."""

    __tablename__ = "event"
    #: A partnership's next and latest events (its page) are an index range, not a sort.
    __table_args__ = (Index("ix_event_partnership_id_starts_at", "partnership_id", "starts_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str | None] = mapped_column(String(120), unique=True)
    kind: Mapped[str] = mapped_column(String(24))
    title_en: Mapped[str | None] = mapped_column(String(300))
    title_zh: Mapped[str | None] = mapped_column(String(300))
    description_en: Mapped[str | None] = mapped_column(Text)
    description_zh: Mapped[str | None] = mapped_column(Text)
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    timezone: Mapped[str] = mapped_column(String(64))
    city_id: Mapped[int | None] = mapped_column(ForeignKey("city.id"), index=True)
    venue: Mapped[str | None] = mapped_column(String(300))
    online: Mapped[bool] = mapped_column(Boolean, default=False)
    hybrid: Mapped[bool] = mapped_column(Boolean, default=False)
    platform: Mapped[str | None] = mapped_column(String(80))
    join_url: Mapped[str | None] = mapped_column(String(500))
    dial_in: Mapped[str | None] = mapped_column(String(200))
    language: Mapped[str] = mapped_column(String(10), default=WorkingLanguage.EN.value)
    theme_id: Mapped[int | None] = mapped_column(ForeignKey("theme.id"))
    mission_id: Mapped[int | None] = mapped_column(ForeignKey("mission.id"), index=True)
    partnership_id: Mapped[int | None] = mapped_column(ForeignKey("partnership.id"))
    status: Mapped[str] = mapped_column(String(12), default=EventStatus.TENTATIVE.value)
    visibility: Mapped[str] = mapped_column(String(10), default=Visibility.PUBLIC.value)
    reported_attendance: Mapped[int | None] = mapped_column(Integer)
    #: what of the date (or venue) is documented and what was assumed, in both languages
    date_note_en: Mapped[str | None] = mapped_column(String(200))
    date_note_zh: Mapped[str | None] = mapped_column(String(200))
    uid: Mapped[str] = mapped_column(String(120), unique=True, default=new_uid)
    sequence: Mapped[int] = mapped_column(Integer, default=0)
    dtstamp: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow,
                                                 onupdate=utcnow)
    version_id: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version_id}

    city: Mapped[City | None] = relationship()
    theme: Mapped[Theme | None] = relationship()
    mission: Mapped[Mission | None] = relationship()
    partnership: Mapped[Partnership | None] = relationship()
    invitations: Mapped[list[Invitation]] = relationship(
        back_populates="event", cascade="all, delete-orphan")
    cities: Mapped[list[City]] = relationship(secondary=event_city, order_by="City.name_en")

    def permission_target(self) -> Target:
        """For the policy: the event's own cities (see :func:`own_city_ids`), never
        those of its umbrella mission; public when in the public programme."""
        partnership = self.partnership.cities if self.partnership is not None else ()
        city_ids = own_city_ids(self.city_id, [c.id for c in self.cities],
                                [c.id for c in partnership])
        return Target(city_ids=city_ids, public=self.visibility == Visibility.PUBLIC.value)

    @property
    def is_cancelled(self) -> bool:
        """True when the event was cancelled (it is kept, not deleted)."""
        return self.status == EventStatus.CANCELLED.value
