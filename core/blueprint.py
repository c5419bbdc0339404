"""The core blueprint: the home page; the shared Jinja filters and globals."""

from flask import Blueprint, Flask

from core import compression, converters, error_pages, nul_guard, templating
from core.views import home

bp = Blueprint("core", __name__)

ROUTES = [
    ("/", home, ["GET"]),
]
for rule, view, methods in ROUTES:
    bp.add_url_rule(rule, view_func=view, methods=methods)


def init_app(app: Flask) -> None:
    """Register the blueprint, the templates' shared helpers, the error pages, the id and
    NUL guards and response compression (registered first, so its ``after_request`` runs
    after every other one)."""
    compression.init_app(app)
    converters.register(app)
    nul_guard.register(app)
    app.register_blueprint(bp)
    templating.register(app)
    error_pages.register(app)
