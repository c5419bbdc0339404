"""HTTP side of the feeds: validators, 304 answers, and a small cache of built feeds.

The ETag of a feed is derived from what determines its bytes: the feed (kind, key,
language), the format version, the year whose time-zone rules are written, the window's
first day, and the generations of the feed's own scope and the global one
(:class:`calendars.models.FeedScope`), which the commits that change that data raise. So a
conditional request is answered from one indexed read, and a full one from the cache while
nothing in that feed changed, whatever changed elsewhere.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from datetime import UTC, datetime
from typing import Any, Generic, TypeVar

from flask import Request, Response, current_app
from sqlalchemy import select

from calendars.models import GLOBAL_SCOPE, FeedScope
from core.compression import coded_etags, remember_compressed
from core.extensions import db

#: Raise when the output format changes, so cached copies everywhere are refetched.
FORMAT_VERSION = "1"
EPOCH = datetime(2020, 1, 1, tzinfo=UTC)
CONTENT_TYPE = "text/calendar; charset=utf-8"
CACHE_ENTRIES = 256

V = TypeVar("V")


class Memo:
    """Values kept for a few seconds in this process (a "micro-cache").

    Feed validators change only on commits; this worker's own commits clear the memo at
    once (see :mod:`calendars.tracking`), other workers' commits are seen within the TTL.
    """

    MAX_ENTRIES = 10_000

    def __init__(self) -> None:
        self._data: dict[Hashable, tuple[float, Any]] = {}
        self._lock = threading.Lock()

    def get(self, key: Hashable, load: Callable[[], Any], ttl: float) -> Any:
        """The value for ``key`` if younger than ``ttl`` seconds, else ``load()``."""
        if ttl <= 0:
            return load()
        now = time.monotonic()
        hit = self._data.get(key)
        if hit is not None and now - hit[0] < ttl:
            return hit[1]
        value = load()
        with self._lock:
            if len(self._data) >= self.MAX_ENTRIES:
                self._data.clear()
            self._data[key] = (now, value)
        return value

    def clear(self) -> None:
        """Forget everything (after a local commit that changed feed data)."""
        with self._lock:
            self._data.clear()


validators = Memo()


def memo_ttl() -> float:
    """Seconds a validator may be reused: ``CALENDAR_STATE_TTL`` (0 under ``TESTING``)."""
    default = 0.0 if current_app.testing else 1.0
    return float(current_app.config.get("CALENDAR_STATE_TTL", default))


def memoized(key: Hashable, load: Callable[[], Any]) -> Any:
    """``load()`` through the validator memo, per database."""
    database = current_app.config.get("SQLALCHEMY_DATABASE_URI")
    return validators.get((database, key), load, memo_ttl())


def _load_state(scope: str) -> tuple[str, datetime]:
    query = select(FeedScope.scope, FeedScope.generation, FeedScope.changed_at).where(
        FeedScope.scope.in_((GLOBAL_SCOPE, scope))
    )
    rows = sorted(db.session.execute(query).tuples())
    # changed_at too: a generation number alone could repeat after a database restore.
    version = ";".join(f"{name}={generation}@{at.isoformat()}" for name, generation, at in rows)
    return version, max((at for _name, _generation, at in rows), default=EPOCH)


def feed_state(scope: str) -> tuple[str, datetime]:
    """The version of ``scope``'s data (with the global scope's) and when it last changed."""
    return memoized(("state", scope), lambda: _load_state(scope))


def make_etag(*parts: object) -> str:
    """A strong ETag (without quotes) from the parts that determine a feed's bytes."""
    text = "|".join(str(p) for p in (FORMAT_VERSION, *parts))
    return hashlib.sha256(text.encode()).hexdigest()[:40]


def not_modified(request: Request, etag: str, last_modified: datetime) -> bool:
    """True when the client's copy is current (If-None-Match wins over If-Modified-Since)."""
    if request.if_none_match:
        return any(request.if_none_match.contains_weak(tag) for tag in coded_etags(etag))
    since = request.if_modified_since
    return since is not None and last_modified.replace(microsecond=0) <= since


class FeedCache(Generic[V]):
    """A bounded, thread-safe LRU of built feeds (or other built values) keyed by ETag."""

    def __init__(self, entries: int = CACHE_ENTRIES) -> None:
        self.entries = entries
        self._data: OrderedDict[str, V] = OrderedDict()
        self._lock = threading.Lock()

    def get_or_build(self, etag: str, build: Callable[[], V]) -> V:
        """The cached bytes for ``etag``, building (outside the lock) when missing."""
        with self._lock:
            if etag in self._data:
                self._data.move_to_end(etag)
                return self._data[etag]
        data = build()
        with self._lock:
            self._data[etag] = data
            while len(self._data) > self.entries:
                self._data.popitem(last=False)
        return data

    def clear(self) -> None:
        """Forget every built feed."""
        with self._lock:
            self._data.clear()


def calendar_response(
    request: Request,
    *,
    etag: str,
    last_modified: datetime,
    body: Callable[[], bytes],
    cache: FeedCache[bytes],
    filename: str,
    attachment: bool = False,
    private: bool = False,
) -> Response:
    """A ``text/calendar`` response with validators; 304 when the client is current."""
    if not_modified(request, etag, last_modified):
        response = Response(status=304)
        # the representation the client holds: plain, or compressed (``"…:gzip"``)
        held = [t for t in coded_etags(etag) if request.if_none_match.contains_weak(t)]
        response.set_etag(held[0] if held else etag)
    else:
        response = Response(cache.get_or_build(etag, body), content_type=CONTENT_TYPE)
        remember_compressed(etag)
        disposition = "attachment" if attachment else "inline"
        response.headers["Content-Disposition"] = f'{disposition}; filename="{filename}"'
        response.set_etag(etag)
    response.last_modified = last_modified.replace(microsecond=0)
    response.headers["Cache-Control"] = ("private" if private else "public") + ", no-cache"
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response
