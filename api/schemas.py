"""Marshmallow schemas of the API's query arguments and responses."""

import datetime as dt

from flask_babel import lazy_gettext as _l
from marshmallow import Schema, ValidationError, fields, validate, validates_schema

from core import text
from core.converters import MAX_ID
from core.fields import FIRST_YEAR, LAST_YEAR
from core.form_helpers import CONTROL_MESSAGE, LENGTH_MESSAGE, column_limit
from delegates.services import ANSWERS
from events.models import Event, EventKind

NOTHING_TO_CHANGE = _l("Send at least one of title_en, title_zh, description_en, "
                       "description_zh.")
MAX_PER_PAGE = 100
MIN_DATE, MAX_DATE = dt.date(FIRST_YEAR, 1, 1), dt.date(LAST_YEAR, 12, 31)




def year_pattern(first: int, last: int) -> str:
    """A regular expression matching the four-digit years ``first``..``last``: whole
    decades as ``197[0-9]``, the years of a partial decade one by one."""
    parts = []
    for decade in range(first // 10, last // 10 + 1):
        years = [y for y in range(decade * 10, decade * 10 + 10) if first <= y <= last]
        parts.extend([f"{decade}[0-9]"] if len(years) == 10 else map(str, years))
    return "|".join(parts)


#: The programme's years (FIRST_YEAR–LAST_YEAR) as a pattern, for clients and Schemathesis
#: (OpenAPI has no bounds for dates).
PROGRAMME_DATE = (
    f"^({year_pattern(FIRST_YEAR, LAST_YEAR)})-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"
)


class ProblemSchema(Schema):
    """An RFC 9457 problem (``application/problem+json``), as every API error is sent."""

    type = fields.String(required=True)
    title = fields.String(required=True)
    status = fields.Integer(required=True)
    detail = fields.String(metadata={"description": "What went wrong, in the reader's language"})
    errors = fields.Dict(metadata={"description": "The invalid parameters and why"})


class PageArgs(Schema):
    """Bounded pagination arguments shared by every list endpoint."""

    page = fields.Integer(load_default=1, validate=validate.Range(min=1, max=100_000))
    per_page = fields.Integer(load_default=20, validate=validate.Range(min=1, max=MAX_PER_PAGE))


class EventSchema(Schema):
    """An event as the API shows it (no internal details such as the join link)."""

    id = fields.Integer(required=True)
    kind = fields.String(required=True)
    title_en = fields.String(allow_none=True)
    title_zh = fields.String(allow_none=True)
    starts_at = fields.DateTime(required=True)
    ends_at = fields.DateTime(required=True)
    timezone = fields.String(required=True)
    city_id = fields.Integer(allow_none=True)
    visibility = fields.String(required=True)
    status = fields.String(required=True)
    description_en = fields.String(allow_none=True)
    description_zh = fields.String(allow_none=True)
    version = fields.Integer(required=True, attribute="version_id",
                             metadata={"description": "Send it as If-Match to change the event"})


class EventFilterArgs(PageArgs):
    """Event list filters: a date window (1970–2100), a city, a theme and a kind."""

    date_from = fields.Date(validate=validate.Range(min=MIN_DATE, max=MAX_DATE),
                            metadata={"pattern": PROGRAMME_DATE})
    date_to = fields.Date(validate=validate.Range(min=MIN_DATE, max=MAX_DATE),
                          metadata={"pattern": PROGRAMME_DATE})
    city = fields.Integer(validate=validate.Range(min=1, max=MAX_ID))
    theme = fields.Integer(validate=validate.Range(min=1, max=MAX_ID))
    kind = fields.String(validate=validate.OneOf([kind.value for kind in EventKind]))


class CleanText(fields.String):
    """A string as a Helix form takes it: no control characters (a multi-line text may hold
    tabs and line breaks), at most ``limit`` characters; ``null`` clears it."""

    def __init__(self, limit: int, multiline: bool = False, **kwargs: object) -> None:
        super().__init__(allow_none=True, metadata={"maxLength": limit},
                         **kwargs)  # type: ignore[arg-type]
        self.multiline = multiline
        self.limit = limit

    def _deserialize(self, value: object, attr: str | None, data: object,
                     **kwargs: object) -> str:
        result = super()._deserialize(value, attr, data, **kwargs)  # type: ignore[arg-type]
        if text.has_control_characters(result, self.multiline):
            raise ValidationError(str(CONTROL_MESSAGE))
        if text.too_long(result, self.limit):
            raise ValidationError(str(LENGTH_MESSAGE) % {"n": self.limit})
        return result


def _event_text(name: str, multiline: bool = False) -> CleanText:
    return CleanText(column_limit(Event, name) or text.TEXT_LIMIT, multiline)


class EventTextsSchema(Schema):
    """The texts of an event a PATCH may change; at least one of them."""

    title_en = _event_text("title_en")
    title_zh = _event_text("title_zh")
    description_en = _event_text("description_en", multiline=True)
    description_zh = _event_text("description_zh", multiline=True)

    @validates_schema
    def not_empty(self, data: dict[str, object], **kwargs: object) -> None:
        """A PATCH changes something."""
        if not data:
            raise ValidationError(str(NOTHING_TO_CHANGE))


class AnswerSchema(Schema):
    """An invitee's answer to their invitation."""

    status = fields.String(required=True, validate=validate.OneOf(ANSWERS))


class InvitationSchema(Schema):
    """An invitation as the API shows it."""

    id = fields.Integer(required=True)
    event_id = fields.Integer(required=True)
    participant_id = fields.Integer(required=True)
    status = fields.String(required=True)
