"""The missions blueprint: every URL of the mission pages, the print helpers, and what
missions contribute elsewhere (audit labels, the demo loader)."""

from flask import Blueprint, Flask

from core.registry import registry_of
from missions import printing
from missions.demo import load_missions
from missions.forms import TRAVEL_MODES, VISA_STATUSES
from missions.models import Mission
from missions.views import pages
from missions.views.editing import (
    create,
    delete_leg,
    delete_member,
    delete_stay,
    edit,
    edit_member,
    new_leg,
    new_member,
    new_stay,
)
from missions.views.pages import detail, index, printable

bp = Blueprint("missions", __name__, url_prefix="/missions")

ROUTES = [
    ("/", index, ["GET"]),
    ("/search", pages.search, ["GET"]),
    ("/new", create, ["GET", "POST"]),
    ("/<int:mission_id>", detail, ["GET"]),
    ("/<int:mission_id>/print", printable, ["GET"]),
    ("/<int:mission_id>/edit", edit, ["GET", "POST"]),
    ("/<int:mission_id>/members", new_member, ["GET", "POST"]),
    ("/<int:mission_id>/members/<int:member_id>", edit_member, ["GET", "POST"]),
    ("/<int:mission_id>/members/<int:member_id>/remove", delete_member, ["POST"]),
    ("/<int:mission_id>/legs", new_leg, ["GET", "POST"]),
    ("/<int:mission_id>/legs/<int:leg_id>/delete", delete_leg, ["POST"]),
    ("/<int:mission_id>/stays", new_stay, ["GET", "POST"]),
    ("/<int:mission_id>/stays/<int:stay_id>/delete", delete_stay, ["POST"]),
]
for rule, view, methods in ROUTES:
    bp.add_url_rule(rule, view_func=view, methods=methods)

TEMPLATE_GLOBALS = {
    "both_languages": printing.both_languages,
    "both_texts": printing.both_texts,
    "visa_status_label": printing.visa_status_label,
    "travel_mode_label": printing.travel_mode_label,
}


def init_app(app: Flask) -> None:
    """Register the blueprint, the print helpers and the missions' contributions."""
    app.register_blueprint(bp)
    app.jinja_env.globals.update(TEMPLATE_GLOBALS)
    registry = registry_of(app)
    registry.add_value_labels("mode", TRAVEL_MODES)
    registry.add_value_labels("visa_status", VISA_STATUSES)
    registry.add_record_names({"mission_id": (Mission, "id", "title")})
    registry.add_demo_loader(30, "missions", load_missions)
    registry.provide("partnership.missions", pages.partnership_missions)
    registry.provide("city.missions", pages.city_missions)
