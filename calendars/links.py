"""Subscription links for a feed: https://, webcal:// and the big clients' add-by-URL pages."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote, urlencode

from calendars.feeds import absolute_url


@dataclass(frozen=True)
class FeedLinks:
    """Every way to reach one feed."""

    https: str
    webcal: str
    google: str
    outlook: str


def webcal(url: str) -> str:
    """The ``webcal://`` form of an http(s) URL (opens the system calendar app)."""
    for scheme in ("https://", "http://"):
        if url.startswith(scheme):
            return "webcal://" + url.removeprefix(scheme)
    return url


def links_for(url: str, name: str = "") -> FeedLinks:
    """The links to subscribe to the feed at ``url``."""
    google = "https://calendar.google.com/calendar/render?cid=" + quote(webcal(url), safe="")
    outlook = "https://outlook.live.com/calendar/0/addfromweb?" + urlencode(
        {"url": url, "name": name}
    )
    return FeedLinks(https=url, webcal=webcal(url), google=google, outlook=outlook)


def feed_links(endpoint: str, name: str = "", **values: object) -> FeedLinks:
    """Template helper: links for the feed at ``calendars.<endpoint>`` with ``values``."""
    return links_for(absolute_url(f"calendars.{endpoint}", **values), name)
