"""Feeds in gzip and Brotli as Accept-Encoding asks; each coding revalidates with its own ETag."""

from __future__ import annotations

import gzip
from collections.abc import Callable

import brotli
from flask.testing import FlaskClient

from events.models import Event


def test_programme_feed_brotli_and_gzip_revalidate_with_their_own_etag(
        client: FlaskClient, make_event: Callable[..., Event]) -> None:
    for day in range(1, 8):
        make_event(days=day)
    plain = client.get("/calendar/programme.ics")
    assert plain.status_code == 200 and len(plain.data) > 500
    for coding, decode in (("gzip", gzip.decompress), ("br", brotli.decompress)):
        coded = client.get("/calendar/programme.ics", headers={"Accept-Encoding": coding})
        assert coded.headers["Content-Encoding"] == coding
        assert decode(coded.data) == plain.data
        assert coded.headers["ETag"] == plain.headers["ETag"][:-1] + f':{coding}"'
        again = client.get("/calendar/programme.ics", headers={
            "Accept-Encoding": coding, "If-None-Match": coded.headers["ETag"]})
        assert again.status_code == 304 and again.headers["ETag"] == coded.headers["ETag"]
        assert len(coded.data) < len(plain.data) / 2
