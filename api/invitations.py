"""Invitation endpoints of the API: an invitee answers, as on "My schedule"."""

from __future__ import annotations

from typing import Any

from flask import g
from flask_babel import gettext as _
from flask_login import current_user
from flask_smorest import Blueprint, abort

from accounts.permissions import can
from api.auth import authenticate, guard
from api.problems import PROBLEM_TYPE, answer_with_problems
from api.schemas import AnswerSchema, InvitationSchema, ProblemSchema
from core.extensions import db
from delegates.services import answer
from invitations.models import Invitation

bp = Blueprint("api_invitations", __name__, url_prefix="/invitations",
               description="Invitations: answering one's own")
answer_with_problems(bp)
bp.before_request(authenticate)


def load_visible_invitation(invitation_id: int) -> Invitation | None:
    """The invitation of the URL if the caller may see it (someone else's is a 404 to a
    delegate)."""
    invitation = db.session.get(Invitation, invitation_id)
    return invitation if invitation and can(current_user, "invitations.view", invitation) else None


@bp.route("/<int:invitation_id>/answer", methods=["POST"], endpoint="InvitationAnswer")
@guard("invitations.respond", load=load_visible_invitation)
@bp.arguments(AnswerSchema)
@bp.response(200, InvitationSchema)
@bp.alt_response(409, schema=ProblemSchema, content_type=PROBLEM_TYPE,
                 description="Cancelled or already recorded")
def answer_invitation(data: dict[str, Any], invitation_id: int) -> Invitation:
    """Accept, tentatively accept or decline the invitation (the same rules as the page)."""
    if not answer(current_user._get_current_object(), g.target, data["status"]):
        abort(409, message=_("This invitation can no longer be answered."))
    return g.target
