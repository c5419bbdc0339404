"""Every URL of the outcomes area (under ``/participants/outcomes``), and its page helpers."""

from flask import Blueprint, Flask

from core.registry import registry_of
from outcomes import views
from outcomes.demo import load_outcomes
from outcomes.queries import outcomes_for

bp = Blueprint("outcomes", __name__, url_prefix="/participants/outcomes")
bp.app_context_processor(views.panel_helpers)

bp.add_url_rule("/new", view_func=views.create, methods=["GET", "POST"])
bp.add_url_rule("/<int:outcome_id>/edit", view_func=views.edit, methods=["GET", "POST"])
bp.add_url_rule("/<int:outcome_id>/delete", view_func=views.remove, methods=["POST"])


def init_app(app: Flask) -> None:
    """Register the blueprint and its contributions."""
    app.register_blueprint(bp)
    registry = registry_of(app)
    registry.add_demo_loader(60, "outcomes", load_outcomes)
    registry.provide("partnership.outcomes",
                     lambda partnership: outcomes_for(partnership_id=partnership.id))
