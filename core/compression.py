"""gzip and Brotli for pages and feeds (Flask-Compress), as the client's Accept-Encoding asks.

Flask-Compress adds ``Vary: Accept-Encoding`` to every response and marks a compressed
representation's strong ETag with the coding (``"abc:gzip"``). A view that knows its
response's validator (the feeds) calls :func:`remember_compressed` with it, so the
compressed bytes are kept in a small LRU and not compressed again on every poll;
:func:`coded_etags` lets the view's own 304 check recognise the marked ETags.
"""

from __future__ import annotations

import threading
from collections import OrderedDict

from flask import Flask, g
from flask_compress import Compress

CODINGS = ("br", "gzip")
MIMETYPES = ["text/html", "text/calendar", "application/json", "text/css", "text/javascript",
             "application/javascript", "image/svg+xml"]
ENTRIES = 64

compress = Compress()


class CompressedCache:
    """A bounded LRU of compressed bodies; keys without a validator are never stored."""

    def __init__(self, entries: int = ENTRIES) -> None:
        self.entries = entries
        self._data: OrderedDict[str, bytes] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: str) -> bytes | None:
        """The compressed body stored under ``key``, if any."""
        with self._lock:
            if key in self._data:
                self._data.move_to_end(key)
            return self._data.get(key)

    def set(self, key: str, value: bytes) -> None:
        """Store ``value`` unless ``key`` names no validator (ends with ``;``)."""
        if key.endswith(";"):
            return
        with self._lock:
            self._data[key] = value
            self._data.move_to_end(key)
            while len(self._data) > self.entries:
                self._data.popitem(last=False)


def _cache_key(_request: object) -> str:
    return g.get("compress_key", "")


def remember_compressed(validator: str) -> None:
    """Let this response's compressed bytes be reused for the same ``validator``."""
    g.compress_key = validator


def coded_etags(etag: str) -> list[str]:
    """``etag`` and the ETags Flask-Compress gives its compressed representations."""
    return [etag, *(f"{etag}:{coding}" for coding in CODINGS)]


def init_app(app: Flask) -> None:
    """Compress text responses of 500 bytes or more (``COMPRESS_ENABLED=False`` to turn off)."""
    if not app.config.setdefault("COMPRESS_ENABLED", True):
        return
    app.config.setdefault("COMPRESS_ALGORITHM", list(CODINGS))
    app.config.setdefault("COMPRESS_MIMETYPES", MIMETYPES)
    app.config.setdefault("COMPRESS_STREAMS", False)
    app.config.setdefault("COMPRESS_CACHE_BACKEND", CompressedCache)
    app.config.setdefault("COMPRESS_CACHE_KEY", _cache_key)
    compress.init_app(app)
