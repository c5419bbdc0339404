"""The partnership form: European and Chinese cities, themes, period, summaries, stage."""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l
from wtforms import SelectField, SelectMultipleField, StringField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Optional, ValidationError

from core.choices import select_choices
from core.fields import ProgrammeDateField, coerce_id
from core.form_helpers import INVALID_CHOICE, HelixForm, column_limit, known_choices
from core.labels import STAGES, choices
from core.once import OnceForm
from programme.choices import city_choices, theme_choices
from programme.models import Partnership, PartnershipStage, Side


class PartnershipForm(OnceForm, HelixForm):
    """Create or edit a partnership; a change of stage is recorded in its history."""

    model = Partnership
    #: the note is stored in the stage history
    limits = {"stage_note": column_limit(PartnershipStage, "note") or 0}

    eu_city_ids = SelectMultipleField(
        _l("European cities"), coerce=coerce_id, validate_choice=False,
        validators=[DataRequired(message=_l("Choose at least one European city.")),
                    known_choices])
    china_city_ids = SelectMultipleField(
        _l("Chinese cities"), coerce=coerce_id, validate_choice=False,
        validators=[DataRequired(message=_l("Choose at least one Chinese city.")),
                    known_choices])
    theme_ids = SelectMultipleField(_l("Themes"), coerce=coerce_id, validate_choice=False,
                                    validators=[known_choices])
    start_date = ProgrammeDateField(_l("Start"), validators=[
        InputRequired(message=_l("Enter the start of the partnership."))])
    end_date = ProgrammeDateField(_l("End"), validators=[Optional()])
    summary_en = TextAreaField(_l("Summary (English)"), validators=[Optional()])
    summary_zh = TextAreaField(_l("Summary (Chinese)"), validators=[Optional()])
    stage = SelectField(_l("Stage"), choices=select_choices(choices(STAGES)),
                        validate_choice=False,
                        validators=[DataRequired(message=INVALID_CHOICE)])
    stage_changed_on = ProgrammeDateField(_l("Stage reached on"), validators=[Optional()])
    stage_note = StringField(_l("Note on the stage"), validators=[Optional()])

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        partnership = kwargs.get("obj")
        kept = [c.id for c in partnership.cities] if partnership else []
        self.eu_city_ids.choices = select_choices(
            city_choices(kept, blank=False, side=Side.EU))
        self.china_city_ids.choices = select_choices(
            city_choices(kept, blank=False, side=Side.CHINA))
        self.theme_ids.choices = select_choices(theme_choices(
            [t.id for t in partnership.themes] if partnership else [], blank=False))

    def validate_stage(self, field: SelectField) -> None:
        """One of the stages of the cooperation narrative."""
        if field.data not in STAGES:
            raise ValidationError(INVALID_CHOICE)

    def validate_end_date(self, field: ProgrammeDateField) -> None:
        """The end is not before the start."""
        if self.start_date.data and field.data and field.data < self.start_date.data:
            raise ValidationError(_l("The end must not be before the start."))
