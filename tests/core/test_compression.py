"""gzip as Accept-Encoding asks, with Vary, for pages; the compressed-body cache."""

from __future__ import annotations

import gzip

from flask.testing import FlaskClient

from core.compression import CompressedCache


def test_home_page_is_gzipped_only_when_asked(client: FlaskClient) -> None:
    plain = client.get("/")
    assert "Content-Encoding" not in plain.headers
    assert "Accept-Encoding" in plain.headers["Vary"]
    zipped = client.get("/", headers={"Accept-Encoding": "gzip"})
    assert zipped.headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(zipped.data) == plain.data


def test_compressed_cache_is_bounded_and_skips_unkeyed_responses() -> None:
    cache = CompressedCache(entries=2)
    cache.set("gzip;", b"page")
    assert cache.get("gzip;") is None
    for key in ("gzip;a", "gzip;b", "gzip;c"):
        cache.set(key, key.encode())
    assert cache.get("gzip;a") is None and cache.get("gzip;c") == b"gzip;c"
