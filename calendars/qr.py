"""QR codes of feed addresses, as inline SVG (pure: segno, no Flask).

A phone's camera reads the code off the screen and opens the address, so a delegate can
subscribe on the phone to the feed shown on a computer without typing 80 characters.
"""

from __future__ import annotations

import segno
from markupsafe import Markup

QR_SCALE = 4
"""Pixels per module: a personal feed address (version 5, 37 modules and the quiet zone)
draws about 180 px wide, which fits a 390 px phone screen."""


def qr_svg(data: str, title: str = "") -> Markup:
    """An ``<svg>`` element (no XML declaration, no inline style: the page's CSP allows
    it) drawing ``data`` as a QR code with medium error correction; ``title`` is its
    accessible name (segno escapes it)."""
    code = segno.make(data, error="m", micro=False)
    svg = code.svg_inline(scale=QR_SCALE, title=title or None, svgclass="feed-qr",
                          lineclass="feed-qr-line")
    return Markup(svg.replace("<svg ", '<svg role="img" ', 1))
