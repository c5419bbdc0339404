"""The form that records one indicator value."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import DecimalField, IntegerField, SelectField, StringField
from wtforms.validators import DataRequired, Length, NumberRange, Optional

from core.form_helpers import INVALID_CHOICE, HelixForm
from indicators.models import IndicatorValue


class ValueForm(HelixForm):
    """An indicator value for a year, with where it comes from."""

    model = IndicatorValue

    code = SelectField(_l("Indicator"), validators=[DataRequired(message=INVALID_CHOICE)])
    year = IntegerField(_l("Year"), validators=[DataRequired(), NumberRange(1990, 2100)])
    value = DecimalField(_l("Value"), validators=[DataRequired(), NumberRange(0, 10**15)])
    source = StringField(_l("Source"), validators=[Optional(), Length(max=500)])
