"""events.slots: common working hours across zones and DST changes."""

from datetime import UTC, date, datetime, time, timedelta

import pytest

from events.slots import (
    Slot,
    WorkingHours,
    Workplace,
    find_slots,
    intersect,
    subtract,
    working_intervals,
)
from events.workdays import official_days

ROME, LIUZHOU = "Europe/Rome", "Asia/Shanghai"


def rome_hours(slots: list[Slot]) -> list[tuple[date, str, str]]:
    rows = []
    for slot in slots:
        start, end = slot.local(ROME)
        rows.append((start.date(), f"{start:%H:%M}", f"{end:%H:%M}"))
    return rows


def test_rome_liuzhou_winter_two_hours():
    slots = find_slots([ROME, LIUZHOU], date(2018, 1, 15), date(2018, 1, 19))
    assert rome_hours(slots) == [(date(2018, 1, d), "09:00", "11:00") for d in range(15, 20)]
    start, end = slots[0].local(LIUZHOU)
    assert (f"{start:%H:%M}", f"{end:%H:%M}") == ("16:00", "18:00")


def test_rome_liuzhou_summer_three_hours():
    slots = find_slots([ROME, LIUZHOU], date(2018, 7, 2), date(2018, 7, 6))
    assert rome_hours(slots) == [(date(2018, 7, d), "09:00", "12:00") for d in range(2, 7)]
    assert all(s.duration == timedelta(hours=3) for s in slots)


def test_week_across_the_march_switch():
    # Friday 23 March is winter time, Monday 26 March summer time.
    slots = find_slots([ROME, LIUZHOU], date(2018, 3, 23), date(2018, 3, 26))
    assert rome_hours(slots) == [
        (date(2018, 3, 23), "09:00", "11:00"),
        (date(2018, 3, 26), "09:00", "12:00"),
    ]


def test_week_across_the_october_switch():
    slots = find_slots([ROME, LIUZHOU], date(2018, 10, 26), date(2018, 10, 29))
    assert rome_hours(slots) == [
        (date(2018, 10, 26), "09:00", "12:00"),
        (date(2018, 10, 29), "09:00", "11:00"),
    ]


def test_reference_zone_order_does_not_change_slots():
    a = find_slots([ROME, LIUZHOU], date(2018, 7, 2), date(2018, 7, 3), reference_tz=ROME)
    b = find_slots([LIUZHOU, ROME], date(2018, 7, 2), date(2018, 7, 3), reference_tz=ROME)
    assert a == b


def test_weekend_in_one_city_blocks_the_day():
    # Monday morning in Auckland is Sunday afternoon in Los Angeles: no overlap there.
    slots = find_slots(
        ["Pacific/Auckland", "America/Los_Angeles"],
        date(2018, 7, 9),
        date(2018, 7, 9),
        reference_tz="Pacific/Auckland",
        min_duration=timedelta(minutes=30),
    )
    assert slots == []
    # Tuesday morning in Auckland is Monday afternoon in Los Angeles.
    slots = find_slots(
        ["Pacific/Auckland", "America/Los_Angeles"],
        date(2018, 7, 10),
        date(2018, 7, 10),
        reference_tz="Pacific/Auckland",
        min_duration=timedelta(minutes=30),
    )
    assert len(slots) == 1
    start, _ = slots[0].local("America/Los_Angeles")
    assert start.weekday() == 0


def test_no_common_hours_and_min_duration():
    # Rome 09-18 CEST is 07-16 UTC; Los Angeles 09-18 PDT is 16-01 UTC: they only touch.
    assert find_slots([ROME, "America/Los_Angeles"], date(2018, 7, 2), date(2018, 7, 2)) == []
    assert (
        find_slots(
            [ROME, LIUZHOU], date(2018, 1, 15), date(2018, 1, 15), min_duration=timedelta(hours=3)
        )
        == []
    )


def test_custom_hours_per_zone():
    early_china = WorkingHours(time(8, 0), time(17, 0))
    slots = find_slots(
        [ROME, Workplace(LIUZHOU, early_china)], date(2018, 7, 2), date(2018, 7, 2)
    )
    assert rome_hours(slots) == [(date(2018, 7, 2), "09:00", "11:00")]


