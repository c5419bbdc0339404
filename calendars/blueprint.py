"""The calendars blueprint: every feed and subscription URL; the calendar defaults, the
change-tracking session hooks and the ``feed_links`` and ``feed_qr`` template helpers."""

import os

from flask import Blueprint, Flask

from calendars import tracking
from calendars.links import feed_links
from calendars.mail import DEFAULT_SENDER
from calendars.notify import send_now
from calendars.qr import qr_svg
from calendars.views import (
    city,
    event,
    mission,
    participant_feed,
    personal,
    programme,
    regenerate,
    subscribe,
    theme,
)
from core.registry import registry_of

bp = Blueprint("calendars", __name__)

ROUTES = [
    ("/events/<int:event_id>.ics", event, ["GET"]),
    ("/calendar/", subscribe, ["GET"]),
    ("/calendar/programme.ics", programme, ["GET"]),
    ("/calendar/missions/<int:mission_id>.ics", mission, ["GET"]),
    ("/calendar/cities/<slug>.ics", city, ["GET"]),
    ("/calendar/themes/<slug>.ics", theme, ["GET"]),
    ("/calendar/u/<token>.ics", personal, ["GET"]),
    ("/calendar/participants/<int:participant_id>", participant_feed, ["GET"]),
    ("/calendar/participants/<int:participant_id>/token", regenerate, ["POST"]),
]
for rule, view, methods in ROUTES:
    bp.add_url_rule(rule, view_func=view, methods=methods)


def init_app(app: Flask) -> None:
    """Register the blueprint, set the calendar defaults, install the tracking hooks."""
    app.register_blueprint(bp)
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
    registry_of(app).provide("mail.send", send_now)
    app.context_processor(lambda: {"feed_links": feed_links, "feed_qr": qr_svg})
