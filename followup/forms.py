"""The follow-up forms: minutes, an upload and an action item (choices filled by the view)."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileField, FileRequired
from wtforms import SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Optional

from core.choices import select_choices
from core.fields import ProgrammeDateField, optional_id
from core.form_helpers import INVALID_CHOICE, HelixForm, offered_id
from core.once import OnceForm
from followup.models import ActionItem, ActionStatus, EventMinutes

ACTION_STATUSES = {
    ActionStatus.OPEN.value: _l("Open"),
    ActionStatus.IN_PROGRESS.value: _l("In progress"),
    ActionStatus.DONE.value: _l("Done"),
    ActionStatus.DROPPED.value: _l("Dropped"),
}
"""Translated names of the action item statuses."""


class MinutesForm(HelixForm):
    """The minutes of an event, in English and in Chinese."""

    model = EventMinutes

    minutes_en = TextAreaField(_l("Minutes (English)"), render_kw={"rows": 10})
    minutes_zh = TextAreaField(_l("Minutes (Chinese)"), render_kw={"rows": 10})


class AttachmentForm(OnceForm, HelixForm):
    """Upload one file of an event."""

    file = FileField(_l("File"), validators=[FileRequired(message=_l("Choose a file."))])


class ActionItemForm(OnceForm, HelixForm):
    """Something to do after the event: who, by when, where it stands."""

    model = ActionItem

    title = StringField(_l("Action"), validators=[DataRequired(message=_l("Enter a title."))])
    owner_participant_id = SelectField(_l("Owner (participant)"), coerce=optional_id,
                                       validate_choice=False, validators=[offered_id])
    owner_name = StringField(_l("Owner (other)"), validators=[Optional()])
    due_on = ProgrammeDateField(_l("Due on"), validators=[Optional()])
    status = SelectField(_l("Status"), choices=select_choices(ACTION_STATUSES.items()),
                         default=ActionStatus.OPEN.value, validate_choice=False,
                         validators=[DataRequired(message=INVALID_CHOICE), offered_id])
    activity_id = SelectField(_l("Action plan activity"), coerce=optional_id,
                              validate_choice=False, validators=[offered_id])
