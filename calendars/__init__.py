"""Calendar export: iCalendar files, subscribable feeds and iTIP e-mail invitations."""

import os

from flask import Flask

from calendars.links import feed_links
from calendars.views import bp

__all__ = ["bp", "init_app"]


def init_app(app: Flask) -> None:
    """Set the calendar defaults and install the change-tracking session hooks."""
    from calendars import tracking

    sender = (
        app.config.get("MAIL_SENDER") or os.environ.get("MAIL_SENDER") or "programme@helix.invalid"
    )
    app.config.setdefault("CALENDAR_ORGANIZER_EMAIL", sender)
    app.config.setdefault("CALENDAR_ORGANIZER_NAME", "Helix")
    app.config.setdefault("CALENDAR_MAIL_ENABLED", True)
    tracking.install()
    app.context_processor(lambda: {"feed_links": feed_links})
