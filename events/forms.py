"""The event form: create/edit with cross-field checks (list filters and the slot finder:
``events.search_forms``).

Times are typed as venue-local wall times; ``EventForm.validate`` turns them into
UTC instants (``form.starts_at``/``form.ends_at``) or puts a clear error next to
the field (nonexistent or repeated local time, end before start, unknown zone).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm import selectinload
from wtforms import (
    BooleanField,
    DateTimeLocalField,
    HiddenField,
    IntegerField,
    SelectChoice,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
    URLField,
)
from wtforms.validators import (
    URL,
    DataRequired,
    InputRequired,
    Length,
    NumberRange,
    Optional,
    ValidationError,
)

from core.choices import select_choices as opts
from core.date_ranges import EVENT_DAYS, range_error
from core.extensions import db
from core.fields import ProgrammeDateTimeField, coerce_id, optional_id
from core.form_helpers import HelixForm, offered_id
from core.i18n import localized
from core.labels import EVENT_KINDS, EVENT_STATUSES, WORKING_LANGUAGES, choices
from core.picker import PickerField
from core.templating import local_date
from core.timefmt import (
    AmbiguousTimeError,
    NonexistentTimeError,
    UnknownTimeZoneError,
    is_valid_zone,
    local_to_utc,
    to_local,
)
from events.models import Event
from missions.choices import mission_labels
from missions.models import Mission
from programme.models import City, Partnership, Theme, offered
from programme.sorting import by_name, partnership_names

LOCAL_FORMAT = "%Y-%m-%dT%H:%M"
VISIBILITIES = {"public": _l("Public programme"), "internal": _l("Internal")}
CHOICE_MESSAGE = _l("Choose one of the options.")


def _name(obj: Any, field: str = "name") -> str:
    return localized(obj, field)[0]


def city_choices(blank: bool = True, keep: Iterable[int | None] = ()) -> list[SelectChoice]:
    """Cities for a select, by name in the page's language (Chinese by pinyin), with an
    optional blank first entry; archived cities only when ``keep`` (a record's) names them."""
    cities = by_name(db.session.scalars(select(City).where(offered(City, keep))))
    rows = [(str(c.id), _name(c)) for c in cities]
    return opts(([("", "—")] if blank else []) + rows)


def theme_choices(keep: Iterable[int | None] = ()) -> list[SelectChoice]:
    """Themes (clusters) for a select, with a blank first entry; archived ones only when
    ``keep`` names them."""
    themes = by_name(db.session.scalars(select(Theme).where(offered(Theme, keep))))
    return opts([("", "—")] + [(str(t.id), _name(t)) for t in themes])


def partnership_choices() -> list[SelectChoice]:
    """Partnerships for a select, by name in the page's language, with a blank first entry."""
    partnerships = db.session.scalars(select(Partnership).options(
        selectinload(Partnership.eu_cities), selectinload(Partnership.china_cities)))
    return opts([("", "—")] + [(str(pid), name) for pid, name in partnership_names(partnerships)])


class EventForm(HelixForm):
    """Create or edit an event; times are entered in the venue's zone."""

    model = Event

    kind = SelectField(_l("Kind"), choices=opts(choices(EVENT_KINDS)), validate_choice=True)
    title_en = StringField(_l("Title (English)"), validators=[Length(max=300)])
    title_zh = StringField(_l("Title (Chinese)"), validators=[Length(max=300)])
    description_en = TextAreaField(_l("Description (English)"), validators=[Optional()])
    description_zh = TextAreaField(_l("Description (Chinese)"), validators=[Optional()])
    starts_local = ProgrammeDateTimeField(
        _l("Starts (venue time)"), format=LOCAL_FORMAT,
        validators=[InputRequired(message=_l("Enter the start date and time."))])
    ends_local = ProgrammeDateTimeField(
        _l("Ends (venue time)"), format=LOCAL_FORMAT,
        validators=[InputRequired(message=_l("Enter the end date and time."))])
    timezone = StringField(_l("Time zone of the venue"), validators=[Length(max=64)],
                           render_kw={"list": "tz-list", "autocomplete": "off"})
    city_id = SelectField(_l("City"), coerce=optional_id, validate_choice=False,
        validators=[offered_id])
    cities = SelectMultipleField(_l("Participating cities"), coerce=coerce_id,
                                 validate_choice=False)
    venue = StringField(_l("Venue / address"), validators=[Length(max=300)])
    online = BooleanField(_l("Online"))
    hybrid = BooleanField(_l("Hybrid (in person and online)"))
    platform = StringField(_l("Platform"), validators=[Length(max=80)])
    join_url = URLField(_l("Join link"), validators=[
        Optional(), URL(message=_l("Enter a full web address (https://…)."))])
    dial_in = StringField(_l("Dial-in"), validators=[Length(max=200)])
    language = SelectField(_l("Working language"), choices=opts(choices(WORKING_LANGUAGES)))
    theme_id = SelectField(_l("Theme / cluster"), coerce=optional_id, validate_choice=False,
        validators=[offered_id])
    mission_id = PickerField(_l("Mission"), lookup=mission_labels, multiple=False,
                             search_endpoint="missions.search")
    status = SelectField(_l("Status"), choices=opts(choices(EVENT_STATUSES)))
    visibility = SelectField(_l("Visibility"), choices=opts(VISIBILITIES.items()))
    reported_attendance = IntegerField(
        _l("Reported attendance"),
        validators=[Optional(), NumberRange(
            min=0, max=1_000_000, message=_l("Enter a whole number of people (0 or more)."))])
    version_id = HiddenField()
    confirm_conflicts = BooleanField(_l("Save despite the warnings"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        event = kwargs.get("obj")
        current = [event.city_id, *(c.id for c in event.cities)] if event else []
        self.city_id.choices = city_choices(keep=current)
        self.cities.choices = opts((int(c.value), c.label) for c in self.city_id.choices
                                   if c.value)
        self.theme_id.choices = theme_choices(keep=[event.theme_id] if event else [])
        for field in (self.kind, self.language, self.status, self.visibility):
            field.validators = [*field.validators, DataRequired(message=CHOICE_MESSAGE)]
        self.starts_at: datetime | None = None
        self.ends_at: datetime | None = None

    # -- cross-field checks -------------------------------------------------------------
    def validate(self, extra_validators: Any = None) -> bool:
        """Field checks, then zone, times, place and mission-date checks."""
        ok = super().validate(extra_validators)
        city = db.session.get(City, self.city_id.data) if self.city_id.data else None
        if not self.timezone.data and city is not None:
            self.timezone.data = city.timezone
        ok = self._check_place(city) and ok
        if not self._check_zone():
            return False
        if city is not None and self.timezone.data != city.timezone:
            self.timezone.errors.append(_l(
                "The venue is in %(city)s, whose time zone is %(zone)s; leave this empty or "
                "use that zone.", city=localized(city, "name")[0], zone=city.timezone))
            return False
        ok = self._check_times() and ok
        if ok:
            ok = self._check_mission()
        return ok

    def _check_zone(self) -> bool:
        if not self.timezone.data:
            self.timezone.errors.append(_l("Enter the venue's time zone (or choose a city)."))
            return False
        if not is_valid_zone(self.timezone.data.strip()):
            self.timezone.errors.append(
                _l("Unknown time zone: use an IANA name such as Europe/Rome or Asia/Shanghai."))
            return False
        self.timezone.data = self.timezone.data.strip()
        return True

    def _to_utc(self, field: DateTimeLocalField) -> datetime | None:
        if field.data is None:
            return None
        try:
            return local_to_utc(field.data, self.timezone.data)
        except NonexistentTimeError:
            field.errors.append(_l(
                "This local time does not exist in %(zone)s (the clocks jump forward "
                "that night).", zone=self.timezone.data))
        except AmbiguousTimeError:
            field.errors.append(_l(
                "This local time happens twice in %(zone)s (the clocks go back that "
                "night); choose a time outside that hour.", zone=self.timezone.data))
        except UnknownTimeZoneError:
            self.timezone.errors.append(_l("Unknown time zone."))
        return None

    def _check_times(self) -> bool:
        self.starts_at = self._to_utc(self.starts_local)
        self.ends_at = self._to_utc(self.ends_local)
        if self.starts_at is None or self.ends_at is None:
            return False
        problem = range_error(self.starts_at, self.ends_at, EVENT_DAYS)
        if problem:
            self.ends_local.errors.append(problem)
            return False
        return True

    def _check_place(self, city: City | None) -> bool:
        ok = True
        remote = self.online.data or self.hybrid.data
        if remote and not self.join_url.data:
            self.join_url.errors.append(_l("An online or hybrid event needs a join link."))
            ok = False
        if (not self.online.data or self.hybrid.data) and city is None:
            self.city_id.errors.append(_l("An in-person event needs a city."))
            ok = False
        return ok

    def _check_mission(self) -> bool:
        if not self.mission_id.data:
            return True
        mission = db.session.get(Mission, self.mission_id.data)
        if mission is None:
            self.mission_id.errors.append(CHOICE_MESSAGE)
            return False
        assert self.starts_at is not None and self.ends_at is not None
        first = to_local(self.starts_at, self.timezone.data).date()
        last = to_local(self.ends_at, self.timezone.data).date()
        if first < mission.start_date or last > mission.end_date:
            self.mission_id.errors.append(_l(
                "The event falls outside the mission's dates (%(start)s – %(end)s).",
                start=local_date(mission.start_date), end=local_date(mission.end_date)))
            return False
        return True

    def event_data(self) -> dict[str, Any]:
        """The validated values as model attributes (UTC instants included)."""
        return {
            "kind": self.kind.data,
            "title_en": (self.title_en.data or "").strip() or None,
            "title_zh": (self.title_zh.data or "").strip() or None,
            "description_en": self.description_en.data or None,
            "description_zh": self.description_zh.data or None,
            "starts_at": self.starts_at,
            "ends_at": self.ends_at,
            "timezone": self.timezone.data,
            "city_id": self.city_id.data,
            "city_ids": list(self.cities.data or []),
            "venue": self.venue.data or None,
            "online": bool(self.online.data),
            "hybrid": bool(self.hybrid.data),
            "platform": self.platform.data or None,
            "join_url": self.join_url.data or None,
            "dial_in": self.dial_in.data or None,
            "language": self.language.data,
            "theme_id": self.theme_id.data,
            "mission_id": self.mission_id.data,
            "status": self.status.data,
            "visibility": self.visibility.data,
            "reported_attendance": self.reported_attendance.data,
        }

    def validate_join_url(self, field: URLField) -> None:
        """Only web links (no ``javascript:`` or other schemes)."""
        if field.data and not field.data.lower().startswith(("https://", "http://")):
            raise ValidationError(_l("Enter a full web address (https://…)."))

    def validate_title_en(self, field: StringField) -> None:
        """At least one title, in either language."""
        if not (field.data or "").strip() and not (self.title_zh.data or "").strip():
            raise ValidationError(_l("Give the event a title in English or Chinese."))
