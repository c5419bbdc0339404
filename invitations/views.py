"""Invitation pages: invite people, record answers and attendance, export attendance.

:func:`panel_helpers` gives other areas' pages what they show of invitations: the event
page's counts per status, a participant's schedule and delegations.
"""

from __future__ import annotations

from typing import Any

from flask import (
    Response,
    abort,
    current_app,
    flash,
    g,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext
from flask_login import current_user
from werkzeug.wrappers import Response as BaseResponse

from accounts.permissions import can, ensure, require
from core.choices import select_choices
from core.errors import HelixError
from core.extensions import db
from core.fields import query_id
from core.picker import search_response
from events.models import Event
from invitations.attendance import Applied, Row, apply_report, preview_report, sign
from invitations.attendance_import import Miss
from invitations.forms import (
    AttendanceConfirmForm,
    AttendanceUploadForm,
    InviteForm,
    StatusForm,
)
from invitations.models import Invitation
from invitations.queries import (
    delegations,
    event_invitations,
    schedule,
    status_counts,
    target_matches,
)
from invitations.services import (
    choose_people,
    ensure_started,
    invite,
    set_status,
    target_events,
    withdraw,
)
from organisations.queries import city_choices, organisation_matches
from outbox.enqueue import queued_in_request
from participants.csv_common import MAX_BYTES
from participants.csv_export import attendance_csv, export_row
from participants.csv_messages import describe
from participants.queries import participant_matches


def load_event(event_id: int, **_: Any) -> Event | None:
    """The event named in the URL."""
    return db.session.get(Event, event_id)


def load_invitation(invitation_id: int, **_: Any) -> Invitation | None:
    """The invitation named in the URL."""
    return db.session.get(Invitation, invitation_id)


SEARCHES = {"participants": participant_matches, "targets": target_matches,
            "organisations": organisation_matches}
"""The invite page's picker searches, by the ``kind`` in their URL."""


def _prefill(form: InviteForm) -> None:
    """Pre-select what the link came with: ``?event=``, ``?mission=``, ``?organisation=``…"""
    for kind in ("event", "mission"):
        if query_id(request.args.get(kind)):
            form.target.data = f"{kind}:{request.args[kind]}"
    for argument, field in (("organisation", form.organisation_id), ("city", form.city_id)):
        if query_id(request.args.get(argument)):
            field.data = query_id(request.args.get(argument))
    if request.args.get("role") in {"government", "industry", "academia", "civil_society"}:
        form.helix_role.data = request.args["role"]


@require("invitations.create")
def invite_people() -> str | BaseResponse:
    """Invite people one by one, by organisation, by city or by helix role."""
    form = InviteForm()
    form.city_id.choices = select_choices(city_choices())
    if request.method == "GET":
        _prefill(form)
    if form.validate_on_submit():
        try:
            events = target_events(form.target.data)
            for event in events:
                ensure("invitations.create", event)
            named, grouped = choose_people(form.participant_ids.data or [],
                                           form.organisation_id.data, form.city_id.data,
                                           form.helix_role.data or None)
            result = invite(events, named, grouped)
        except HelixError as error:
            field = getattr(form, error.field or "participant_ids", form.participant_ids)
            field.errors = [*field.errors, str(error)]
        else:
            flash(ngettext("%(num)d invitation created.", "%(num)d invitations created.",
                           result.created), "success")
            queued = queued_in_request()
            if queued:
                flash(ngettext("%(num)d e-mail queued for sending; the event page shows any "
                               "that fail.", "%(num)d e-mails queued for sending; the event "
                               "page shows any that fail.", queued), "info")
            if result.skipped:
                flash(ngettext("%(num)d person was already invited and was skipped.",
                               "%(num)d people were already invited and were skipped.",
                               len(result.skipped)), "info")
            return redirect(url_for("invitations.for_event", event_id=events[0].id))
    return render_template("invitations/invite.html", form=form)


@require("invitations.create")
def search(kind: str) -> Response:
    """The invite page's pickers: participants, events and missions, or organisations
    matching ``?q=`` (JSON, at most :data:`core.picker.SEARCH_LIMIT`)."""
    find = SEARCHES.get(kind)
    if find is None:
        abort(404)
    return search_response(find)


@require("invitations.view", load=load_event)
def for_event(event_id: int) -> str:
    """An event's invitations with their statuses and counts per status."""
    event = g.target
    return render_template("invitations/event.html", event=event,
                           invitations=event_invitations(event.id),
                           counts=status_counts(event.id), form=StatusForm())


@require("invitations.export", load=load_event)
def attendance(event_id: int) -> Response:
    """An event's invitations, their statuses and minutes attended as CSV."""
    event = g.target
    rows = [{**export_row(i.participant), "status": i.status, "minutes": i.attended_minutes}
            for i in event_invitations(event.id)]
    filename = f"attendance-{event.slug or event.id}.csv"
    return Response(attendance_csv(rows), mimetype="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f"attachment; filename={filename}"})


PLATFORMS = {"zoom": "Zoom", "teams": "Microsoft Teams", "tencent": _l("Tencent Meeting"),
             "unknown": _l("Unknown platform")}
"""How the preview names the platform a report comes from."""


def miss_reason(row: Row) -> str:
    """Why a report row matched no invitee, in the reader's language."""
    if row.attendee.errors:
        return " ".join(describe(error) for error in row.attendee.errors)
    if row.miss is Miss.AMBIGUOUS:
        return _("Several invitees have this name; record this person by hand.")
    if row.attendee.email:
        return _("No invitee has the e-mail address %(email)s or this name.",
                 email=row.attendee.email)
    return _("No invitee has this name.")


def _import_summary(done: Applied) -> str:
    """"166 marked attended. 2 rows not matched." in the reader's language."""
    summary = [ngettext("%(num)d marked attended.", "%(num)d marked attended.",
                        done.attended)]
    if done.no_show:
        summary.append(ngettext("%(num)d marked no-show.", "%(num)d marked no-show.",
                                done.no_show))
    if done.not_matched:
        summary.append(ngettext("%(num)d row not matched.", "%(num)d rows not matched.",
                                done.not_matched))
    if not done.changed:
        summary.append(_("Nothing changed: this report had already been recorded."))
    return " ".join(summary)


def _show_import(event: Event, form: AttendanceUploadForm) -> str:
    return render_template("invitations/attendance_import.html", event=event, form=form)


@require("invitations.edit", load=load_event)
def import_attendance(event_id: int) -> str:
    """Upload an attendance report; the answer is a preview, nothing is written yet."""
    event: Event = g.target
    form = AttendanceUploadForm()
    if not form.validate_on_submit():
        return _show_import(event, form)
    data = form.file.data.read(MAX_BYTES + 1)
    try:
        ensure_started(event, field="file")
    except HelixError as error:
        form.file.errors = [str(error)]
        return _show_import(event, form)
    result = preview_report(event, data)
    if result.file_errors:
        form.file.errors = [describe(error) for error in result.file_errors]
        return _show_import(event, form)
    payload = sign(event, data)
    form_limit = current_app.config.get("MAX_FORM_MEMORY_SIZE")
    if form_limit is not None and len(payload) >= form_limit:
        # The confirmation would be refused as too large (413): say so next to the field.
        form.file.errors = [_("This report is too large to confirm in one go; split it into "
                              "smaller files.")]
        return _show_import(event, form)
    confirm = AttendanceConfirmForm(formdata=None, payload=payload)
    return render_template("invitations/attendance_preview.html", event=event,
                           preview=result, confirm=confirm, platforms=PLATFORMS,
                           miss_reason=miss_reason)


@require("invitations.edit", load=load_event)
def confirm_attendance(event_id: int) -> BaseResponse:
    """Mark the previewed report's invitees attended, in one transaction."""
    event: Event = g.target
    form = AttendanceConfirmForm()
    if not form.validate_on_submit():
        flash(_("The uploaded file was lost; please upload it again."), "danger")
        return redirect(url_for("invitations.import_attendance", event_id=event.id))
    try:
        done = apply_report(current_user, event, form.payload.data, form.mark_no_show.data)
    except HelixError as error:
        flash(str(error), "danger")
        return redirect(url_for("invitations.import_attendance", event_id=event.id))
    flash(_import_summary(done), "success")
    return redirect(url_for("invitations.for_event", event_id=event.id))


@require("invitations.edit", load=load_invitation)
def change_status(invitation_id: int) -> BaseResponse:
    """Record an answer or attendance."""
    found: Invitation = g.target
    form = StatusForm()
    if form.validate_on_submit():
        try:
            set_status(current_user, found, form.status.data)
        except HelixError as error:
            flash(str(error), "danger")
        else:
            flash(_("Status saved."), "success")
    else:
        flash(_("Choose one of the options in the list."), "danger")
    return redirect(url_for("invitations.for_event", event_id=found.event_id))


@require("invitations.delete", load=load_invitation)
def withdraw_invitation(invitation_id: int) -> BaseResponse:
    """Withdraw an invitation."""
    found: Invitation = g.target
    event_id = found.event_id
    withdraw(found)
    flash(_("Invitation withdrawn."), "success")
    return redirect(url_for("invitations.for_event", event_id=event_id))


def panel_helpers() -> dict[str, Any]:
    """Template helpers for other areas' pages (event page, participant profile)."""

    def event_invitation_counts(event: Event) -> dict[str, int] | None:
        """Invitations per status of an event (organisers only, else ``None``)."""
        return status_counts(event.id) if can(current_user, "invitations.view", event) \
            else None

    return {"event_invitation_counts": event_invitation_counts,
            "participant_schedule": schedule, "participant_delegations": delegations}
