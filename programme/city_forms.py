"""The city and theme forms: bilingual names, a slug, and bounded facts (coordinates,
population, cohort years, an IANA time zone, a CLDR country, working hours and days)."""

from __future__ import annotations

import math
from typing import Any

from babel import Locale
from flask_babel import lazy_gettext as _l
from wtforms import (
    Field,
    FloatField,
    IntegerField,
    SelectField,
    SelectMultipleField,
    StringField,
    TimeField,
)
from wtforms.validators import (
    DataRequired,
    NumberRange,
    Optional,
    StopValidation,
    ValidationError,
)
from wtforms.widgets import CheckboxInput, ListWidget

from core.choices import select_choices
from core.fields import FIRST_YEAR, LAST_YEAR
from core.form_helpers import INVALID_CHOICE, NONE_CHOICE, HelixForm
from core.i18n import get_lang, weekday_names
from core.labels import SIDES
from core.once import OnceForm
from core.timefmt import common_zones, is_valid_zone
from programme.collation import latin_key, pinyin_sort_key
from programme.models import WORK_DAYS, WORK_END, WORK_START, City, Side, Theme
from programme.reference_services import SLUG_PATTERN, slugify

CITY_SIDES = (Side.EU.value, Side.CHINA.value, Side.OTHER.value)
"""The sides a city can be on (``international`` is a person's, not a city's)."""
NOT_COUNTRIES = frozenset({"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"})
"""Two-letter CLDR territories that are no country (unions, pseudo-locales, unknown)."""
MAX_POPULATION = 100_000_000
MAX_AREA_KM2 = 1_000_000
MAX_SDG = 17
YEAR_MESSAGE = _l("Enter a year between %(first)s and %(last)s.", first=FIRST_YEAR,
                  last=LAST_YEAR)
TIME_MESSAGE = _l("Enter a time, e.g. 09:00.")
SLUG_HELP = _l("Lower-case letters, digits and hyphens, as in the page's address "
               "(e.g. chongqing). Left empty, it is made from the English name.")


def country_choices() -> list[Any]:
    """Countries by name in the page's language (Chinese by pinyin), with a blank entry."""
    names = Locale.parse(get_lang()).territories
    key = pinyin_sort_key if get_lang() == "zh" else latin_key
    rows = sorted(((code, name) for code, name in names.items()
                   if len(code) == 2 and code.isalpha() and code not in NOT_COUNTRIES),
                  key=lambda row: key(row[1]))
    return select_choices([NONE_CHOICE, *rows])


class WeekdaysField(SelectMultipleField):
    """Weekdays as checkboxes, kept as a string of their digits (Monday = 0): ``01234``."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, coerce=str, **kwargs)

    def process_data(self, value: Any) -> None:
        """The record's (or the default) days, as stored."""
        self.data = "".join(str(day) for day in value) if value is not None else None

    def process_formdata(self, valuelist: list[Any]) -> None:
        """The ticked days, each once, in week order. The form sends an empty value
        besides the boxes, so that a request without the field keeps the record's days
        while one with none ticked is refused."""
        if valuelist:
            self.data = "".join(sorted({str(value) for value in valuelist if value}))

    def pre_validate(self, form: Any) -> None:
        """Each ticked day is a weekday; at least one is ticked."""
        if not self.data:
            raise StopValidation(str(_l("Tick at least one working day.")))
        if not set(self.data) <= {str(day) for day in range(7)}:
            raise StopValidation(str(INVALID_CHOICE))


class TimeOfDayField(TimeField):
    """A wall-clock time (``09:00``), refused with the form's own message when malformed."""

    def process_formdata(self, valuelist: list[Any]) -> None:  # noqa: D102
        try:
            super().process_formdata(valuelist)
        except ValueError:
            self.data = None
            raise ValueError(str(TIME_MESSAGE)) from None


def finite(form: Any, field: Field) -> None:
    """Refuse ``nan`` and ``inf``, which a float field parses and no range check stops."""
    if field.data is not None and not math.isfinite(field.data):
        raise ValidationError(_l("Enter a number."))


class Present:
    """Required where 0 is a value (``DataRequired`` refuses it) and the data may come from
    the record rather than the request (``InputRequired`` refuses that)."""

    def __init__(self, message: Any) -> None:
        self.message = message

    def __call__(self, form: Any, field: Field) -> None:  # noqa: D102
        if field.data is None:
            field.errors[:] = []
            raise StopValidation(str(self.message))


def _number(label: Any, low: float, high: float, message: Any,
            required: bool = False) -> FloatField:
    check = Present(message) if required else Optional()
    return FloatField(label, validators=[check, finite,
                                         NumberRange(min=low, max=high, message=message)])


def _year(label: Any) -> IntegerField:
    return IntegerField(label, validators=[
        Optional(), NumberRange(min=FIRST_YEAR, max=LAST_YEAR, message=YEAR_MESSAGE)])


class SlugForm(OnceForm, HelixForm):
    """A form with a slug and an English name: the slug is typed or made from the name."""

    slug = StringField(_l("Short name (address)"), description=SLUG_HELP)
    name_en = StringField(_l("Name (English)"),
                          validators=[DataRequired(message=_l("Enter the English name."))])
    name_zh = StringField(_l("Name (Chinese)"))

    def validate_slug(self, field: StringField) -> None:
        """A well-formed slug, or none and an English name that makes one."""
        field.data = (field.data or "").strip()
        if field.data and not SLUG_PATTERN.fullmatch(field.data):
            raise ValidationError(_l("Use lower-case letters, digits and single hyphens "
                                     "only (e.g. chongqing)."))
        if not field.data and self.name_en.data and not slugify(self.name_en.data):
            raise ValidationError(_l("The English name gives no short name: enter one."))


