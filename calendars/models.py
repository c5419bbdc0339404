"""Calendar bookkeeping: per feed scope, a generation raised whenever that scope's data changes."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from core.extensions import db
from core.types import UTCDateTime, utcnow

#: The scope every feed depends on (city and theme names appear in every feed's events).
GLOBAL_SCOPE = "*"


class FeedScope(db.Model):
    """The feeds' validator for one scope: ``generation`` is raised and ``changed_at`` set
    by every committed change to that scope's data (see :mod:`calendars.scopes`).

    A feed derives its ETag from its own scope and the global one, and its Last-Modified
    from the later ``changed_at``: so a 304 costs one indexed read, never goes stale, and a
    change elsewhere (another city's event, another person's invitation) keeps the feed's
    ETag and its cached bytes.
    """

    __tablename__ = "feed_scope"

    scope: Mapped[str] = mapped_column(String(40), primary_key=True)
    generation: Mapped[int] = mapped_column(Integer, default=0)
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
