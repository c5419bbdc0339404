"""The organisation form; the city choices are filled in by the view."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import SelectField, StringField
from wtforms.validators import DataRequired, Length, Optional

from core.fields import optional_id
from core.form_helpers import INVALID_CHOICE, HelixForm, role_choices
from core.once import OnceForm
from organisations.models import Organisation


class OrganisationForm(OnceForm, HelixForm):
    """Create or edit an organisation."""

    model = Organisation

    name_en = StringField(_l("Name (English)"), validators=[
        DataRequired(message=_l("Enter the organisation's English name.")), Length(max=200)])
    name_zh = StringField(_l("Name (Chinese)"), validators=[Optional(), Length(max=200)])
    city_id = SelectField(_l("City"), coerce=optional_id, validators=[Optional()])
    helix_role = SelectField(_l("Helix role"), choices=role_choices(),
                             validators=[DataRequired(message=INVALID_CHOICE)])
