"""Calendar export: iCalendar files, subscribable feeds and iTIP e-mail invitations."""

import os

from flask import Flask

from calendars.links import feed_links
from calendars.mail import DEFAULT_SENDER
from calendars.views import bp

__all__ = ["bp", "init_app"]


def init_app(app: Flask) -> None:
    """Set the calendar defaults and install the change-tracking session hooks."""
    from calendars import tracking

    sender = (
        app.config.get("MAIL_SENDER") or os.environ.get("MAIL_SENDER") or DEFAULT_SENDER
    )
    app.config.setdefault("CALENDAR_ORGANIZER_EMAIL", sender)
    app.config.setdefault("CALENDAR_ORGANIZER_NAME", "Helix")
    mail_enabled = os.environ.get("CALENDAR_MAIL_ENABLED", "1").lower() not in ("0", "false")
    app.config.setdefault("CALENDAR_MAIL_ENABLED", mail_enabled)
    if "CALENDAR_STATE_TTL" in os.environ:  # seconds a feed validator may be reused
        app.config.setdefault("CALENDAR_STATE_TTL", float(os.environ["CALENDAR_STATE_TTL"]))
    tracking.install()
    app.context_processor(lambda: {"feed_links": feed_links})
