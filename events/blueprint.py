"""The events blueprint: every URL of the event pages, and what events contribute elsewhere
(the home page's lists, audit labels, the demo loader, queries for missions and cities)."""

from flask import Blueprint, Flask

from core.registry import registry_of
from events import contributions
from events.demo import load_events
from events.messages import describe_conflict, web_link
from events.views.editing import cancel, create, delete, duplicate, edit
from events.views.pages import calendar, detail, feed, index, search
from events.views.slot_search import slots

bp = Blueprint("events", __name__, url_prefix="/events")

ROUTES = [
    ("/", index, ["GET"]),
    ("/calendar", calendar, ["GET"]),
    ("/feed.json", feed, ["GET"]),
    ("/search", search, ["GET"]),
    ("/slots", slots, ["GET"]),
    ("/new", create, ["GET", "POST"]),
    ("/<int:event_id>", detail, ["GET"]),
    ("/<int:event_id>/edit", edit, ["GET", "POST"]),
    ("/<int:event_id>/cancel", cancel, ["POST"]),
    ("/<int:event_id>/duplicate", duplicate, ["POST"]),
    ("/<int:event_id>/delete", delete, ["POST"]),
]
for rule, view, methods in ROUTES:
    bp.add_url_rule(rule, view_func=view, methods=methods)


def init_app(app: Flask) -> None:
    """Register the blueprint, the template helpers and the events' contributions."""
    app.register_blueprint(bp)
    app.add_template_global(describe_conflict, "describe_conflict")
    app.add_template_filter(web_link, "web_link")
    registry = registry_of(app)
    registry.add_home_section(10, "events/_home.html", contributions.home_lists)
    registry.add_value_labels("visibility", contributions.VISIBILITIES)
    registry.add_demo_loader(40, "events", load_events)
    registry.provide("mission.events", contributions.mission_events)
    registry.provide("mission.event_dates", contributions.mission_event_dates)
    registry.provide("city.events", contributions.city_events)
    registry.provide("partnership.events", contributions.partnership_events)
