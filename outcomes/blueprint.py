"""Every URL of the outcomes area (under ``/participants/outcomes``), and its page helpers."""

from flask import Blueprint

from outcomes import views

bp = Blueprint("outcomes", __name__, url_prefix="/participants/outcomes")
bp.app_context_processor(views.panel_helpers)

bp.add_url_rule("/new", view_func=views.create, methods=["GET", "POST"])
bp.add_url_rule("/<int:outcome_id>/edit", view_func=views.edit, methods=["GET", "POST"])
bp.add_url_rule("/<int:outcome_id>/delete", view_func=views.remove, methods=["POST"])
