"""After an event: its minutes, attachments and action items, and the open action items.

:func:`panel_helpers` gives the event page its follow-up section.
"""

from __future__ import annotations

from typing import Any

from flask import (
    abort,
    current_app,
    flash,
    g,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import format_decimal
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import or_, select
from sqlalchemy.orm import joinedload
from werkzeug.wrappers import Response as BaseResponse

from accounts.permissions import require
from actionplans.models import Activity
from core.choices import select_choices
from core.errors import HelixError
from core.extensions import db
from core.form_helpers import NONE_CHOICE
from core.i18n import localized
from core.once import claim
from events.models import Event
from events.queries import visible_events
from followup.filetypes import KINDS, content_disposition
from followup.forms import ACTION_STATUSES, ActionItemForm, AttachmentForm, MinutesForm
from followup.models import OPEN_STATUSES, ActionItem, Attachment, EventMinutes
from followup.services import (
    MEGABYTE,
    add_attachment,
    delete_attachment,
    save_action_item,
    save_minutes,
    size_label,
    stored_path,
)

UPLOAD_OVERHEAD = 1024 * 1024
"""Bytes a multipart request may carry beyond the file limit (field names, boundaries); a
larger request is refused before it is read (413)."""
LIST_LIMIT = 500


def load_event(event_id: int, **_: Any) -> Event | None:
    """The event named in the URL."""
    return db.session.get(Event, event_id)


def _visible(event_id: int) -> bool:
    """Whether the current user may see the event (the event page's rule)."""
    return db.session.scalar(visible_events(current_user).where(Event.id == event_id)
                             .with_only_columns(Event.id)) is not None


def load_attachment(attachment_id: int, **_: Any) -> Attachment | None:
    """The attachment named in the URL, when its event is one the user may see."""
    attachment = db.session.get(Attachment, attachment_id)
    return attachment if attachment is not None and _visible(attachment.event_id) else None


def load_action_item(item_id: int, **_: Any) -> ActionItem | None:
    """The action item named in the URL."""
    return db.session.get(ActionItem, item_id)


def _field_error(form: Any, error: HelixError, default: str) -> None:
    """Show a refused write next to its field (``default`` when it names none)."""
    field = getattr(form, error.field or default, None) or getattr(form, default)
    field.errors = [*field.errors, str(error)]


def _panel(event_id: int) -> str:
    """The event page's follow-up panel (where minutes, files and action items show)."""
    return url_for("events.detail", event_id=event_id, _anchor="event-followup")


def _back(event_id: int) -> BaseResponse:
    return redirect(_panel(event_id))


@require("followup.edit", load=load_event)
def minutes(event_id: int) -> str | BaseResponse:
    """Write the event's minutes in English and Chinese."""
    event: Event = g.target
    form = MinutesForm(obj=db.session.get(EventMinutes, event.id))
    if form.validate_on_submit():
        try:
            save_minutes(current_user, event, form.data)
        except HelixError as error:
            _field_error(form, error, "minutes_en")
        else:
            flash(_("Minutes saved."), "success")
            return _back(event.id)
    return render_template("followup/minutes.html", form=form, event=event)


@require("followup.upload", load=load_event)
def upload(event_id: int) -> str | BaseResponse:
    """Attach a file (agenda, slides, MoU draft) to the event."""
    event: Event = g.target
    limit = int(current_app.config["ATTACHMENT_MAX_BYTES"])
    request.max_content_length = limit + UPLOAD_OVERHEAD
    form = AttachmentForm()
    if (earlier := claim(form, Attachment, lambda made: _panel(made.event_id))) is not None:
        return earlier
    if form.validate_on_submit():
        upload_file = form.file.data
        try:
            add_attachment(current_user, event, upload_file.filename or "", upload_file.stream,
                           current_app.config["ATTACHMENTS_DIR"], limit)
        except HelixError as error:
            _field_error(form, error, "file")
        else:
            flash(_("File attached."), "success")
            return _back(event.id)
        finally:
            upload_file.close()  # a large upload is spooled to a temporary file
    return render_template("followup/upload.html", form=form, event=event,
                           limit_mb=size_label(limit))


@require("followup.download", load=load_attachment)
def download(attachment_id: int) -> BaseResponse:
    """Serve an attachment to those who may see its event, never inline-sniffed."""
    attachment: Attachment = g.target
    path = stored_path(current_app.config["ATTACHMENTS_DIR"], attachment)
    kind = KINDS.get(attachment.kind)
    if path is None or kind is None or not path.is_file():
        abort(404)
    # Read whole (at most the upload limit): no file handle outlives the request.
    response = current_app.response_class(path.read_bytes(), mimetype=kind.mimetype)
    response.headers["Content-Disposition"] = content_disposition(attachment.filename)
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Cache-Control"] = "private, no-store"
    return response


@require("followup.delete", load=load_attachment)
def remove_attachment(attachment_id: int) -> BaseResponse:
    """Delete an attachment (its name stays in the audit log)."""
    attachment: Attachment = g.target
    event_id = attachment.event_id
    try:
        delete_attachment(current_user, attachment, current_app.config["ATTACHMENTS_DIR"])
    except HelixError as error:
        flash(str(error), "danger")
    else:
        flash(_("File deleted."), "success")
    return _back(event_id)


def _action_form(event: Event, item: ActionItem | None) -> ActionItemForm:
    """The action item form, its owners the event's invitees and its activities those of
    the event's partnership or linked to the event."""
    form = ActionItemForm(obj=item)
    people = {inv.participant for inv in event.invitations}
    if item is not None and item.owner_participant is not None:
        people.add(item.owner_participant)
    form.owner_participant_id.choices = select_choices([NONE_CHOICE] + [
        (p.id, p.name) for p in sorted(people, key=lambda p: (p.name.casefold(), p.id))])
    partnership_id = event.partnership_id or (event.mission.partnership_id
                                              if event.mission else None)
    activities = db.session.scalars(select(Activity).where(or_(
        Activity.partnership_id == partnership_id, Activity.events.any(id=event.id),
        Activity.id == (item.activity_id if item else None))).order_by(Activity.id))
    form.activity_id.choices = select_choices([NONE_CHOICE] + [
        (a.id, localized(a, "title")[0]) for a in activities])
    return form


def _save_action(event: Event, item: ActionItem | None) -> str | BaseResponse:
    form = _action_form(event, item)
    earlier = None if item else claim(form, ActionItem, lambda made: _panel(made.event_id))
    if earlier is not None:
        return earlier
    if form.validate_on_submit():
        try:
            save_action_item(current_user, event, item, form.data)
        except HelixError as error:
            _field_error(form, error, "title")
        else:
            flash(_("Action item saved."), "success")
            return _back(event.id)
    return render_template("followup/action_form.html", form=form, event=event, item=item)


@require("followup.create", load=load_event)
def new_action(event_id: int) -> str | BaseResponse:
    """Record an action item agreed at the event."""
    return _save_action(g.target, None)


@require("followup.edit", load=load_action_item)
def edit_action(item_id: int) -> str | BaseResponse:
    """Change an action item: its owner, due date or status."""
    item: ActionItem = g.target
    return _save_action(item.event, item)


@require("followup.list")
def actions() -> str:
    """Action items of the events the user may see: open and in progress ones by default,
    ``?status=`` one status or ``all``; soonest due first."""
    status = request.args.get("status", "")
    query = (select(ActionItem).join(ActionItem.event)
             .where(ActionItem.event_id.in_(visible_events(current_user)
                                            .with_only_columns(Event.id)))
             .options(joinedload(ActionItem.event), joinedload(ActionItem.owner_participant),
                      joinedload(ActionItem.activity)))
    if status in ACTION_STATUSES:
        query = query.where(ActionItem.status == status)
    elif status != "all":
        status = ""
        query = query.where(ActionItem.status.in_(OPEN_STATUSES))
    items = db.session.scalars(query.order_by(ActionItem.due_on.asc().nulls_last(),
                                              Event.starts_at, ActionItem.id)
                               .limit(LIST_LIMIT)).all()
    return render_template("followup/actions.html", items=items, status=status,
                           statuses=ACTION_STATUSES)


def event_followup(event: Event) -> dict[str, Any]:
    """The event's minutes, attachments and action items, for its page."""
    return {
        "minutes": db.session.get(EventMinutes, event.id),
        "attachments": db.session.scalars(select(Attachment).where(
            Attachment.event_id == event.id).order_by(Attachment.uploaded_at,
                                                      Attachment.id)).all(),
        "actions": db.session.scalars(select(ActionItem).where(ActionItem.event_id == event.id)
                                      .options(joinedload(ActionItem.owner_participant),
                                               joinedload(ActionItem.activity))
                                      .order_by(ActionItem.due_on.asc().nulls_last(),
                                                ActionItem.id)).all(),
    }


def attachment_size(size: int) -> str:
    """A file's size for people: kilobytes below one megabyte, else megabytes."""
    if size < MEGABYTE:
        return _("%(size)s KB", size=format_decimal(max(1, round(size / 1024))))
    return _("%(size)s MB", size=size_label(size))


def panel_helpers() -> dict[str, Any]:
    """Template helpers for other areas' pages (the event page's follow-up)."""
    return {"event_followup": event_followup, "attachment_size": attachment_size,
            "action_status_label": lambda value: ACTION_STATUSES.get(value, value)}
