"""Pages of long lists that cost the same at 1,000 rows as at 100,000.

Flask-SQLAlchemy's pagination counts every matching row to number the pages; on a list of
100,000 events that count is most of the page's time. ``bounded_page`` counts only as far
as the pager can show (``COUNT_AHEAD`` rows past the current page), so the page says "more
than 1,000 events" instead of reading all of them.
"""

from __future__ import annotations

from typing import Any

from flask_sqlalchemy.pagination import Pagination
from sqlalchemy import Select, func, select
from sqlalchemy.orm import lazyload

from core.extensions import db

#: Rows counted past the current page (the pager then offers up to this many rows more).
COUNT_AHEAD = 1000


def bounded_page(query: Select[Any], page: int, per_page: int) -> tuple[Pagination, bool]:
    """Page ``page`` of ``query`` (its ``total`` counted at most ``COUNT_AHEAD`` rows past
    the page), and whether the list goes on beyond that total."""
    result = db.paginate(query, page=page, per_page=per_page, max_per_page=per_page,
                         error_out=False, count=False)
    limit = (result.page - 1) * per_page + COUNT_AHEAD + 1
    counted = query.options(lazyload("*")).order_by(None).limit(limit).subquery()
    total = db.session.scalar(select(func.count()).select_from(counted)) or 0
    result.total = min(total, limit - 1)
    return result, total == limit
