"""Participant pages (organisers only: participant data is private)."""

from flask import Blueprint, render_template
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from accounts.permissions import require
from core.extensions import db
from participants.models import Participant

bp = Blueprint("participants", __name__, url_prefix="/participants")


@bp.route("/")
@require("participants.view")
def index() -> str:
    """Every participant with organisation and helix role."""
    rows = db.session.scalars(
        select(Participant).options(joinedload(Participant.organisation),
                                    joinedload(Participant.city))
        .order_by(Participant.name)).all()
    return render_template("participants/index.html", participants=rows)
