"""An action plan activity, linked to the events, missions and outcomes it concerns."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING

from sqlalchemy import Column, ForeignKey, String, Table
from sqlalchemy.orm import Mapped, mapped_column, relationship

from core.extensions import db

if TYPE_CHECKING:
    from events.models import Event
    from missions.models import Mission
    from organisations.models import Organisation
    from outcomes.models import Outcome
    from programme.models import City, Partnership, Theme


class ActivityStatus(StrEnum):
    """Where an activity stands; dropping replaces deleting."""

    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    DROPPED = "dropped"


def _link(name: str, other: str) -> Table:
    return Table(name, db.metadata,
                 Column("activity_id", ForeignKey("activity.id", ondelete="CASCADE"),
                        primary_key=True),
                 Column(f"{other}_id", ForeignKey(f"{other}.id", ondelete="CASCADE"),
                        primary_key=True))


activity_event = _link("activity_event", "event")
activity_mission = _link("activity_mission", "mission")
activity_outcome = _link("activity_outcome", "outcome")


class Activity(db.Model):
    """One line of a partnership's Urban Cooperation Action Plan."""

    __tablename__ = "activity"

    id: Mapped[int] = mapped_column(primary_key=True)
    partnership_id: Mapped[int] = mapped_column(
        ForeignKey("partnership.id", ondelete="CASCADE"), index=True)
    title_en: Mapped[str | None] = mapped_column(String(300))
    title_zh: Mapped[str | None] = mapped_column(String(300))
    theme_id: Mapped[int | None] = mapped_column(ForeignKey("theme.id", ondelete="SET NULL"))
    owner_city_id: Mapped[int | None] = mapped_column(ForeignKey("city.id", ondelete="SET NULL"))
    owner_organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisation.id", ondelete="SET NULL"))
    starts_on: Mapped[date | None]
    ends_on: Mapped[date | None]
    status: Mapped[str] = mapped_column(String(12), default=ActivityStatus.PLANNED.value)

    partnership: Mapped[Partnership] = relationship()
    theme: Mapped[Theme | None] = relationship()
    owner_city: Mapped[City | None] = relationship()
    owner_organisation: Mapped[Organisation | None] = relationship()
    events: Mapped[list[Event]] = relationship(secondary=activity_event)
    missions: Mapped[list[Mission]] = relationship(secondary=activity_mission)
    outputs: Mapped[list[Outcome]] = relationship(secondary=activity_outcome)

    @property
    def cities(self) -> list[City]:
        """The partnership's cities: their staff may edit the activity."""
        return self.partnership.cities
