"""Mission forms: the mission itself, its delegation (with visa status), travel and hotels."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from wtforms import (
    DateField,
    DateTimeLocalField,
    HiddenField,
    SelectChoice,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.validators import DataRequired, InputRequired, Length, Optional, ValidationError

from core.choices import select_choices as opts
from core.date_ranges import MISSION_DAYS, DateRange
from core.extensions import db
from core.fields import ProgrammeDateField, ProgrammeDateTimeField, coerce_id, optional_id
from core.form_helpers import HelixForm, offered_id
from core.i18n import localized
from core.labels import DELEGATION_ROLES, MISSION_KINDS, MISSION_STATUSES, choices
from core.templating import local_date
from core.timefmt import AmbiguousTimeError, NonexistentTimeError, local_to_utc
from missions.models import DelegationMember, HotelStay, Mission, TravelLeg, TravelMode, VisaStatus
from participants.models import Participant
from programme.models import City, Partnership, Theme
from programme.sorting import by_name, partnership_names

LOCAL_FORMAT = "%Y-%m-%dT%H:%M"
VISA_STATUSES = {
    VisaStatus.NOT_NEEDED.value: _l("Not needed"), VisaStatus.NEEDED.value: _l("Needed"),
    VisaStatus.REQUESTED.value: _l("Requested"), VisaStatus.ISSUED.value: _l("Issued"),
}
TRAVEL_MODES = {
    TravelMode.FLIGHT.value: _l("Flight"), TravelMode.TRAIN.value: _l("Train"),
    TravelMode.ROAD.value: _l("Road transfer"),
}
CHOICE_MESSAGE = _l("Choose one of the options.")


_optional_id = optional_id


def _cities(blank: bool) -> list[SelectChoice]:
    rows = [(c.id, localized(c, "name")[0]) for c in by_name(db.session.scalars(select(City)))]
    return opts(([("", "—")] if blank else []) + rows)


def partnership_options() -> list[tuple[int, str]]:
    """Partnerships named by their cities in the page's language (EU city first),
    sorted by that name."""
    return partnership_names(db.session.scalars(select(Partnership)))


def outside_mission(mission: Mission | None, first: date, last: date) -> bool:
    """True when ``first``..``last`` leaves the mission's dates by more than a day
    (a delegation may travel the day before and after)."""
    if mission is None:
        return False
    slack = timedelta(days=1)
    return first < mission.start_date - slack or last > mission.end_date + slack


def outside_message(mission: Mission | None) -> Any:
    """The error for a leg or stay outside the mission's dates."""
    assert mission is not None
    return _l("Outside the mission's dates (%(start)s – %(end)s).",
              start=local_date(mission.start_date), end=local_date(mission.end_date))


