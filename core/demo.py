"""Helpers of the demo loaders: read ``programme/demo/programme.yaml``, upsert records by
natural key (slug or e-mail), convert YAML dates. The loading itself: ``core.services``."""

from datetime import date, datetime
from pathlib import Path
from typing import Any, TypeVar

import yaml
from sqlalchemy import select

from core.extensions import db

DEMO_FILE = Path(__file__).resolve().parents[1] / "programme" / "demo" / "programme.yaml"

M = TypeVar("M", bound=db.Model)  # type: ignore[name-defined]


def read_demo_file(path: Path = DEMO_FILE) -> dict[str, Any]:
    """The demo programme as plain data."""
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def upsert(model: type[M], key: str, value: Any, **fields: Any) -> M:
    """Find a row by its natural key and update it, or create it."""
    row = db.session.scalar(select(model).where(getattr(model, key) == value))
    if row is None:
        row = model(**{key: value})
        db.session.add(row)
    for name, field_value in fields.items():
        if getattr(row, name) != field_value:
            setattr(row, name, field_value)
    return row


def sync_people(rows: list[Any], wanted: list[dict[str, Any]],
                participants: dict[str, Any], model: type, field: str) -> None:
    """Add or update the participant rows (delegation members, invitations) of a record."""
    existing = {row.participant.email: row for row in rows}
    for item in wanted:
        row = existing.get(item["participant"])
        if row is None:
            rows.append(model(participant=participants[item["participant"]],
                              **{field: item[field]}))
        elif getattr(row, field) != item[field]:
            setattr(row, field, item[field])


def sync_rows(rows: list[Any], wanted: list[dict[str, Any]], model: type) -> None:
    """Make a record's ordered child rows (travel legs, hotel stays) hold ``wanted``: the
    n-th row is updated in place, missing ones are added and extra ones removed."""
    for row, fields in zip(rows, wanted, strict=False):
        for name, value in fields.items():
            if getattr(row, name) != value:
                setattr(row, name, value)
    rows.extend(model(**fields) for fields in wanted[len(rows):])
    del rows[len(wanted):]


def as_date(value: Any) -> date | None:
    """A YAML date (or ISO text) as a date."""
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def as_local(value: Any) -> datetime:
    """A YAML local date-time (or ISO text) as a naive datetime."""
    return value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