class CityForm(SlugForm):
    """Create or edit a city."""

    model = City

    name_pinyin = StringField(_l("Pinyin (sorting in Chinese)"))
    country = SelectField(_l("Country"), validate_choice=False,
                          validators=[DataRequired(message=_l("Choose the country."))])
    region_en = StringField(_l("Region (English)"))
    region_zh = StringField(_l("Region (Chinese)"))
    side = SelectField(_l("Side"), choices=select_choices((s, SIDES[s]) for s in CITY_SIDES),
                       validate_choice=False)
    timezone = SelectField(_l("Time zone"), validate_choice=False,
                           validators=[DataRequired(message=_l("Choose the time zone."))])
    latitude = _number(_l("Latitude"), -90, 90, required=True,
                       message=_l("Enter a latitude between -90 and 90."))
    longitude = _number(_l("Longitude"), -180, 180, required=True,
                        message=_l("Enter a longitude between -180 and 180."))
    population = IntegerField(_l("Population"), validators=[Optional(), NumberRange(
        min=0, max=MAX_POPULATION, message=_l("Enter a number of inhabitants (0 or more)."))])
    area_km2 = _number(_l("Area (km²)"), 0, MAX_AREA_KM2,
                       message=_l("Enter an area in square kilometres (0 or more)."))
    cohort_year = _year(_l("Pilot cohort: first year"))
    cohort_end_year = _year(_l("Pilot cohort: last year"))
    key_contact = StringField(_l("Key contact"))
    work_start = TimeOfDayField(_l("Working hours: start"), default=WORK_START,
                                validators=[Present(TIME_MESSAGE)])
    work_end = TimeOfDayField(_l("Working hours: end"), default=WORK_END,
                              validators=[Present(TIME_MESSAGE)])
    work_days = WeekdaysField(_l("Working days"), default=WORK_DAYS)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.work_days.choices = select_choices(
            (str(day), name) for day, name in enumerate(weekday_names(range(7), "wide")))
        self.country.choices = country_choices()
        self.timezone.choices = select_choices(
            [NONE_CHOICE, *((name, name) for name in common_zones())])

    def validate_country(self, field: SelectField) -> None:
        """One of the countries offered."""
        if field.data not in {choice.value for choice in field.choices or []}:
            raise ValidationError(INVALID_CHOICE)

    def validate_side(self, field: SelectField) -> None:
        """Europe, China or other."""
        if field.data not in CITY_SIDES:
            raise ValidationError(INVALID_CHOICE)

    def validate_timezone(self, field: SelectField) -> None:
        """An IANA zone name (checked with zoneinfo's database)."""
        if not is_valid_zone(field.data or ""):
            raise ValidationError(_l(
                "Unknown time zone: use an IANA name such as Europe/Rome or Asia/Shanghai."))

    def validate_work_end(self, field: TimeField) -> None:
        """The working day ends after it starts (on the same day)."""
        if field.data and self.work_start.data and field.data <= self.work_start.data:
            raise ValidationError(_l("The working day must end after it starts."))

    def validate_cohort_end_year(self, field: IntegerField) -> None:
        """The last year needs a first year and does not come before it."""
        if field.data is None or field.errors:
            return
        if self.cohort_year.data is None:
            raise ValidationError(_l("Enter the first year of the cohort too."))
        if field.data < self.cohort_year.data:
            raise ValidationError(_l("The last year cannot be before the first."))


class ThemeForm(SlugForm):
    """Create or edit a theme (thematic cluster)."""

    model = Theme

    sdgs = StringField(_l("Sustainable Development Goals"),
                       description=_l("Numbers from 1 to 17, separated by commas (e.g. 9, 11)."))
    urban_agenda = StringField(_l("EU Urban Agenda partnerships"))

    def validate_sdgs(self, field: StringField) -> None:
        """Goal numbers 1–17, stored as ``9,11`` (sorted, each once)."""
        parts = [part.strip() for part in (field.data or "").split(",") if part.strip()]
        if not all(part.isascii() and part.isdigit() and 1 <= int(part) <= MAX_SDG
                   for part in parts):
            raise ValidationError(_l("Enter goal numbers from 1 to 17, separated by commas."))
        field.data = ",".join(str(n) for n in sorted({int(part) for part in parts}))


AUDIT_LABELS = {
    "slug": _l("Short name (address)"), "name_en": _l("Name (English)"),
    "name_zh": _l("Name (Chinese)"), "name_pinyin": _l("Pinyin (sorting in Chinese)"),
    "country": _l("Country"), "region_en": _l("Region (English)"),
    "region_zh": _l("Region (Chinese)"), "side": _l("Side"), "latitude": _l("Latitude"),
    "longitude": _l("Longitude"), "population": _l("Population"), "area_km2": _l("Area (km²)"),
    "cohort_year": _l("Pilot cohort: first year"),
    "cohort_end_year": _l("Pilot cohort: last year"), "key_contact": _l("Key contact"),
    "work_start": _l("Working hours: start"), "work_end": _l("Working hours: end"),
    "work_days": _l("Working days"),
    "sdgs": _l("Sustainable Development Goals"),
    "urban_agenda": _l("EU Urban Agenda partnerships"), "archived_at": _l("Archived"),
}
"""The names of the city and theme fields in the audit log."""
