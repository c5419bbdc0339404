"""Every URL of the invitations area (under ``/participants``), and its page helpers."""

from flask import Blueprint, Flask

from invitations import contributions, views

bp = Blueprint("invitations", __name__, url_prefix="/participants")
bp.app_context_processor(views.panel_helpers)

bp.add_url_rule("/invite", view_func=views.invite_people, methods=["GET", "POST"])
bp.add_url_rule("/invite/search/<kind>", view_func=views.search)
bp.add_url_rule("/events/<int:event_id>/invitations", view_func=views.for_event)
bp.add_url_rule("/events/<int:event_id>/attendance.csv", view_func=views.attendance)
bp.add_url_rule("/events/<int:event_id>/attendance/import", view_func=views.import_attendance,
                methods=["GET", "POST"])
bp.add_url_rule("/events/<int:event_id>/attendance/import/confirm",
                view_func=views.confirm_attendance, methods=["POST"])
bp.add_url_rule("/invitations/<int:invitation_id>/status", view_func=views.change_status,
                methods=["POST"])
bp.add_url_rule("/invitations/<int:invitation_id>/delete",
                view_func=views.withdraw_invitation, methods=["POST"])


def init_app(app: Flask) -> None:
    """Register the blueprint and its contributions."""
    app.register_blueprint(bp)
    contributions.init_app(app)
