"""A rate-limit store in Helix's own database, shared by every worker and process.

Flask-Limiter counts through the ``limits`` library, whose stores need a server (Redis,
Memcached, MongoDB) or live in one process's memory (so 4 gunicorn workers allowed 4 × the
limit). :class:`DatabaseStorage` keeps each hit as a row of ``rate_limit_hit`` and is
selected with the URI ``helix-db://`` (the default when ``REDIS_URL`` is unset). Only the
moving-window strategy Helix uses is supported.

Hits are written on the app's engine in their own short transaction (never the request's
session), serialised per key: an advisory lock on PostgreSQL, the database write lock
on SQLite (the first statement is a DELETE). Concurrent attempts are therefore counted
exactly; rows older than the window are removed as the key is used.
"""

from __future__ import annotations

import time
import zlib
from typing import Any

from limits.storage import MovingWindowSupport, Storage
from sqlalchemy import Float, String, delete, func, insert, select, text
from sqlalchemy.engine import Connection
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Mapped, mapped_column

from core.extensions import db

SCHEME = "helix-db"


class RateLimitHit(db.Model):
    """One counted attempt (e.g. a failed sign-in) under a rate-limit key."""

    __tablename__ = "rate_limit_hit"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(255), index=True)
    at: Mapped[float] = mapped_column(Float, index=True)
    """Unix time of the hit (what ``limits`` works in)."""


_hits = RateLimitHit.__table__


def _lock(conn: Connection, key: str) -> None:
    """Serialise the transactions of one key (PostgreSQL; SQLite locks on the DELETE)."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:k)"),
                     {"k": zlib.crc32(key.encode())})


def _window(conn: Connection, key: str, since: float) -> tuple[float | None, int]:
    row = conn.execute(select(func.min(_hits.c.at), func.count())
                       .where(_hits.c.key == key, _hits.c.at > since)).one()
    return row[0], int(row[1])


class DatabaseStorage(Storage, MovingWindowSupport):
    """``limits`` storage on the Helix database (moving window only)."""

    STORAGE_SCHEME = [SCHEME]

    def __init__(self, uri: str | None = None, wrap_exceptions: bool = False,
                 **options: Any) -> None:
        super().__init__(uri, wrap_exceptions=wrap_exceptions, **options)

    @property
    def base_exceptions(self) -> type[Exception]:  # noqa: D102
        return SQLAlchemyError

    def acquire_entry(self, key: str, limit: int, expiry: int, amount: int = 1) -> bool:
        """Record ``amount`` hits unless that would exceed ``limit`` in the last ``expiry`` s."""
        if amount > limit:
            return False
        now = time.time()
        with db.engine.begin() as conn:
            _lock(conn, key)
            conn.execute(delete(_hits).where(_hits.c.key == key, _hits.c.at <= now - expiry))
            _oldest, count = _window(conn, key, now - expiry)
            if count + amount > limit:
                return False
            conn.execute(insert(_hits), [{"key": key, "at": now}] * amount)
        return True

    def get_moving_window(self, key: str, limit: int, expiry: int) -> tuple[float, int]:
        """(oldest hit in the window, number of hits in it); (now, 0) when empty."""
        now = time.time()
        with db.engine.connect() as conn:
            oldest, count = _window(conn, key, now - expiry)
        return (oldest if oldest is not None else now), count

    def clear(self, key: str) -> None:
        """Forget every hit of ``key``."""
        with db.engine.begin() as conn:
            conn.execute(delete(_hits).where(_hits.c.key == key))

    def reset(self) -> int | None:
        """Forget every hit of every key; returns how many were removed."""
        with db.engine.begin() as conn:
            return conn.execute(delete(_hits)).rowcount

    def check(self) -> bool:
        """Whether the database answers."""
        try:
            with db.engine.connect() as conn:
                conn.execute(select(1))
        except SQLAlchemyError:
            return False
        return True

    # Fixed-window counters: Helix configures the moving window, which never calls these.
    def incr(self, key: str, expiry: int, amount: int = 1) -> int:  # noqa: D102
        raise NotImplementedError("helix-db:// supports the moving-window strategy only")

    def get(self, key: str) -> int:  # noqa: D102
        raise NotImplementedError("helix-db:// supports the moving-window strategy only")

    def get_expiry(self, key: str) -> float:  # noqa: D102
        raise NotImplementedError("helix-db:// supports the moving-window strategy only")
