"""Forms of the event list's filters and of the slot finder (GET forms, no CSRF)."""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l
from wtforms import HiddenField, IntegerField, SelectField, SelectMultipleField
from wtforms.validators import InputRequired, NumberRange, Optional, ValidationError

from core.choices import select_choices as opts
from core.date_ranges import LIST_DAYS, SLOT_DAYS, DateRange
from core.fields import ProgrammeDateField, coerce_id, optional_id
from core.form_helpers import HelixForm
from core.labels import EVENT_KINDS, EVENT_STATUSES, choices
from core.picker import PickerField
from events.forms import CHOICE_MESSAGE, city_choices, theme_choices
from missions.choices import mission_labels
from programme.choices import partnership_choices


def _chosen(field: SelectField) -> int | None:
    """The id a filter field was given, or None (none, or not an id)."""
    return field.data if isinstance(field.data, int) else None


class EventFilterForm(HelixForm):
    """Filters of the event list (GET, no CSRF)."""

    class Meta:
        csrf = False

    kind = SelectField(_l("Kind"), choices=opts([("", _l("All kinds")), *choices(EVENT_KINDS)]),
                       validate_choice=False)
    city = SelectField(_l("City"), coerce=optional_id, validate_choice=False)
    theme = SelectField(_l("Theme"), coerce=optional_id, validate_choice=False)
    mission = PickerField(_l("Mission"), lookup=mission_labels, multiple=False,
                          search_endpoint="missions.search")
    partnership = SelectField(_l("Partnership"), coerce=optional_id, validate_choice=False)
    status = SelectField(_l("Status"), choices=opts([("", _l("All statuses")),
                                                      *choices(EVENT_STATUSES)]),
                         validate_choice=False)
    date_from = ProgrammeDateField(_l("From"), validators=[Optional()])
    date_to = ProgrammeDateField(_l("To"), validators=[Optional(),
                                                       DateRange("date_from", LIST_DAYS)])

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # A filter by an archived city or theme (a bookmarked list) still shows it chosen.
        self.city.choices = city_choices(keep=[_chosen(self.city)])
        self.theme.choices = theme_choices(keep=[_chosen(self.theme)])
        self.partnership.choices = opts(partnership_choices(keep=[_chosen(self.partnership)]))


MIN_MINUTES, MAX_MINUTES = 15, 600


class SlotFinderForm(HelixForm):
    """Pick cities and a date range; list the common working hours."""

    class Meta:
        csrf = False

    cities = SelectMultipleField(_l("Participating cities"), coerce=coerce_id,
                                 validate_choice=False, render_kw={"size": 12})
    date_from = ProgrammeDateField(_l("From"), validators=[
        InputRequired(message=_l("Enter the first date."))])
    date_to = ProgrammeDateField(_l("To"), validators=[
        InputRequired(message=_l("Enter the last date.")), DateRange("date_from", SLOT_DAYS)])
    duration = IntegerField(_l("Length (minutes)"), default=60, validators=[
        InputRequired(message=_l("Enter the length in minutes.")),
        NumberRange(min=MIN_MINUTES, max=MAX_MINUTES,
                    message=_l("Between 15 and 600 minutes."))])
    mission = HiddenField()
    event = HiddenField()

    SEARCH_FIELDS = ("cities", "date_from", "date_to", "duration")
    """Fields whose presence in the query string means the form was submitted."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.cities.choices = opts((int(c.value), c.label) for c in city_choices(blank=False))

    def validate_cities(self, field: SelectMultipleField) -> None:
        """At least two cities, all known."""
        known = {choice.value for choice in field.choices or []}
        if len(field.data or []) < 2:
            raise ValidationError(_l("Pick at least two cities."))
        if not set(field.data) <= known:
            raise ValidationError(CHOICE_MESSAGE)

