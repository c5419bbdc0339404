"""Every URL of the indicators: ``/indicators/`` and ``/partnerships/<id>/indicators``."""

from flask import Blueprint, Flask

from core.registry import registry_of
from indicators import views

bp = Blueprint("indicators", __name__)

ROUTES = [
    ("/indicators/", views.index, ["GET"]),
    ("/partnerships/<int:partnership_id>/indicators", views.partnership, ["GET"]),
    ("/partnerships/<int:partnership_id>/indicators/record", views.record, ["POST"]),
]
for rule, view, methods in ROUTES:
    bp.add_url_rule(rule, view_func=view, methods=methods)


def init_app(app: Flask) -> None:
    """Register the blueprint and the indicators shown on the partnership page."""
    app.register_blueprint(bp)
    registry_of(app).provide("partnership.indicators", views.partnership_summary)
