"""Importing a webinar attendance report into an event's invitations: preview, then apply.

:func:`preview_report` parses the report (:mod:`invitations.attendance_import`) and matches its
rows to the event's invitees in two queries, whatever the number of rows. The uploaded file
travels back with the confirmation compressed and signed with the app's secret for this
event (:func:`sign`); :func:`apply_report` checks the signature, parses and matches the file again
and marks the matched invitees attended in one audited transaction. Applying the same file
twice changes nothing the second time.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from flask import current_app
from itsdangerous import BadSignature, Signer

from audit.services import record
from core.extensions import db
from events.models import Event
from invitations.attendance_import import (
    Attendee,
    Candidate,
    Miss,
    match,
    parse_report,
)
from invitations.models import Invitation, InvitationStatus
from invitations.queries import event_invitations
from invitations.services import ensure_started
from participants.csv_common import RowError
from participants.csv_preview import UploadLost, pack, unpack

SALT = "helix.attendance-import"
ATTENDED = InvitationStatus.ATTENDED.value
NO_SHOW = InvitationStatus.NO_SHOW.value


@dataclass
class Row:
    """One person of the report and the invitation found for them (or why not)."""

    attendee: Attendee
    invitation: Invitation | None = None
    miss: Miss | None = None


@dataclass
class Preview:
    """What importing a report would do to an event's invitations."""

    platform: str = "unknown"
    file_errors: list[RowError] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    absent: list[Invitation] = field(default_factory=list)

    @property
    def matched(self) -> list[Row]:
        """Rows that found their invitee."""
        return [row for row in self.rows if row.invitation is not None]

    @property
    def unmatched(self) -> list[Row]:
        """Rows with errors or without (exactly one) invitee."""
        return [row for row in self.rows if row.invitation is None]

    def minutes(self) -> dict[Invitation, int | None]:
        """Minutes per matched invitation (summed when several rows name one person)."""
        found: dict[Invitation, int | None] = {}
        for row in self.rows:
            if row.invitation is None:
                continue
            known = found.get(row.invitation)
            found[row.invitation] = known if row.attendee.minutes is None \
                else (known or 0) + row.attendee.minutes
        return found


@dataclass(frozen=True)
class Applied:
    """What an import did: invitations marked attended and no-show, rows not matched, and
    how many invitations actually changed (none when the report was imported before)."""

    attended: int
    no_show: int
    not_matched: int
    changed: int


def _candidates(invitations: list[Invitation]) -> list[Candidate]:
    return [Candidate(i.id, i.participant.email or "",
                      tuple(n for n in (i.participant.name, i.participant.name_zh) if n))
            for i in invitations]


def preview_report(event: Event, data: bytes) -> Preview:
    """Parse ``data`` and match its rows to ``event``'s invitees (nothing is written)."""
    report = parse_report(data)
    if report.errors:
        return Preview(report.platform, file_errors=report.errors)
    invitations = event_invitations(event.id)
    by_id = {i.id: i for i in invitations}
    found = match(report.attendees, _candidates(invitations))
    rows = [Row(a, by_id.get(found[a.line].invitation_id or 0), found[a.line].miss)
            for a in report.attendees]
    matched = {row.invitation.id for row in rows if row.invitation is not None}
    absent = [i for i in invitations
              if i.status == InvitationStatus.ACCEPTED.value and i.id not in matched]
    return Preview(report.platform, rows=rows, absent=absent)


def _signer(event: Event) -> Signer:
    return Signer(current_app.secret_key or "", salt=f"{SALT}:{event.id}")


def sign(event: Event, data: bytes) -> str:
    """The file, compressed and signed for ``event``, for a hidden form field."""
    return _signer(event).sign(pack(data)).decode("ascii")


def unsign(event: Event, payload: str) -> bytes:
    """The file of a payload :func:`sign` made for ``event`` (:class:`UploadLost` if the
    payload was changed, made for another event or damaged)."""
    try:
        packed = _signer(event).unsign(payload.encode("ascii"))
    except (BadSignature, UnicodeEncodeError):
        raise UploadLost() from None
    return unpack(packed.decode("ascii"))


def _mark(actor: Any, invitation: Invitation, status: str, minutes: int | None) -> bool:
    """Set status and minutes, audited; whether anything changed."""
    changes = {name: (getattr(invitation, name), value)
               for name, value in (("status", status), ("attended_minutes", minutes))
               if getattr(invitation, name) != value}
    if not changes:
        return False
    invitation.status = status
    invitation.attended_minutes = minutes
    record(actor, "changed", invitation, changes)
    return True


def apply_report(actor: Any, event: Event, payload: str, mark_no_show: bool) -> Applied:
    """Mark the invitees matched by the signed file attended (with their minutes) and,
    if asked, the other accepted invitees no-show: one transaction, every change audited.

    Raises :class:`~invitations.services.InvitationError` before the event starts and
    :class:`UploadLost` when the payload is not a readable file signed for this event;
    nothing is written then.
    """
    ensure_started(event, field="file")
    result = preview_report(event, unsign(event, payload))
    if result.file_errors:
        raise UploadLost()
    attended = result.minutes()
    absent = result.absent if mark_no_show else []
    changed = sum([*(_mark(actor, invitation, ATTENDED, minutes)
                     for invitation, minutes in attended.items()),
                   *(_mark(actor, invitation, NO_SHOW, None) for invitation in absent)])
    db.session.commit()
    return Applied(len(attended), len(absent), len(result.unmatched), changed)
