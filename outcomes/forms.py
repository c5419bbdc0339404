"""The outcome form; event, partnership and party choices are filled in by the view."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import SelectField, SelectMultipleField, StringField, URLField
from wtforms.validators import URL, DataRequired, Length, Optional

from core.choices import select_choices
from core.fields import ProgrammeDateField, coerce_id, optional_id
from core.form_helpers import INVALID_CHOICE, HelixForm, known_choices
from core.labels import OUTCOME_KINDS, OUTCOME_STATUSES
from core.once import OnceForm
from core.picker import PickerField
from events.choices import event_labels
from outcomes.models import Outcome, OutcomeStatus


class OutcomeForm(OnceForm, HelixForm):
    """Record an MoU, agreement, pilot project or joint study."""

    model = Outcome

    kind = SelectField(_l("Kind"), choices=select_choices(OUTCOME_KINDS.items()),
                       validators=[DataRequired(message=INVALID_CHOICE)])
    status = SelectField(_l("Status"), choices=select_choices(OUTCOME_STATUSES.items()),
                         default=OutcomeStatus.SIGNED.value,
                         validators=[DataRequired(message=INVALID_CHOICE)])
    title_en = StringField(_l("Title (English)"), validators=[Optional(), Length(max=300)])
    title_zh = StringField(_l("Title (Chinese)"), validators=[Optional(), Length(max=300)])
    event_id = PickerField(_l("Event"), lookup=event_labels, multiple=False,
                           search_endpoint="events.search")
    partnership_id = SelectField(_l("Partnership"), coerce=optional_id,
                                 validators=[Optional()])
    party_ids = SelectMultipleField(_l("Parties"), coerce=coerce_id, validate_choice=False,
                                    validators=[known_choices])
    city_ids = SelectMultipleField(_l("Cities"), coerce=coerce_id, validate_choice=False,
                                   validators=[known_choices])
    theme_ids = SelectMultipleField(_l("Themes"), coerce=coerce_id, validate_choice=False,
                                    validators=[known_choices])
    signed_on = ProgrammeDateField(_l("Signed on"), validators=[Optional()])
    document_url = URLField(_l("Document link"), validators=[
        Optional(), URL(message=_l("Enter a full link starting with https://.")),
        Length(max=500)])

    def validate(self, extra_validators: object = None) -> bool:  # type: ignore[override]
        """A title is needed in at least one language."""
        valid = super().validate(extra_validators)  # type: ignore[arg-type]
        if not (self.title_en.data or "").strip() and not (self.title_zh.data or "").strip():
            self.title_en.errors = [*self.title_en.errors,
                                    _l("Enter a title in English or Chinese.")]
            return False
        return valid
