"""Every URL of the participants area (under ``/participants``)."""

from flask import Blueprint, Flask

from participants import contributions, views

bp = Blueprint("participants", __name__, url_prefix="/participants")

bp.add_url_rule("/", view_func=views.index)
bp.add_url_rule("/export.csv", view_func=views.export)
bp.add_url_rule("/<int:participant_id>", view_func=views.detail)
bp.add_url_rule("/new", view_func=views.create, methods=["GET", "POST"])
bp.add_url_rule("/<int:participant_id>/edit", view_func=views.edit, methods=["GET", "POST"])
bp.add_url_rule("/<int:participant_id>/delete", view_func=views.delete, methods=["POST"])
bp.add_url_rule("/key-contacts", view_func=views.contacts)
bp.add_url_rule("/import", view_func=views.import_upload, methods=["GET", "POST"])
bp.add_url_rule("/import/confirm", view_func=views.import_confirm, methods=["POST"])


def init_app(app: Flask) -> None:
    """Register the blueprint and its contributions."""
    app.register_blueprint(bp)
    contributions.init_app(app)
