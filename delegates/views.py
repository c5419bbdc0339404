"""My schedule: the signed-in delegate's invitations and delegations, and answering them."""

from __future__ import annotations

from flask import flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from werkzeug.wrappers import Response

from accounts.permissions import require
from core.extensions import db
from core.types import utcnow
from delegates.agenda import split_agenda
from delegates.services import answer, can_answer, delegations_of, invitations_of
from followup.queries import actions_owned_by
from invitations.models import Invitation

ANSWER_ACTIONS = {
    "accepted": _l("Accept"),
    "tentative": _l("Tentative"),
    "declined": _l("Decline"),
}
"""The answer buttons (one per :data:`delegates.services.ANSWERS`), as actions; the
statuses they set are labelled by ``invitation_status_label``."""


def anchor(invitation_id: int) -> str:
    """The HTML id of an invitation on the page (``invitation-<id>``)."""
    return f"invitation-{invitation_id}"


@require("schedule.view")
def schedule() -> str:
    """My schedule: invitations awaiting an answer, upcoming, past; the action items I own;
    then delegations."""
    participant = current_user.participant
    invitations = invitations_of(participant.id) if participant else []
    delegations = delegations_of(participant.id) if participant else []
    return render_template(
        "delegates/schedule.html", participant=participant,
        agenda=split_agenda(invitations, utcnow()), delegations=delegations,
        actions=actions_owned_by(participant.id) if participant else [],
        answers=ANSWER_ACTIONS, can_answer=can_answer, anchor=anchor,
    )


def _load_invitation(invitation_id: int) -> Invitation | None:
    return db.session.get(Invitation, invitation_id)


@require("invitations.respond", load=_load_invitation)
def respond(invitation_id: int) -> Response:
    """Accept, tentatively accept or decline one's own invitation; back to the same place
    on the page (the invitation's anchor), where it now shows in its new part."""
    if answer(current_user._get_current_object(), g.target, request.form.get("status", "")):
        flash(_("Your answer was saved."), "success")
    else:
        flash(_("This invitation can no longer be answered."), "warning")
    return redirect(url_for("delegates.schedule", _anchor=anchor(invitation_id)))
