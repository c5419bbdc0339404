"""events.conflicts: overlaps, great-circle distance and travel feasibility."""

from datetime import UTC, datetime, timedelta

import pytest

from events.conflicts import (
    Engagement,
    Place,
    check_people,
    check_schedule,
    haversine_km,
    travel_time,
)

CHENGDU = Place(1, 30.5728, 104.0668, "Chengdu")
ROME = Place(2, 41.9028, 12.4964, "Rome")
CHONGQING = Place(3, 29.5630, 106.5516, "Chongqing")
BOLOGNA = Place(4, 44.4949, 11.3426, "Bologna")


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2018, 7, day, hour, minute, tzinfo=UTC)


def test_haversine_known_distances():
    assert haversine_km(0, 0, 0, 0) == 0
    assert haversine_km(0, 0, 0, 180) == pytest.approx(20015, rel=1e-3)
    assert haversine_km(CHENGDU.latitude, CHENGDU.longitude, ROME.latitude, ROME.longitude) == (
        pytest.approx(8050, rel=0.02)
    )
    # Across the antimeridian the short way round is used.
    assert haversine_km(0, 179.5, 0, -179.5) == pytest.approx(111.2, rel=1e-2)


def test_travel_time_model():
    assert travel_time(0) == timedelta(0)
    assert travel_time(400) == timedelta(hours=6)
    assert travel_time(500) == timedelta(hours=7, minutes=15)
    assert travel_time(800) == timedelta(hours=4)
    assert travel_time(8000) == timedelta(hours=13)


def test_overlap_is_reported_touching_is_not():
    a = Engagement("a", at(2, 8), at(2, 10), CHENGDU)
    b = Engagement("b", at(2, 9), at(2, 11), CHENGDU)
    c = Engagement("c", at(2, 11), at(2, 12), CHENGDU)
    conflicts = check_schedule([c, b, a], who="anna")
    assert [(x.kind, x.first.ref, x.second.ref, x.who) for x in conflicts] == [
        ("overlap", "a", "b", "anna")
    ]
    assert conflicts[0].involves("b") and not conflicts[0].involves("c")


def test_chengdu_to_rome_the_same_afternoon_is_impossible():
    morning = Engagement("cd", at(2, 1), at(2, 4), CHENGDU)  # 09:00-12:00 CST
    afternoon = Engagement("rm", at(2, 13), at(2, 15), ROME)  # 15:00 CEST
    (conflict,) = check_schedule([morning, afternoon])
    assert conflict.kind == "travel"
    assert conflict.distance_km == pytest.approx(8050, rel=0.02)
    assert conflict.available == timedelta(hours=9)
    assert conflict.needed > conflict.available


def test_next_day_in_rome_is_feasible_and_nearby_ground_travel():
    morning = Engagement("cd", at(2, 1), at(2, 4), CHENGDU)
    next_day = Engagement("rm", at(3, 8), at(3, 10), ROME)
    assert check_schedule([morning, next_day]) == []
    # Chengdu -> Chongqing is ~270 km: 1 h + 3.4 h by road/rail.
    too_soon = Engagement("cq", at(2, 6), at(2, 7), CHONGQING)
    later = Engagement("cq", at(2, 9), at(2, 10), CHONGQING)
    assert [c.kind for c in check_schedule([morning, too_soon])] == ["travel"]
    assert check_schedule([morning, later]) == []


def test_online_events_do_not_move_people():
    cd = Engagement("cd", at(2, 1), at(2, 4), CHENGDU)
    webinar = Engagement("web", at(2, 5), at(2, 6), None)
    rome = Engagement("rm", at(2, 7), at(2, 8), ROME)
    kinds = [c.kind for c in check_schedule([cd, webinar, rome])]
    assert kinds == ["travel"]
    assert check_schedule([cd, webinar]) == []


def test_travel_leg_moves_the_person():
    cd = Engagement("cd", at(2, 1), at(2, 4), CHENGDU)
    flight = Engagement("flight", at(2, 6), at(2, 18), CHENGDU, ROME)
    rome = Engagement("rm", at(3, 7), at(3, 9), ROME)
    assert check_schedule([cd, flight, rome]) == []
    early = Engagement("bo", at(2, 19), at(2, 20), BOLOGNA)  # Rome->Bologna ~300 km
    assert [c.kind for c in check_schedule([cd, flight, early])] == ["travel"]


def test_check_people_keeps_who():
    a = Engagement("a", at(2, 8), at(2, 10))
    b = Engagement("b", at(2, 9), at(2, 11))
    conflicts = check_people({"anna": [a, b], "bo": [a]})
    assert [c.who for c in conflicts] == ["anna"]


def test_travel_after_a_leg_is_measured_from_its_arrival_city():
    """Expected values by hand: after landing in Rome, Rome is 0 km away and Bologna about
    300 km (ground: 1 h + 300/80 h ≈ 4 h 45 min); Chengdu would be over 8,000 km."""
    flight = Engagement("flight", at(2, 6), at(2, 18), CHENGDU, ROME)
    dinner = Engagement("dinner", at(2, 19), at(2, 21), ROME)
    assert check_schedule([flight, dinner]) == [], "landed in Rome: dinner in Rome is fine"
    bologna_next_morning = Engagement("bo", at(3, 1), at(3, 3), BOLOGNA)  # 7 h after landing
    assert check_schedule([flight, bologna_next_morning]) == []
    bologna_soon = Engagement("bo", at(2, 20), at(2, 21), BOLOGNA)  # 2 h after landing
    [conflict] = check_schedule([flight, bologna_soon])
    assert conflict.kind == "travel" and 290 < conflict.distance_km < 310
    assert timedelta(hours=4, minutes=30) < conflict.needed < timedelta(hours=5)
