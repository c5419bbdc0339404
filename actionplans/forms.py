"""The activity form; theme, owner and link choices are filled in by the view."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import DateField, SelectField, SelectMultipleField, StringField
from wtforms.validators import DataRequired, Length, Optional

from actionplans.models import Activity
from core.choices import select_choices
from core.fields import optional_id
from core.form_helpers import INVALID_CHOICE, HelixForm, known_choices
from core.once import OnceForm

STATUSES = {
    "planned": _l("Planned"),
    "in_progress": _l("In progress"),
    "done": _l("Done"),
    "dropped": _l("Dropped"),
}
"""Activity status → label."""


class ActivityForm(OnceForm, HelixForm):
    """Plan or change one activity of an action plan."""

    model = Activity

    title_en = StringField(_l("Title (English)"), validators=[Optional(), Length(max=300)])
    title_zh = StringField(_l("Title (Chinese)"), validators=[Optional(), Length(max=300)])
    theme_id = SelectField(_l("Theme"), coerce=optional_id, validators=[Optional()])
    owner_city_id = SelectField(_l("Owner city"), coerce=optional_id, validators=[Optional()])
    owner_organisation_id = SelectField(_l("Owner organisation"), coerce=optional_id,
                                        validators=[Optional()])
    starts_on = DateField(_l("Starts"), validators=[Optional()])
    ends_on = DateField(_l("Ends"), validators=[Optional()])
    status = SelectField(_l("Status"), choices=select_choices(STATUSES.items()),
                         validators=[DataRequired(message=INVALID_CHOICE)])
    event_ids = SelectMultipleField(_l("Events"), coerce=int, validate_choice=False,
                                    validators=[known_choices])
    mission_ids = SelectMultipleField(_l("Missions"), coerce=int, validate_choice=False,
                                      validators=[known_choices])
    output_ids = SelectMultipleField(_l("Outputs"), coerce=int, validate_choice=False,
                                     validators=[known_choices])
