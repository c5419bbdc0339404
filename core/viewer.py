"""Who is looking: the viewer's time zone for showing times in their own clock."""

from urllib.parse import unquote

from flask import request
from flask_login import current_user

from core.timefmt import is_valid_zone

TZ_COOKIE = "helix_tz"


def viewer_timezone() -> str:
    """The viewer's IANA zone: their saved preference, else the browser's, else UTC.

    The browser's zone is reported by ``static/js/viewer-timezone.js`` in a cookie.
    """
    preferred = getattr(current_user, "timezone", None) if current_user else None
    if preferred and is_valid_zone(preferred):
        return preferred
    from_browser = unquote(request.cookies.get(TZ_COOKIE, ""))
    if is_valid_zone(from_browser):
        return from_browser
    return "UTC"


def viewer_timezone_source() -> str:
    """Where the viewer's zone came from: ``user`` (saved preference) or ``browser``."""
    preferred = getattr(current_user, "timezone", None) if current_user else None
    return "user" if preferred and is_valid_zone(preferred) else "browser"
