"""Outcomes of the cooperation: MoUs, agreements, pilot projects, joint studies."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING

from sqlalchemy import Column, ForeignKey, String, Table
from sqlalchemy.orm import Mapped, mapped_column, relationship

from core.extensions import db

if TYPE_CHECKING:
    from organisations.models import Organisation
    from programme.models import City, Partnership, Theme


class OutcomeKind(StrEnum):
    """What came out of an event or partnership."""

    MOU = "mou"
    AGREEMENT = "agreement"
    PILOT_PROJECT = "pilot_project"
    JOINT_STUDY = "joint_study"


class OutcomeStatus(StrEnum):
    """Where an outcome stands: planned, signed (an MoU, an agreement), in progress (a pilot
    project under way) or completed."""

    PLANNED = "planned"
    SIGNED = "signed"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"


outcome_city = Table(
    "outcome_city",
    db.metadata,
    Column("outcome_id", ForeignKey("outcome.id", ondelete="CASCADE"), primary_key=True),
    Column("city_id", ForeignKey("city.id", ondelete="CASCADE"), primary_key=True, index=True),
)

outcome_theme = Table(
    "outcome_theme",
    db.metadata,
    Column("outcome_id", ForeignKey("outcome.id", ondelete="CASCADE"), primary_key=True),
    Column("theme_id", ForeignKey("theme.id", ondelete="CASCADE"), primary_key=True),
)

outcome_party = Table(
    "outcome_party",
    db.metadata,
    Column("outcome_id", ForeignKey("outcome.id", ondelete="CASCADE"), primary_key=True),
    Column("organisation_id", ForeignKey("organisation.id", ondelete="CASCADE"),
           primary_key=True),
)


class Outcome(db.Model):
    """A result of the cooperation: MoU, agreement, pilot project or joint study."""

    __tablename__ = "outcome"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str | None] = mapped_column(String(120), unique=True)
    kind: Mapped[str] = mapped_column(String(20))
    title_en: Mapped[str | None] = mapped_column(String(300))
    title_zh: Mapped[str | None] = mapped_column(String(300))
    event_id: Mapped[int | None] = mapped_column(ForeignKey("event.id", ondelete="SET NULL"))
    partnership_id: Mapped[int | None] = mapped_column(ForeignKey("partnership.id",
                                                                  ondelete="SET NULL"))
    status: Mapped[str] = mapped_column(String(12), default=OutcomeStatus.SIGNED.value,
                                        server_default=OutcomeStatus.SIGNED.value)
    signed_on: Mapped[date | None]
    document_url: Mapped[str | None] = mapped_column(String(500))

    partnership: Mapped[Partnership | None] = relationship()
    parties: Mapped[list[Organisation]] = relationship(secondary=outcome_party)
    cities: Mapped[list[City]] = relationship(secondary=outcome_city, order_by="City.name_en")
    themes: Mapped[list[Theme]] = relationship(secondary=outcome_theme,
                                               order_by="Theme.name_en")
