"""The demo's plausible visa facts: who needs one, and how they are dated."""

from datetime import date

from missions.visas import demo_visa

START = date(2017, 6, 12)


def test_a_past_crossing_trip_had_its_visa_before_departure() -> None:
    facts = demo_visa("incoming", "member", "china", {"eu"}, START, date(2026, 1, 1))
    assert facts.status == "issued"
    assert facts.letter_requested_on < facts.letter_sent_on < facts.visa_issued_on < START


def test_a_trip_to_come_still_needs_its_visa() -> None:
    assert demo_visa("outgoing", "member", "eu", {"china"}, START, date(2017, 1, 1)).status == (
        "needed")


def test_hosts_locals_online_and_international_staff_need_none() -> None:
    today = date(2026, 1, 1)
    assert demo_visa("incoming", "host", "china", {"eu"}, START, today).status == "not_needed"
    assert demo_visa("incoming", "member", "eu", {"eu"}, START, today).status == "not_needed"
    assert demo_visa("online", "member", "china", {"eu"}, START, today).status == "not_needed"
    assert demo_visa("incoming", "member", "international", {"eu"}, START,
                     today).status == "not_needed"
