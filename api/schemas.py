"""Marshmallow schemas of the API's query arguments and responses."""

from marshmallow import Schema, fields, validate

MAX_PER_PAGE = 100
MAX_ID = 2**31 - 1


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