class MissionForm(HelixForm):
    """Create or edit a mission; its events must stay within its dates."""

    model = Mission

    kind = SelectField(_l("Kind"), choices=opts(choices(MISSION_KINDS)))
    title_en = StringField(_l("Title (English)"), validators=[Length(max=300)])
    title_zh = StringField(_l("Title (Chinese)"), validators=[Length(max=300)])
    objectives_en = TextAreaField(_l("Objectives (English)"), validators=[Optional()])
    objectives_zh = TextAreaField(_l("Objectives (Chinese)"), validators=[Optional()])
    start_date = ProgrammeDateField(_l("First day"), validators=[
        InputRequired(message=_l("Enter the first day."))])
    end_date = ProgrammeDateField(_l("Last day"), validators=[
        InputRequired(message=_l("Enter the last day.")), DateRange("start_date", MISSION_DAYS)])
    status = SelectField(_l("Status"), choices=opts(choices(MISSION_STATUSES)))
    partnership_id = SelectField(_l("Partnership"), coerce=_optional_id, validate_choice=False,
        validators=[offered_id])
    cities = SelectMultipleField(_l("Cities visited"), coerce=coerce_id, validate_choice=False)
    themes = SelectMultipleField(_l("Themes"), coerce=coerce_id, validate_choice=False)
    version_id = HiddenField()

    def __init__(self, *args: Any, event_dates: list[Any] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.event_dates = event_dates or []
        self.cities.choices = _cities(blank=False)
        self.themes.choices = opts(
            (t.id, localized(t, "name")[0]) for t in by_name(db.session.scalars(select(Theme))))
        self.partnership_id.choices = opts([("", "—")] + partnership_options())
        for field in (self.kind, self.status):
            field.validators = [*field.validators, DataRequired(message=CHOICE_MESSAGE)]

    def validate_title_en(self, field: StringField) -> None:
        """At least one title."""
        if not (field.data or "").strip() and not (self.title_zh.data or "").strip():
            raise ValidationError(_l("Give the mission a title in English or Chinese."))

    def validate_end_date(self, field: DateField) -> None:
        """The mission's events fit inside its dates (their order and span: ``DateRange``)."""
        start = self.start_date.data
        if start and field.data and self.event_dates:
            outside = [d for d in self.event_dates if d < start or d > field.data]
            if outside:
                raise ValidationError(_l(
                    "Some of the mission's events fall outside these dates (e.g. %(day)s); "
                    "move them first.", day=local_date(min(outside))))


class MemberForm(HelixForm):
    """A delegation member: role and invitation-letter / visa status."""

    model = DelegationMember

    participant_id = SelectField(_l("Participant"), coerce=_optional_id, validate_choice=False,
        validators=[offered_id])
    role = SelectField(_l("Role"), choices=opts(choices(DELEGATION_ROLES)))
    visa_status = SelectField(_l("Invitation letter / visa"), choices=opts(VISA_STATUSES.items()))
    letter_requested_on = ProgrammeDateField(_l("Letter requested on"), validators=[Optional()])
    letter_sent_on = ProgrammeDateField(_l("Letter sent on"), validators=[Optional()])
    visa_issued_on = ProgrammeDateField(_l("Visa issued on"), validators=[Optional()])

    def __init__(self, *args: Any, with_participant: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if with_participant:
            people = db.session.scalars(select(Participant).order_by(Participant.name))
            self.participant_id.choices = opts([("", "—")] + [
                (p.id, f"{p.name} ({p.name_zh})" if p.name_zh else p.name) for p in people])
        else:
            del self.participant_id

    def validate_participant_id(self, field: SelectField) -> None:
        """A known participant."""
        if not field.data or db.session.get(Participant, field.data) is None:
            raise ValidationError(_l("Choose a participant."))

    def validate(self, extra_validators: Any = None) -> bool:
        """Field checks; letter dates in order; an issued visa has its date."""
        ok = super().validate(extra_validators)
        requested, sent = self.letter_requested_on.data, self.letter_sent_on.data
        if requested and sent and sent < requested:
            self.letter_sent_on.errors.append(
                _l("The letter cannot be sent before it was requested."))
            ok = False
        if self.visa_status.data == VisaStatus.ISSUED.value and not self.visa_issued_on.data:
            self.visa_issued_on.errors.append(_l("Enter the date the visa was issued."))
            ok = False
        return ok


class LegForm(HelixForm):
    """A travel leg; departure and arrival are typed in each city's local time."""

    model = TravelLeg

    mode = SelectField(_l("Mode"), choices=opts(TRAVEL_MODES.items()))
    from_city_id = SelectField(_l("From"), coerce=_optional_id, validate_choice=False,
        validators=[offered_id])
    to_city_id = SelectField(_l("To"), coerce=_optional_id, validate_choice=False,
        validators=[offered_id])
    departs_local = ProgrammeDateTimeField(_l("Departure (local time)"), format=LOCAL_FORMAT,
                                       validators=[InputRequired(
                                           message=_l("Enter the departure time."))])
    arrives_local = ProgrammeDateTimeField(_l("Arrival (local time)"), format=LOCAL_FORMAT,
                                       validators=[InputRequired(
                                           message=_l("Enter the arrival time."))])
    carrier = StringField(_l("Carrier"), validators=[Length(max=80)])
    number = StringField(_l("Flight / train number"), validators=[Length(max=20)])

    def __init__(self, *args: Any, mission: Mission | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.mission = mission
        self.from_city_id.choices = self.to_city_id.choices = _cities(blank=True)
        self.departs_at: datetime | None = None
        self.arrives_at: datetime | None = None
        self.from_city: City | None = None
        self.to_city: City | None = None

    def _instant(self, field: DateTimeLocalField, city: City) -> datetime | None:
        try:
            return local_to_utc(field.data, city.timezone)
        except NonexistentTimeError:
            field.errors.append(_l("This local time does not exist in %(zone)s (the clocks "
                                   "jump forward that night).", zone=city.timezone))
        except AmbiguousTimeError:
            field.errors.append(_l("This local time happens twice in %(zone)s (the clocks go "
                                   "back that night); choose a time outside that hour.",
                                   zone=city.timezone))
        return None

    def validate(self, extra_validators: Any = None) -> bool:
        """Both cities known and different; arrival after departure."""
        ok = super().validate(extra_validators)
        self.from_city = db.session.get(City, self.from_city_id.data or 0)
        self.to_city = db.session.get(City, self.to_city_id.data or 0)
        if self.from_city is None:
            self.from_city_id.errors.append(_l("Choose the city of departure."))
        if self.to_city is None:
            self.to_city_id.errors.append(_l("Choose the city of arrival."))
        if not ok or self.from_city is None or self.to_city is None:
            return False
        if self.from_city.id == self.to_city.id:
            self.to_city_id.errors.append(_l("Arrival must be in another city."))
            return False
        self.departs_at = self._instant(self.departs_local, self.from_city)
        self.arrives_at = self._instant(self.arrives_local, self.to_city)
        if self.departs_at is None or self.arrives_at is None:
            return False
        if self.arrives_at <= self.departs_at:
            self.arrives_local.errors.append(_l("The arrival must be after the departure "
                                                "(compare in each city's local time)."))
            return False
        if outside_mission(self.mission, self.departs_local.data.date(),
                           self.arrives_local.data.date()):
            self.departs_local.errors.append(outside_message(self.mission))
            return False
        return True


class StayForm(HelixForm):
    """A hotel stay: city, hotel, check-in and check-out dates."""

    model = HotelStay

    city_id = SelectField(_l("City"), coerce=_optional_id, validate_choice=False,
        validators=[offered_id])
    hotel = StringField(_l("Hotel"), validators=[
        DataRequired(message=_l("Enter the hotel's name.")), Length(max=200)])
    address = StringField(_l("Address"), validators=[Length(max=300)])
    check_in = ProgrammeDateField(_l("Check-in"), validators=[
        InputRequired(message=_l("Enter the check-in date."))])
    check_out = ProgrammeDateField(_l("Check-out"), validators=[
        InputRequired(message=_l("Enter the check-out date."))])

    def __init__(self, *args: Any, mission: Mission | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.mission = mission
        self.city_id.choices = _cities(blank=True)

    def validate_city_id(self, field: SelectField) -> None:
        """A known city."""
        if not field.data or db.session.get(City, field.data) is None:
            raise ValidationError(_l("Choose a city."))

    def validate_check_out(self, field: DateField) -> None:
        """At least one night."""
        if self.check_in.data and field.data and field.data <= self.check_in.data:
            raise ValidationError(_l("Check-out must be after check-in."))
        if self.check_in.data and field.data and outside_mission(
                self.mission, self.check_in.data, field.data):
            raise ValidationError(outside_message(self.mission))
