"""A travel leg leaves the delegation in its arrival city (invitations.engagements)."""

from __future__ import annotations

import datetime as dt

from flask import Flask

from invitations.engagements import leg_engagement
from missions.models import TravelLeg
from programme.models import City


def _city(key: int, name: str, lat: float, lon: float) -> City:
    return City(id=key, slug=name.lower(), name_en=name, name_zh=name, country="XX",
                latitude=lat, longitude=lon, timezone="UTC", side="eu")


def test_a_leg_starts_at_departure_and_ends_at_arrival(app: Flask) -> None:
    chengdu, rome = _city(1, "Chengdu", 30.5728, 104.0668), _city(2, "Rome", 41.9028, 12.4964)
    leg = TravelLeg(id=7, mode="flight", from_city=chengdu, to_city=rome,
                    departs_at=dt.datetime(2018, 7, 2, 6, tzinfo=dt.UTC),
                    arrives_at=dt.datetime(2018, 7, 2, 18, tzinfo=dt.UTC),
                    departure_timezone="UTC", arrival_timezone="UTC")
    with app.test_request_context("/?lang=en"):
        engagement = leg_engagement(leg)
    assert (engagement.place.key, engagement.final_place.key) == (1, 2)
    assert engagement.final_place.name == "Rome"
