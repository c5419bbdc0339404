"""The registrations blueprint: public form, e-mail links, organisers' page; reminders."""

from flask import Blueprint, Flask
from flask_babel import lazy_gettext as _l

from accounts.permissions import require
from accounts.security import limiter
from core.registry import registry_of
from outbox.queue import add_periodic
from registrations import reminders, views
from registrations.demo import load_registration_settings

bp = Blueprint("registrations", __name__)

_public_post = limiter.limit("20 per hour", methods=["POST"])
ROUTES = [
    ("/register/<int:event_id>",
     _public_post(require("registrations.register")(views.register)), ["GET", "POST"]),
    ("/register/confirm/<token>",
     _public_post(require("registrations.register")(views.confirm)), ["GET", "POST"]),
    ("/register/cancel/<token>",
     _public_post(require("registrations.register")(views.cancel)), ["GET", "POST"]),
    ("/events/<int:event_id>/registration",
     require("registrations.edit", load=views.load_event)(views.manage), ["GET", "POST"]),
    ("/events/<int:event_id>/registrations.csv",
     require("registrations.export", load=views.load_event)(views.export), ["GET"]),
    ("/registrations/<int:registration_id>/approve",
     require("registrations.edit", load=views.load_registration)(views.approve), ["POST"]),
]
for rule, view, methods in ROUTES:
    bp.add_url_rule(rule, view_func=view, methods=methods)
bp.app_context_processor(views.panel_helpers)


def init_app(app: Flask) -> None:
    """Register the blueprint and the reminders' periodic task."""
    app.register_blueprint(bp)
    registry = registry_of(app)
    registry.add_field_labels({"registration": _l("Registration")})
    registry.add_demo_loader(50, "registrations", load_registration_settings)
    add_periodic(app, "reminders", reminders.periodic)
