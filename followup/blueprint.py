"""Every URL of an event's follow-up (under ``/followup``), and its page helpers."""

from flask import Blueprint, Flask
from flask_babel import lazy_gettext as _l

from core.registry import registry_of
from followup import views
from followup.forms import ACTION_STATUSES
from followup.queries import partnership_actions

bp = Blueprint("followup", __name__, url_prefix="/followup")
bp.app_context_processor(views.panel_helpers)

ROUTES = [
    ("/actions", views.actions, ["GET"]),
    ("/events/<int:event_id>/minutes", views.minutes, ["GET", "POST"]),
    ("/events/<int:event_id>/attachments/new", views.upload, ["GET", "POST"]),
    ("/events/<int:event_id>/actions/new", views.new_action, ["GET", "POST"]),
    ("/attachments/<int:attachment_id>", views.download, ["GET"]),
    ("/attachments/<int:attachment_id>/delete", views.remove_attachment, ["POST"]),
    ("/actions/<int:item_id>/edit", views.edit_action, ["GET", "POST"]),
]
for rule, view, methods in ROUTES:
    bp.add_url_rule(rule, view_func=view, methods=methods)


def init_app(app: Flask) -> None:
    """Register the blueprint, the action items shown on the partnership page and the
    audit labels of the follow-up fields."""
    app.register_blueprint(bp)
    registry = registry_of(app)
    registry.provide("partnership.actions", partnership_actions)
    registry.add_field_labels({
        "minutes_en": _l("Minutes (English)"), "minutes_zh": _l("Minutes (Chinese)"),
        "filename": _l("File name"), "size": _l("Size (bytes)"),
        "owner_name": _l("Owner (other)"), "owner_participant_id": _l("Owner (participant)"),
        "due_on": _l("Due on"), "activity_id": _l("Action plan activity")})
    registry.add_value_labels("status", ACTION_STATUSES)
