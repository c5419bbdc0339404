"""The outbox blueprint: every URL rule of the package, in one list; the worker command,
its settings and the ``event_mail`` template helper."""

from typing import Any

from flask import Blueprint, Flask

from accounts.permissions import require
from core.extensions import db
from core.registry import registry_of
from events.models import Event
from outbox import queue, views

bp = Blueprint("outbox", __name__)


def load_event(event_id: int, **_: Any) -> Event | None:
    """The event named in the URL."""
    return db.session.get(Event, event_id)


bp.add_url_rule("/events/<int:event_id>/mail/<int:message_id>/retry", "retry",
                require("invitations.edit", load=load_event)(views.retry),
                methods=["POST"])
bp.app_context_processor(views.event_mail_helpers)


def init_app(app: Flask) -> None:
    """Register the blueprint, read the worker's settings, add ``flask helix worker``."""
    app.register_blueprint(bp)
    queue.init_app(app)
    registry_of(app).add_command(queue.worker)
