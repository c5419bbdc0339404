"""core.timefmt: UTC <-> venue-local conversions, gaps and repeats."""

from datetime import UTC, datetime

import pytest

from core.timefmt import (
    AmbiguousTimeError,
    LocalTimeError,
    NonexistentTimeError,
    local_to_utc,
    to_local,
)


def test_winter_and_summer_offsets_in_rome():
    assert local_to_utc(datetime(2018, 1, 15, 10, 0), "Europe/Rome") == datetime(
        2018, 1, 15, 9, 0, tzinfo=UTC
    )
    assert local_to_utc(datetime(2018, 7, 16, 10, 0), "Europe/Rome") == datetime(
        2018, 7, 16, 8, 0, tzinfo=UTC
    )


def test_china_has_no_dst():
    for month in (1, 7):
        local = datetime(2018, month, 10, 9, 0)
        assert local_to_utc(local, "Asia/Shanghai").hour == 1


def test_spring_gap_is_refused_last_sunday_of_march():
    # 25 March 2018 was the last Sunday of March: 02:00 -> 03:00 in Rome.
    with pytest.raises(NonexistentTimeError) as info:
        local_to_utc(datetime(2018, 3, 25, 2, 30), "Europe/Rome")
    assert isinstance(info.value, LocalTimeError)
    assert "does not exist" in str(info.value)
    assert info.value.tz_name == "Europe/Rome"


def test_autumn_repeat_is_refused_last_sunday_of_october():
    # 28 October 2018: 03:00 CEST -> 02:00 CET, so 02:30 happens twice.
    with pytest.raises(AmbiguousTimeError) as info:
        local_to_utc(datetime(2018, 10, 28, 2, 30), "Europe/Rome")
    assert "twice" in str(info.value)


def test_times_next_to_the_switches_convert():
    assert local_to_utc(datetime(2018, 3, 25, 1, 59), "Europe/Rome") == datetime(
        2018, 3, 25, 0, 59, tzinfo=UTC
    )
    assert local_to_utc(datetime(2018, 3, 25, 3, 0), "Europe/Rome") == datetime(
        2018, 3, 25, 1, 0, tzinfo=UTC
    )
    assert local_to_utc(datetime(2018, 10, 28, 3, 0), "Europe/Rome") == datetime(
        2018, 10, 28, 2, 0, tzinfo=UTC
    )


def test_to_local_round_trip_and_abbreviations():
    instant = datetime(2018, 7, 2, 8, 0, tzinfo=UTC)
    rome = to_local(instant, "Europe/Rome")
    beijing = to_local(instant, "Asia/Shanghai")
    assert (rome.hour, rome.tzname()) == (10, "CEST")
    assert (beijing.hour, beijing.tzname()) == (16, "CST")
    assert local_to_utc(rome.replace(tzinfo=None), "Europe/Rome") == instant


def test_naive_and_aware_inputs_are_rejected():
    with pytest.raises(ValueError):
        to_local(datetime(2018, 7, 2, 8, 0), "Europe/Rome")
    with pytest.raises(ValueError):
        local_to_utc(datetime(2018, 7, 2, 8, 0, tzinfo=UTC), "Europe/Rome")
