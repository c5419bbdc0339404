"""Cities, themes (clusters) and partnerships."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time
from enum import StrEnum

from sqlalchemy import (
    Column,
    ColumnElement,
    Float,
    ForeignKey,
    Integer,
    String,
    Table,
    Text,
    Time,
    or_,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from accounts.policy import Target
from core.extensions import db
from core.types import UTCDateTime

WORK_START = time(9, 0)
WORK_END = time(18, 0)
WORK_DAYS = "01234"
"""A city's default working hours and days (Monday to Friday as weekday digits, Monday = 0)."""


class Side(StrEnum):
    """Which side of the cooperation a city is on."""

    EU = "eu"
    CHINA = "china"
    #: Neither side: e.g. the IUC office staff in Beijing (a person's side, not a city's).
    INTERNATIONAL = "international"
    OTHER = "other"


class Stage(StrEnum):
    """Stages of the cooperation narrative (UNIDO BRIDGE for Cities)."""

    AIM = "aim"
    COMMIT = "commit"
    PARTNER = "partner"
    PLAN = "plan"
    DO = "do"
    MEASURE = "measure"
    ACT = "act"
    REPLICATE = "replicate"


class City(db.Model):
    """A pilot city (or venue city) with the facts needed to schedule there."""

    __tablename__ = "city"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    name_en: Mapped[str] = mapped_column(String(120))
    name_zh: Mapped[str | None] = mapped_column(String(120))
    name_pinyin: Mapped[str | None] = mapped_column(String(160))
    country: Mapped[str] = mapped_column(String(2))
    region_en: Mapped[str | None] = mapped_column(String(120))
    region_zh: Mapped[str | None] = mapped_column(String(120))
    population: Mapped[int | None] = mapped_column(Integer)
    area_km2: Mapped[float | None] = mapped_column(Float)
    latitude: Mapped[float] = mapped_column(Float)
    longitude: Mapped[float] = mapped_column(Float)
    timezone: Mapped[str] = mapped_column(String(64))
    side: Mapped[str] = mapped_column(String(10), default=Side.OTHER.value)
    #: the first and (for a cohort of several years, e.g. 2014–2016) the last year of the
    #: city's pilot cohort
    cohort_year: Mapped[int | None] = mapped_column(Integer)
    cohort_end_year: Mapped[int | None] = mapped_column(Integer)
    key_contact: Mapped[str | None] = mapped_column(String(160))
    #: working hours on the city's own clock and the weekdays worked (Monday = 0), for the
    #: webinar slot finder; public holidays come from the country's calendar
    work_start: Mapped[time] = mapped_column(Time, default=WORK_START,
                                             server_default="09:00:00")
    work_end: Mapped[time] = mapped_column(Time, default=WORK_END, server_default="18:00:00")
    work_days: Mapped[str] = mapped_column(String(7), default=WORK_DAYS,
                                           server_default=WORK_DAYS)
    #: when the city left the programme's choice lists (never deleted: events refer to it)
    archived_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    def permission_target(self) -> Target:
        """A city belongs to itself: its staff may edit its profile; everyone may read it."""
        return Target(city_ids=frozenset({self.id}), public=True)

    @property
    def cohort(self) -> str:
        """The pilot cohort as the programme names it: ``2017``, ``2014–2016``, or empty."""
        if self.cohort_year is None:
            return ""
        if self.cohort_end_year and self.cohort_end_year != self.cohort_year:
            return f"{self.cohort_year}–{self.cohort_end_year}"
        return str(self.cohort_year)

    def __repr__(self) -> str:
        return f"<City {self.slug}>"


theme_partnership = Table(
    "partnership_theme",
    db.metadata,
    Column("partnership_id", ForeignKey("partnership.id", ondelete="CASCADE"), primary_key=True),
    Column("theme_id", ForeignKey("theme.id", ondelete="CASCADE"), primary_key=True),
)

partnership_eu_city = Table(
    "partnership_eu_city",
    db.metadata,
    Column("partnership_id", ForeignKey("partnership.id", ondelete="CASCADE"), primary_key=True),
    Column("city_id", ForeignKey("city.id", ondelete="CASCADE"), primary_key=True),
)

partnership_china_city = Table(
    "partnership_china_city",
    db.metadata,
    Column("partnership_id", ForeignKey("partnership.id", ondelete="CASCADE"), primary_key=True),
    Column("city_id", ForeignKey("city.id", ondelete="CASCADE"), primary_key=True),
)

class Theme(db.Model):
    """A thematic cluster with its SDG and EU Urban Agenda references."""

    __tablename__ = "theme"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    name_en: Mapped[str] = mapped_column(String(160))
    name_zh: Mapped[str | None] = mapped_column(String(160))
    sdgs: Mapped[str | None] = mapped_column(String(80))
    urban_agenda: Mapped[str | None] = mapped_column(String(300))
    #: when the theme left the programme's choice lists (never deleted)
    archived_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    @property
    def sdg_numbers(self) -> list[int]:
        """The SDG numbers as integers (stored as ``"9,11"``)."""
        return [int(n) for n in (self.sdgs or "").split(",") if n.strip()]


def offered(model: type[City] | type[Theme] | type[Partnership],
            keep: Iterable[int | None] = ()) -> ColumnElement[bool]:
    """The rows a choice list offers: those not archived, and those of ``keep`` (a record's
    current values, so an old event's form still shows its archived city); the choice
    lists themselves are ``programme.choices``."""
    current = model.archived_at.is_(None)
    ids = [value for value in keep if value is not None]
    return or_(current, model.id.in_(ids)) if ids else current


class Partnership(db.Model):
    """One or more European cities paired with one or more Chinese cities."""

    __tablename__ = "partnership"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(120), unique=True)
    start_date: Mapped[date | None]
    end_date: Mapped[date | None]
    stage: Mapped[str] = mapped_column(String(12), default=Stage.PARTNER.value)
    summary_en: Mapped[str | None] = mapped_column(Text)
    summary_zh: Mapped[str | None] = mapped_column(Text)
    #: when the partnership was archived (partnerships are never deleted)
    archived_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    eu_cities: Mapped[list[City]] = relationship(secondary=partnership_eu_city,
                                                 order_by="City.name_en")
    china_cities: Mapped[list[City]] = relationship(secondary=partnership_china_city,
                                                    order_by="City.name_en")
    themes: Mapped[list[Theme]] = relationship(secondary=theme_partnership,
                                               order_by="Theme.name_en")
    stage_history: Mapped[list[PartnershipStage]] = relationship(
        back_populates="partnership", cascade="all, delete-orphan",
        order_by="(PartnershipStage.changed_on, PartnershipStage.id)")

    @property
    def cities(self) -> list[City]:
        """All cities of the partnership, the European ones first."""
        return [*self.eu_cities, *self.china_cities]


class PartnershipStage(db.Model):
    """One step of a partnership's stage history: the stage it entered on a day."""

    __tablename__ = "partnership_stage"

    id: Mapped[int] = mapped_column(primary_key=True)
    partnership_id: Mapped[int] = mapped_column(
        ForeignKey("partnership.id", ondelete="CASCADE"), index=True)
    stage: Mapped[str] = mapped_column(String(12))
    changed_on: Mapped[date]
    note: Mapped[str | None] = mapped_column(String(500))
    #: who recorded the change: the user's e-mail, as in the audit log (None for the demo
    #: and for the stages found by the migration)
    changed_by: Mapped[str | None] = mapped_column(String(254))

    partnership: Mapped[Partnership] = relationship(back_populates="stage_history")
