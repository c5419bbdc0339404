"""XSS payload corpus and detectors used by the XSS tests (pure; no Flask import).

Every payload carries a unique marker (``hx0``, ``hx1`` …) and at least one character
that HTML escaping changes (``<``, ``>``, ``"``, ``'`` or ``&``), so *finding the payload
verbatim in a page means it was not escaped*. URL payloads (``javascript:``) cannot be
detected that way, so :func:`dangerous_urls` looks for them in ``href``/``src``
attributes instead. :data:`ICAL_INJECTION` checks that a CR/LF in a text field cannot add
a property to a calendar feed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_ESCAPED_BY_HTML = set("<>\"'&")

PAYLOADS: tuple[str, ...] = (
    '<script>alert("hx0")</script>',
    '"><img src=x onerror=alert("hx1")>',
    "'><svg/onload=alert('hx2')>",
    '<iframe srcdoc="<script>parent.hx3()</script>"></iframe>',
    '" onmouseover="alert(hx4)" x="',
    "' autofocus onfocus='alert(hx5)' x='",
    "</textarea><script>hx6()</script>",
    "</title><script>hx7()</script>",
    '<a href="javascript:alert(hx8)">hx8</a>',
    "<math><mtext><table><mglyph><style><img src=x onerror=hx9()>",
    "<b>hx10{{ 7*7 }}",
    "<!--hx11--><script>hx11()</script>",
)
"""Payloads to store in text fields. Markers make a hit traceable to its payload."""

SIGNATURE_LENGTH = 16
"""How many leading characters of a payload identify it in a page."""

URL_PAYLOAD = "javascript:alert('hx-url')"
"""Payload for URL-like fields; must never end up as a clickable ``href``/``src``."""

ICAL_INJECTION = "hx-cal\r\nX-HX-INJECTED:1"
"""A line break must not let a text field add a property to an iCalendar feed."""

_URL_ATTR = re.compile(
    r"""\b(?:href|src|action|formaction|xlink:href)\s*=\s*["']?\s*(?:javascript|vbscript|data):""",
    re.IGNORECASE,
)


def check_corpus(payloads: Iterable[str] = PAYLOADS) -> None:
    """Raise ``ValueError`` if a payload could survive escaping undetected."""
    for payload in payloads:
        if not _ESCAPED_BY_HTML & set(payload[:SIGNATURE_LENGTH]):
            raise ValueError(f"payload starts with nothing escaping changes: {payload!r}")


def payload_for(index: int, max_length: int | None = None) -> str:
    """Pick the payload for the ``index``-th field, cut to the column's length.

    A cut payload still contains ``<`` near its start, so a verbatim hit still proves
    missing escaping.
    """
    payload = PAYLOADS[index % len(PAYLOADS)]
    if max_length is not None and len(payload) > max_length:
        payload = payload[:max_length]
    return payload


def unescaped_payloads(
    body: str, payloads: Iterable[str] = PAYLOADS, prefix: int = SIGNATURE_LENGTH
) -> list[str]:
    """Payloads whose first ``prefix`` characters appear verbatim in ``body``.

    Matching a prefix also catches payloads a template shortened (``|truncate``); every
    prefix contains a character that escaping would have changed.
    """
    found = []
    for payload in payloads:
        signature = payload[:prefix]
        if len(signature) >= 4 and _ESCAPED_BY_HTML & set(signature) and signature in body:
            found.append(payload)
    return found


def dangerous_urls(body: str) -> list[str]:
    """``href``/``src``/``action`` attributes with a ``javascript:``/``data:`` URL."""
    return [m.group(0) for m in _URL_ATTR.finditer(body)]


def ical_injected(body: str) -> bool:
    """True when a calendar body contains the property smuggled in by ICAL_INJECTION."""
    return any(line.startswith("X-HX-INJECTED") for line in body.splitlines())
