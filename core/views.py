"""The home page: upcoming and recent events of the programme."""

from flask import Blueprint, render_template
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from core.extensions import db
from core.types import utcnow
from events.models import Event, EventStatus, Visibility

bp = Blueprint("core", __name__)

HOME_LIMIT = 8


@bp.route("/")
def home() -> str:
    """Upcoming and recent public events, with their cities."""
    now = utcnow()
    public = (select(Event).options(joinedload(Event.city))
              .where(Event.visibility == Visibility.PUBLIC.value,
                     Event.status != EventStatus.CANCELLED.value))
    upcoming = db.session.scalars(
        public.where(Event.starts_at >= now).order_by(Event.starts_at).limit(HOME_LIMIT)).all()
    recent = db.session.scalars(
        public.where(Event.starts_at < now).order_by(Event.starts_at.desc())
        .limit(HOME_LIMIT)).all()
    return render_template("core/home.html", upcoming=upcoming, recent=recent)
