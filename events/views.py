"""Event pages."""

from flask import Blueprint, abort, render_template
from flask_login import current_user
from sqlalchemy.orm import joinedload

from core.extensions import db
from events.models import Event
from events.queries import visible_events

bp = Blueprint("events", __name__, url_prefix="/events")


@bp.route("/")
def index() -> str:
    """All events the viewer may see, newest first."""
    events = db.session.scalars(
        visible_events(current_user).options(joinedload(Event.city))
        .order_by(Event.starts_at.desc())).all()
    return render_template("events/index.html", events=events)


@bp.route("/<int:event_id>")
def detail(event_id: int) -> str:
    """One event, with its times in the venue's zone and the viewer's."""
    event = db.session.scalar(visible_events(current_user).where(Event.id == event_id)
                              .options(joinedload(Event.city), joinedload(Event.theme),
                                       joinedload(Event.mission)))
    if event is None:
        abort(404)
    return render_template("events/detail.html", event=event)
