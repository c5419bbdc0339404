"""Calendar bookkeeping: one row whose generation changes whenever any feed may change."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Integer
from sqlalchemy.orm import Mapped, mapped_column

from core.extensions import db
from core.types import UTCDateTime, utcnow

STATE_ID = 1


class CalendarState(db.Model):
    """The feeds' validator: ``generation`` is raised and ``changed_at`` set on every
    committed change to events, invitations, participants, missions, cities or themes.

    Feeds derive their ETag from the generation and their Last-Modified from
    ``changed_at``, so a 304 costs one primary-key read and never goes stale.
    """

    __tablename__ = "calendar_state"

    id: Mapped[int] = mapped_column(primary_key=True)
    generation: Mapped[int] = mapped_column(Integer, default=0)
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
