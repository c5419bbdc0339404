"""Every URL of the organisations area (under ``/participants/organisations``)."""

from flask import Blueprint, Flask

from core.registry import registry_of
from organisations import views
from organisations.demo import load_organisations

bp = Blueprint("organisations", __name__, url_prefix="/participants/organisations")

bp.add_url_rule("/", view_func=views.index)
bp.add_url_rule("/search", view_func=views.search)
bp.add_url_rule("/<int:organisation_id>", view_func=views.detail)
bp.add_url_rule("/new", view_func=views.create, methods=["GET", "POST"])
bp.add_url_rule("/<int:organisation_id>/edit", view_func=views.edit, methods=["GET", "POST"])
bp.add_url_rule("/<int:organisation_id>/delete", view_func=views.remove, methods=["POST"])


def init_app(app: Flask) -> None:
    """Register the blueprint and its contributions."""
    app.register_blueprint(bp)
    registry_of(app).add_demo_loader(15, "organisations", load_organisations)
