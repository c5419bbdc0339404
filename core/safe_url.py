"""Is a ``next`` target a path on this site? The one check for every redirect a user picks.

Pure (no Flask import). Browsers repair URLs before following them: the WHATWG URL parser
drops ASCII tabs and newlines anywhere, trims leading and trailing control characters and
spaces, and reads ``\\`` as ``/``. So ``/\\t/evil.example`` is followed as
``//evil.example`` (another site). A target is accepted only when it is already in the
form a browser would not change, and that form is a path on this site.
"""

from __future__ import annotations

from urllib.parse import urlsplit

MAX_LENGTH = 2048
"""Longer targets are refused (no legitimate page path is that long)."""


def _has_unsafe_character(target: str) -> bool:
    """Control characters (C0, DEL, C1), backslashes and any whitespace."""
    return any(ord(ch) < 0x21 or 0x7F <= ord(ch) <= 0x9F or ch == "\\" or ch.isspace()
               for ch in target)


def is_safe_local_url(target: str | None) -> bool:
    """True when ``target`` is a path on this site that browsers follow unchanged.

    It must start with a single ``/`` (not ``//``, a scheme-relative URL to another
    host), contain no control character, whitespace or backslash, and parse without a
    scheme or host.
    """
    if not target or len(target) > MAX_LENGTH:
        return False
    if not target.startswith("/") or target.startswith("//"):
        return False
    if _has_unsafe_character(target):
        return False
    try:
        parts = urlsplit(target)
    except ValueError:
        return False
    return not parts.scheme and not parts.netloc


def safe_local_url(target: str | None, default: str) -> str:
    """``target`` when :func:`is_safe_local_url` accepts it, else ``default``."""
    return target if target is not None and is_safe_local_url(target) else default
