"""The delegates blueprint: the delegate's own schedule under ``/account/``."""

from flask import Blueprint, Flask

from delegates.views import respond, schedule

bp = Blueprint("delegates", __name__)

ROUTES = [
    ("/account/schedule", schedule, ["GET"]),
    ("/account/invitations/<int:invitation_id>/answer", respond, ["POST"]),
]
for rule, view, methods in ROUTES:
    bp.add_url_rule(rule, view_func=view, methods=methods)


def init_app(app: Flask) -> None:
    """Register the blueprint."""
    app.register_blueprint(bp)
