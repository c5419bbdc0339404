"""Local wall times ↔ UTC across the European DST switches and the China offset."""

from datetime import UTC, datetime

import pytest

from core.timefmt import (
    AmbiguousTimeError,
    NonexistentTimeError,
    UnknownTimeZoneError,
    is_valid_zone,
    local_to_utc,
    to_local,
    zone_abbreviation,
)


def test_winter_and_summer_offsets_for_rome() -> None:
    assert local_to_utc(datetime(2020, 1, 15, 10, 0), "Europe/Rome") == datetime(
        2020, 1, 15, 9, 0, tzinfo=UTC)
    assert local_to_utc(datetime(2020, 7, 15, 10, 0), "Europe/Rome") == datetime(
        2020, 7, 15, 8, 0, tzinfo=UTC)


def test_china_has_no_dst() -> None:
    for month in (1, 7):
        assert local_to_utc(datetime(2020, month, 15, 17, 0), "Asia/Shanghai").hour == 9


def test_spring_forward_gap_is_an_error() -> None:
    # Last Sunday of March 2020: clocks jump from 02:00 to 03:00 in Europe.
    with pytest.raises(NonexistentTimeError):
        local_to_utc(datetime(2020, 3, 29, 2, 30), "Europe/Berlin")


def test_fall_back_repeat_is_an_error_unless_fold_given() -> None:
    # Last Sunday of October 2020: 02:00–03:00 happens twice.
    local = datetime(2020, 10, 25, 2, 30)
    with pytest.raises(AmbiguousTimeError):
        local_to_utc(local, "Europe/Madrid")
    assert local_to_utc(local, "Europe/Madrid", fold=0) == datetime(2020, 10, 25, 0, 30, tzinfo=UTC)
    assert local_to_utc(local, "Europe/Madrid", fold=1) == datetime(2020, 10, 25, 1, 30, tzinfo=UTC)


def test_unknown_zone() -> None:
    assert not is_valid_zone("Europe/Atlantis")
    with pytest.raises(UnknownTimeZoneError):
        local_to_utc(datetime(2020, 1, 1, 9, 0), "Europe/Atlantis")


def test_naive_instant_refused() -> None:
    with pytest.raises(ValueError):
        to_local(datetime(2020, 1, 1, 9, 0), "Asia/Shanghai")


def test_crossing_midnight_and_date_difference() -> None:
    # A 10:00 Brussels webinar on 3 December 2020 is 17:00 the same day in Chongqing;
    # a 20:00 Brussels call is already the next day in China.
    start = local_to_utc(datetime(2020, 12, 3, 20, 0), "Europe/Brussels")
    assert to_local(start, "Asia/Shanghai").date().day == 4
    assert to_local(start, "Asia/Shanghai").hour == 3


@pytest.mark.parametrize(("month", "expected"), [(1, "CET"), (7, "CEST")])
def test_abbreviations(month: int, expected: str) -> None:
    instant = datetime(2020, month, 1, 12, 0, tzinfo=UTC)
    assert zone_abbreviation(instant, "Europe/Rome") == expected
    assert zone_abbreviation(instant, "Asia/Shanghai") == "CST"
