"""Mission pages."""

from flask import Blueprint, abort, render_template
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from core.extensions import db
from events.models import Event
from missions.models import DelegationMember, Mission

bp = Blueprint("missions", __name__, url_prefix="/missions")


@bp.route("/")
def index() -> str:
    """All missions, newest first."""
    missions = db.session.scalars(
        select(Mission).options(selectinload(Mission.cities))
        .order_by(Mission.start_date.desc())).all()
    return render_template("missions/index.html", missions=missions)


@bp.route("/<int:mission_id>")
def detail(mission_id: int) -> str:
    """One mission with its events and delegation."""
    mission = db.session.scalar(
        select(Mission).where(Mission.id == mission_id).options(
            selectinload(Mission.cities),
            selectinload(Mission.members).joinedload(DelegationMember.participant)))
    if mission is None:
        abort(404)
    events = db.session.scalars(
        select(Event).where(Event.mission_id == mission.id).order_by(Event.starts_at)).all()
    return render_template("missions/detail.html", mission=mission, events=events)
