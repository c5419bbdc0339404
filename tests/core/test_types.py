"""Instants are stored in UTC and naive datetimes never reach the database."""

from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy.exc import StatementError

from core.extensions import db
from core.types import NaiveDatetimeError
from events.models import Event


def _event(**fields: object) -> Event:
    base = dict(kind="webinar", title_en="Smart cities webinar", timezone="Europe/Brussels",
                online=True, join_url="https://meet.example.org/x")
    base.update(fields)
    return Event(**base)


def test_aware_instants_round_trip_as_utc(app: object) -> None:
    shanghai = timezone(timedelta(hours=8))
    event = _event(starts_at=datetime(2020, 12, 3, 17, 0, tzinfo=shanghai),
                   ends_at=datetime(2020, 12, 3, 19, 0, tzinfo=shanghai))
    db.session.add(event)
    db.session.commit()
    db.session.expire_all()
    stored = db.session.get(Event, event.id)
    assert stored.starts_at == datetime(2020, 12, 3, 9, 0, tzinfo=UTC)
    assert stored.starts_at.tzinfo is not None
    assert stored.starts_at.utcoffset() == timedelta(0)


def test_naive_datetime_refused(app: object) -> None:
    db.session.add(_event(starts_at=datetime(2020, 12, 3, 9, 0),
                          ends_at=datetime(2020, 12, 3, 10, 0)))
    with pytest.raises(StatementError) as caught:
        db.session.commit()
    assert isinstance(caught.value.orig, NaiveDatetimeError)
    db.session.rollback()
