"""Forms for inviting people and changing an invitation's status."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileAllowed, FileField, FileRequired
from wtforms import BooleanField, HiddenField, SelectField
from wtforms.validators import DataRequired, Optional

from core.choices import select_choices
from core.fields import optional_id
from core.form_helpers import INVALID_CHOICE, HelixForm, role_choices
from core.labels import INVITATION_STATUSES
from core.picker import PickerField
from invitations.queries import target_labels, target_value
from organisations.queries import organisation_labels
from participants.csv_common import MAX_BYTES
from participants.queries import participant_labels

SEARCH = "invitations.search"


class InviteForm(HelixForm):
    """Invite people to an event or to every event of a mission.

    The event or mission, the participants and the organisation are searched for
    (:class:`core.picker.PickerField`): the page carries only what is chosen.
    """

    target = PickerField(_l("Invite to"), [DataRequired(message=INVALID_CHOICE)],
                         lookup=target_labels, coerce=target_value, multiple=False,
                         search_endpoint=SEARCH, search_args={"kind": "targets"})
    participant_ids = PickerField(_l("Participants"), lookup=participant_labels,
                                  search_endpoint=SEARCH, search_args={"kind": "participants"})
    organisation_id = PickerField(_l("Everyone from organisation"), lookup=organisation_labels,
                                  multiple=False, search_endpoint=SEARCH,
                                  search_args={"kind": "organisations"})
    city_id = SelectField(_l("Everyone from city"), coerce=optional_id,
                          validators=[Optional()])
    helix_role = SelectField(_l("Everyone with helix role"), choices=role_choices(blank=True),
                             validators=[Optional()])

    def validate(self, extra_validators: object = None) -> bool:  # type: ignore[override]
        """At least one way of choosing people must be used."""
        if not super().validate(extra_validators):  # type: ignore[arg-type]
            return False
        if not (self.participant_ids.data or self.organisation_id.data
                or self.city_id.data or self.helix_role.data):
            self.participant_ids.errors.append(
                _l("Choose participants, an organisation, a city or a helix role."))
            return False
        return True


class StatusForm(HelixForm):
    """Change one invitation's status."""

    status = SelectField(_l("Status"), choices=select_choices(INVITATION_STATUSES.items()),
                         validators=[DataRequired(message=INVALID_CHOICE)])


class AttendanceUploadForm(HelixForm):
    """Upload a webinar attendance report (Zoom, Teams or Tencent Meeting CSV) for a
    preview."""

    file = FileField(_l("Attendance report (CSV)"), validators=[
        FileRequired(message=_l("Choose a CSV file.")),
        FileAllowed(["csv", "txt"], message=_l("Upload a .csv file."))])


class AttendanceConfirmForm(HelixForm):
    """Confirm an attendance import previewed earlier (the file travels back, signed)."""

    limits = {"payload": 3 * MAX_BYTES}

    payload = HiddenField(validators=[DataRequired()])
    mark_no_show = BooleanField(_l("Mark the other accepted invitees as no-show"))
