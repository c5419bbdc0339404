"""The outbox's one page action: retry an e-mail now (from the event page)."""

from __future__ import annotations

from typing import Any

from flask import abort, flash, g, redirect, url_for
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.wrappers import Response

from accounts.permissions import can
from core.extensions import db
from outbox.models import OutboxMessage
from outbox.services import NotRetryable, retry_now, troubled


def retry(event_id: int, message_id: int) -> Response:
    """POST (CSRF-checked by the app's CSRFProtect): queue one failed or waiting e-mail
    of the event again."""
    row = db.session.get(OutboxMessage, message_id)
    if row is None or row.event_id != g.target.id:
        abort(404)
    try:
        retry_now(row, current_user)
    except NotRetryable as error:
        flash(str(error), "warning")
    else:
        flash(_("The e-mail to %(recipient)s is queued again.", recipient=row.recipient),
              "success")
    return redirect(url_for("events.detail", event_id=event_id) + "#event-mail")


def event_mail_helpers() -> dict[str, Any]:
    """``event_mail(event)``: the troubled e-mails of an event, for those who may retry."""

    def event_mail(event: Any) -> list[OutboxMessage] | None:
        if not can(current_user, "invitations.edit", event):
            return None
        return troubled(event.id)

    return {"event_mail": event_mail}
