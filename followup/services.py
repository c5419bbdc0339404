"""Writing an event's follow-up (the only place that commits it), audited: minutes,
attachments stored on disk under random names, and action items."""

from __future__ import annotations

import re
import secrets
from collections.abc import Mapping
from pathlib import Path
from typing import IO, Any

from flask_babel import format_decimal
from flask_babel import gettext as _
from sqlalchemy import select

from actionplans.models import Activity
from audit.services import record, tracking
from core.errors import HelixError
from core.extensions import db
from events.models import Event
from followup.filetypes import KINDS, clean_filename, sniff
from followup.models import ActionItem, ActionStatus, Attachment, EventMinutes
from organisations.services import commit_or_fail
from participants.models import Participant

MEGABYTE = 1024 * 1024
STORED_NAME = re.compile(r"[0-9a-f]{32}\.([a-z]{3,4})")
"""The shape of every stored file name: 32 random hex digits and an extension."""
EXTENSIONS = frozenset(kind.extension for kind in KINDS.values())


class FollowupError(HelixError):
    """A refused follow-up write; ``field`` names the form field it concerns."""


def _text(value: Any) -> str | None:
    """Stripped text, ``None`` when empty."""
    return (value or "").strip() or None


def save_minutes(actor: Any, event: Event, data: Mapping[str, Any]) -> EventMinutes:
    """Create or update the English and Chinese minutes of ``event``."""
    minutes = db.session.get(EventMinutes, event.id)
    created = minutes is None
    if minutes is None:
        minutes = EventMinutes(event_id=event.id)
        db.session.add(minutes)
    with tracking(actor, minutes, "created" if created else "changed"):
        minutes.minutes_en = _text(data.get("minutes_en"))
        minutes.minutes_zh = _text(data.get("minutes_zh"))
    commit_or_fail(FollowupError(_("The minutes could not be saved.")))
    return minutes


def size_label(size: int) -> str:
    """A size in megabytes for messages, in the reader's number format (``10``, ``2.5``)."""
    return str(format_decimal(round(size / MEGABYTE, 1)))


def stored_path(directory: str | Path, attachment: Attachment) -> Path | None:
    """Where ``attachment``'s bytes lie in ``directory``; ``None`` for a stored name that is
    not one Helix makes (so no value from the database can point outside the folder)."""
    match = STORED_NAME.fullmatch(attachment.stored_name or "")
    if match is None or match.group(1) not in EXTENSIONS:
        return None
    return Path(directory) / attachment.stored_name


def add_attachment(actor: Any, event: Event, filename: str, stream: IO[bytes],
                   directory: str | Path, limit: int) -> Attachment:
    """Store an uploaded file of ``event`` (at most ``limit`` bytes, of an accepted kind
    judged by its bytes) under a random name in ``directory``; keep its clean name."""
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise FollowupError(_("The file is too large: at most %(size)s MB."), field="file",
                            size=size_label(limit))
    kind = sniff(data)
    if kind is None:
        raise FollowupError(_("This kind of file is not accepted: upload a PDF, a Word, Excel "
                              "or PowerPoint document, a PNG or JPEG image or plain text."),
                            field="file")
    folder = Path(directory)
    folder.mkdir(parents=True, exist_ok=True)
    stored_name = f"{secrets.token_hex(16)}.{kind.extension}"
    path = folder / stored_name
    path.write_bytes(data)
    attachment = Attachment(event_id=event.id, filename=clean_filename(filename or "", kind),
                            stored_name=stored_name, kind=kind.name, size=len(data))
    db.session.add(attachment)
    record(actor, "created", attachment)
    try:
        commit_or_fail(FollowupError(_("The file could not be saved."), field="file"))
    except FollowupError:
        path.unlink(missing_ok=True)
        raise
    return attachment


def delete_attachment(actor: Any, attachment: Attachment, directory: str | Path) -> None:
    """Delete an attachment (the log keeps its name, kind and size), then its file."""
    path = stored_path(directory, attachment)
    record(actor, "deleted", attachment, {
        "filename": (attachment.filename, None), "kind": (attachment.kind, None),
        "size": (attachment.size, None)})
    db.session.delete(attachment)
    commit_or_fail(FollowupError(_("The file could not be deleted.")))
    if path is not None:
        path.unlink(missing_ok=True)


def _known(model: Any, row_id: int | None, field: str) -> int | None:
    """``row_id`` when such a row exists (or none was given); else a field error."""
    if row_id is None:
        return None
    if db.session.scalar(select(model.id).where(model.id == row_id)) is None:
        raise FollowupError(_("Choose one of the options in the list."), field=field)
    return row_id


def save_action_item(actor: Any, event: Event, item: ActionItem | None,
                     data: Mapping[str, Any]) -> ActionItem:
    """Create (``item`` is None) or update an action item of ``event``."""
    title = _text(data.get("title"))
    if title is None:
        raise FollowupError(_("Enter a title."), field="title")
    if data.get("status") not in {status.value for status in ActionStatus}:
        raise FollowupError(_("Choose one of the options in the list."), field="status")
    participant_id = _known(Participant, data.get("owner_participant_id"),
                            "owner_participant_id")
    activity_id = _known(Activity, data.get("activity_id"), "activity_id")
    created = item is None
    if item is None:
        item = ActionItem(event_id=event.id)
        db.session.add(item)
    with tracking(actor, item, "created" if created else "changed"):
        item.title = title
        item.owner_name = _text(data.get("owner_name"))
        item.owner_participant_id = participant_id
        item.due_on = data.get("due_on")
        item.status = data["status"]
        item.activity_id = activity_id
    commit_or_fail(FollowupError(_("The action item could not be saved.")))
    return item
