"""Factories for the calendar tests: cities, themes, events, participants, invitations."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from flask import Flask

from core.extensions import db
from events.models import Event
from invitations.models import Invitation
from participants.models import Participant
from programme.models import City, Theme


@pytest.fixture
def world(app: Flask) -> dict[str, Any]:
    """Brussels and Chongqing, a theme, and a delegate who prefers Chinese."""
    brussels = City(
        slug="brussels",
        name_en="Brussels",
        name_zh="布鲁塞尔",
        country="BE",
        latitude=50.8503,
        longitude=4.3517,
        timezone="Europe/Brussels",
        side="eu",
    )
    chongqing = City(
        slug="chongqing",
        name_en="Chongqing",
        name_zh="重庆",
        country="CN",
        latitude=29.563,
        longitude=106.5516,
        timezone="Asia/Shanghai",
        side="china",
    )
    theme = Theme(slug="green-mobility", name_en="Green mobility", name_zh="绿色交通")
    delegate = Participant(
        name="Li Wei",
        name_zh="李伟",
        email="li.wei@example.cn",
        helix_role="government",
        language="zh",
        timezone="Asia/Shanghai",
    )
    other = Participant(
        name="Anna Smit",
        email="anna@example.eu",
        helix_role="academia",
        language="en",
        timezone="Europe/Brussels",
    )
    db.session.add_all([brussels, chongqing, theme, delegate, other])
    db.session.commit()
    return {
        "brussels": brussels,
        "chongqing": chongqing,
        "theme": theme,
        "delegate": delegate,
        "other": other,
    }


@pytest.fixture
def make_event(world: dict[str, Any]) -> Callable[..., Event]:
    """``make_event(days=10, city="brussels", **fields)``: a committed event."""
    counter = iter(range(1, 10_000))

    def make(
        days: float = 10, hours: float = 2, city: str | None = "brussels", **fields: Any
    ) -> Event:
        n = next(counter)
        start = datetime.now(UTC) + timedelta(days=days)
        start = start.replace(second=0, microsecond=0)
        place = world[city] if city else None
        values: dict[str, Any] = {
            "kind": "workshop",
            "title_en": f"Workshop {n}",
            "title_zh": f"研讨会 {n}",
            "starts_at": start,
            "ends_at": start + timedelta(hours=hours),
            "timezone": place.timezone if place else "UTC",
            "city": place,
            "status": "confirmed",
            "visibility": "public",
            "theme": world["theme"],
        }
        values.update(fields)
        event = Event(**values)
        db.session.add(event)
        db.session.commit()
        return event

    return make


@pytest.fixture
def invite(world: dict[str, Any]) -> Callable[..., Invitation]:
    """``invite(event, participant=None, status="invited")``: a committed invitation."""

    def make(
        event: Event, participant: Participant | None = None, status: str = "invited"
    ) -> Invitation:
        invitation = Invitation(
            event=event, participant=participant or world["delegate"], status=status
        )
        db.session.add(invitation)
        db.session.commit()
        return invitation

    return make