def test_bad_arguments():
    with pytest.raises(ValueError):
        find_slots([], date(2018, 7, 2), date(2018, 7, 2))
    with pytest.raises(ValueError):
        find_slots([ROME], date(2018, 7, 3), date(2018, 7, 2))
    with pytest.raises(ValueError):
        WorkingHours(time(18), time(9))


def test_working_intervals_on_switch_days():
    hours = WorkingHours(time(1, 0), time(4, 0), frozenset(range(7)))
    spring = working_intervals(ROME, date(2018, 3, 25), date(2018, 3, 25), hours)
    assert spring[0][1] - spring[0][0] == timedelta(hours=2)
    autumn = working_intervals(ROME, date(2018, 10, 28), date(2018, 10, 28), hours)
    assert autumn[0][1] - autumn[0][0] == timedelta(hours=4)


def test_intersect():
    t = lambda h: datetime(2018, 7, 2, h, tzinfo=UTC)  # noqa: E731
    assert intersect([(t(1), t(5)), (t(7), t(9))], [(t(4), t(8))]) == [
        (t(4), t(5)),
        (t(7), t(8)),
    ]


def test_busy_time_is_taken_out():
    # The delegation flies Beijing 13:30 CST -> Rome 19:00 CEST on 8 July 2018: a
    # Sunday both cities are asked to work here, so only the flight can keep 09:00 Rome out.
    every_day = WorkingHours(weekdays=frozenset(range(7)))
    flight = (datetime(2018, 7, 8, 5, 30, tzinfo=UTC), datetime(2018, 7, 8, 17, 0, tzinfo=UTC))
    places = [Workplace(ROME, every_day), Workplace(LIUZHOU, every_day)]
    free = find_slots(places, date(2018, 7, 8), date(2018, 7, 8))
    assert rome_hours(free) == [(date(2018, 7, 8), "09:00", "12:00")]
    assert find_slots(places, date(2018, 7, 8), date(2018, 7, 8), busy=[flight]) == []
    meeting = (datetime(2018, 7, 8, 8, 0, tzinfo=UTC), datetime(2018, 7, 8, 8, 30, tzinfo=UTC))
    split = find_slots(places, date(2018, 7, 8), date(2018, 7, 8), busy=[meeting],
                       min_duration=timedelta(minutes=30))
    assert rome_hours(split) == [(date(2018, 7, 8), "09:00", "10:00"),
                                 (date(2018, 7, 8), "10:30", "12:00")]


def test_subtract_overlapping_busy_intervals():
    t = [datetime(2018, 7, 2, h, tzinfo=UTC) for h in range(10)]
    assert subtract([(t[1], t[5]), (t[6], t[9])], [(t[4], t[7]), (t[0], t[2]), (t[3], t[4])]) == [
        (t[2], t[3]), (t[7], t[9])]


def _workplace(tz_name: str, country: str, first: date, last: date) -> Workplace:
    facts = official_days(country, first, last)
    return Workplace(tz_name, days_off=facts.off, days_on=facts.on)


def test_china_adjusted_working_saturday_and_holiday_weekday():
    # 2024: Sunday 4 February and Saturday 12 October were worked (调休); Wednesday 2
    # October was a National Day holiday.
    first, last = date(2024, 9, 30), date(2024, 10, 13)
    beijing = _workplace(LIUZHOU, "CN", first, last)
    days = {start.date() for start, _ in working_intervals(beijing, first, last)}
    assert date(2024, 10, 12) in days and date(2024, 10, 2) not in days
    assert date(2024, 10, 11) in days and date(2024, 10, 13) not in days
    assert official_days("cn", date(2024, 2, 4), date(2024, 2, 4)).on == {date(2024, 2, 4)}


def test_china_falls_back_to_holidays_outside_chinesecalendar_years():
    # chinesecalendar starts in 2004: 1 October 2003 (Wednesday) is National Day anyway.
    facts = official_days("CN", date(2003, 10, 1), date(2003, 10, 7))
    assert date(2003, 10, 1) in facts.off


def test_italian_holiday_skipped_for_rome_only():
    # Wednesday 26 December 2018, St Stephen's Day in Italy, a working day in China.
    first = last = date(2018, 12, 26)
    rome = _workplace(ROME, "IT", first, last)
    assert working_intervals(rome, first, last) == []
    assert working_intervals(_workplace(LIUZHOU, "CN", first, last), first, last)
    assert find_slots([rome, LIUZHOU], first, last) == []
    assert official_days("XX", first, last) == official_days(None, first, last)
