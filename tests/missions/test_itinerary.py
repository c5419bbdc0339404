"""missions.itinerary: days grouped by venue-local dates."""

from dataclasses import dataclass
from datetime import UTC, date, datetime

from missions.itinerary import build_itinerary


@dataclass
class Ev:
    name: str
    starts_at: datetime
    ends_at: datetime
    timezone: str


@dataclass
class Leg:
    name: str
    departs_at: datetime
    departure_timezone: str
    arrives_at: datetime
    arrival_timezone: str


@dataclass
class Stay:
    name: str
    check_in: date
    check_out: date


def utc(month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2018, month, day, hour, minute, tzinfo=UTC)


def test_events_group_by_venue_local_date_not_utc():
    # 23:30 UTC on 2 July is already 3 July 07:30 in Chongqing.
    early_china = Ev("cq", utc(7, 2, 23, 30), utc(7, 3, 1), "Asia/Shanghai")
    rome = Ev("rome", utc(7, 2, 8), utc(7, 2, 10), "Europe/Rome")
    days = build_itinerary([early_china, rome])
    assert [(d.date, [e.item.name for e in d.entries]) for d in days] == [
        (date(2018, 7, 2), ["rome"]),
        (date(2018, 7, 3), ["cq"]),
    ]
    entry = days[1].entries[0]
    assert (entry.start.hour, entry.start.minute, entry.start.tzname()) == (7, 30, "CST")


def test_event_crossing_midnight_stays_on_its_start_date():
    dinner = Ev("dinner", utc(7, 3, 20), utc(7, 3, 23), "Europe/Rome")  # 22:00-01:00 CEST
    (day,) = build_itinerary([dinner])
    assert day.date == date(2018, 7, 3)
    assert day.entries[0].end_day_offset == 1


def test_overnight_flight_appears_on_departure_and_arrival_dates():
    flight = Leg("CA940", utc(7, 1, 19, 40), "Europe/Rome", utc(7, 2, 5, 30), "Asia/Shanghai")
    days = build_itinerary(legs=[flight])
    assert [(d.date, [e.kind for e in d.entries]) for d in days] == [
        (date(2018, 7, 1), ["leg"]),
        (date(2018, 7, 2), ["arrival"]),
    ]
    leg = days[0].entries[0]
    assert (leg.start.hour, leg.start.minute) == (21, 40)  # CEST
    assert (leg.end.hour, leg.end.minute, leg.end_day_offset) == (13, 30, 1)  # CST


def test_eastbound_date_line_arrival_is_on_an_earlier_date():
    # Beijing 3 July 09:00 CST -> Los Angeles 2 July 06:00 PDT.
    flight = Leg("CA983", utc(7, 3, 1), "Asia/Shanghai", utc(7, 2, 13), "America/Los_Angeles")
    days = build_itinerary(legs=[flight])
    assert [(d.date, [e.kind for e in d.entries]) for d in days] == [
        (date(2018, 7, 2), ["arrival"]),
        (date(2018, 7, 3), ["leg"]),
    ]
    assert days[1].entries[0].end_day_offset == -1


def test_same_day_leg_has_one_entry_and_order_within_a_day():
    train = Leg("G1", utc(7, 4, 1), "Asia/Shanghai", utc(7, 4, 3), "Asia/Shanghai")
    meeting = Ev("meeting", utc(7, 4, 6), utc(7, 4, 8), "Asia/Shanghai")
    breakfast = Ev("breakfast", utc(7, 4, 0), utc(7, 4, 0, 45), "Asia/Shanghai")
    hotel_a = Stay("A", date(2018, 7, 2), date(2018, 7, 4))
    hotel_b = Stay("B", date(2018, 7, 4), date(2018, 7, 6))
    days = build_itinerary([meeting, breakfast], [train], [hotel_a, hotel_b])
    day = next(d for d in days if d.date == date(2018, 7, 4))
    assert [(e.kind, e.item.name) for e in day.entries] == [
        ("check_out", "A"),
        ("event", "breakfast"),
        ("leg", "G1"),
        ("event", "meeting"),
        ("check_in", "B"),
    ]
    assert [s.name for s in day.lodging] == ["B"]
    assert [s.name for s in days[0].lodging] == ["A"]


def test_mission_dates_fill_empty_days():
    rome = Ev("rome", utc(7, 3, 8), utc(7, 3, 10), "Europe/Rome")
    days = build_itinerary([rome], first_day=date(2018, 7, 2), last_day=date(2018, 7, 4))
    assert [d.date.day for d in days] == [2, 3, 4]
    assert days[0].is_empty and not days[1].is_empty


def test_spring_forward_day_keeps_wall_times():
    # 25 March 2018 in Rome: an event at 01:30 CET and one at 03:30 CEST.
    before = Ev("before", utc(3, 25, 0, 30), utc(3, 25, 0, 50), "Europe/Rome")
    after = Ev("after", utc(3, 25, 1, 30), utc(3, 25, 2), "Europe/Rome")
    (day,) = build_itinerary([after, before])
    assert [(e.start.strftime("%H:%M %Z")) for e in day.entries] == ["01:30 CET", "03:30 CEST"]
