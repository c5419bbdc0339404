"""Every URL of the action plans (under ``/partnerships/<id>/plan``)."""

from flask import Blueprint, Flask

from actionplans import views
from actionplans.demo import load_plans
from core.registry import registry_of

bp = Blueprint("actionplans", __name__, url_prefix="/partnerships/<int:partnership_id>/plan")

ROUTES = [
    ("", views.plan, ["GET"]),
    ("/print", views.printable, ["GET"]),
    ("/plan.csv", views.export, ["GET"]),
    ("/new", views.create, ["GET", "POST"]),
    ("/<int:activity_id>/edit", views.edit, ["GET", "POST"]),
    ("/<int:activity_id>/drop", views.drop, ["POST"]),
]
for rule, view, methods in ROUTES:
    bp.add_url_rule(rule, view_func=view, methods=methods)


def init_app(app: Flask) -> None:
    """Register the blueprint, the plan shown on the partnership page and the demo's
    action plans."""
    app.register_blueprint(bp)
    registry = registry_of(app)
    registry.provide("partnership.plan", views.plan_summary)
    registry.add_demo_loader(70, "actionplans", load_plans)
