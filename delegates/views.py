"""My schedule: the signed-in delegate's invitations and delegations, and answering them."""

from __future__ import annotations

from flask import flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.wrappers import Response

from accounts.permissions import require
from core.extensions import db
from delegates.services import ANSWERS, answer, can_answer, delegations_of, invitations_of
from invitations.models import Invitation


@require("schedule.view")
def schedule() -> str:
    """My schedule: the linked participant's invitations and delegations."""
    participant = current_user.participant
    invitations = invitations_of(participant.id) if participant else []
    delegations = delegations_of(participant.id) if participant else []
    return render_template(
        "delegates/schedule.html", participant=participant, invitations=invitations,
        delegations=delegations, answers=ANSWERS, can_answer=can_answer,
    )


def _load_invitation(invitation_id: int) -> Invitation | None:
    return db.session.get(Invitation, invitation_id)


@require("invitations.respond", load=_load_invitation)
def respond(invitation_id: int) -> Response:
    """Accept, tentatively accept or decline one's own invitation."""
    if answer(current_user._get_current_object(), g.target, request.form.get("status", "")):
        flash(_("Your answer was saved."), "success")
    else:
        flash(_("This invitation can no longer be answered."), "warning")
    return redirect(url_for("delegates.schedule"))
