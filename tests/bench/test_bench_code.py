"""The benchmarks' pure parts: wrk parsing, baselines' configuration, goals, the scale table
and the generated programme's proportions (no server, no wrk)."""

from __future__ import annotations

import pytest

from bench.generate import BENCH_INVITATIONS, INVITATIONS_PER_EVENT, Sizes, plan
from bench.report import (
    goal_lines,
    nginx_conf,
    parse_wrk,
    radicale_conf,
    radicale_items,
    scale_rows,
    scale_table,
    split_calendar,
)

WRK = """Running 5s test @ http://127.0.0.1:8080/feed.ics
  2 threads and 32 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     1.20ms  500.00us  20.00ms   90.00%
  Latency Distribution
     50%    1.18ms
     75%    1.50ms
     90%    2.00ms
     99%   32.17ms
  85803 requests in 5.00s, 2.80GB read
  Socket errors: connect 0, read 2, write 0, timeout 1
  Non-2xx or 3xx responses: 4
Requests/sec:  17160.70
Transfer/sec:    572.00MB
"""

CALENDAR = (b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VTIMEZONE\r\nTZID:Europe/Brussels\r\n"
            b"BEGIN:STANDARD\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n"
            b"BEGIN:VEVENT\r\nUID:a\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:b\r\nEND:VEVENT\r\n"
            b"END:VCALENDAR\r\n")


def test_parse_wrk_reads_rate_errors_and_percentiles() -> None:
    result = parse_wrk(WRK)
    assert result.requests_per_second == 17160.70 and result.requests == 85803
    assert result.errors == 7
    assert result.p50_ms == pytest.approx(1.18) and result.p99_ms == pytest.approx(32.17)


def test_parse_wrk_refuses_output_without_a_summary() -> None:
    with pytest.raises(ValueError):
        parse_wrk("unable to connect to 127.0.0.1:8080 Connection refused")


def test_baseline_configurations_stay_in_their_directory() -> None:
    conf = nginx_conf("/tmp/x/www", 8123, "/tmp/x")
    assert "listen 127.0.0.1:8123;" in conf and "root /tmp/x/www;" in conf
    assert "pid /tmp/x/nginx.pid;" in conf and "/var/" not in conf
    radicale = radicale_conf("/tmp/x/radicale", 8124)
    assert "hosts = 127.0.0.1:8124" in radicale
    assert "filesystem_folder = /tmp/x/radicale" in radicale


def test_radicale_items_are_one_calendar_per_event_with_its_zones() -> None:
    zones, events = split_calendar(CALENDAR)
    assert len(zones) == 1 and [e.split(b"\r\n")[1] for e in events] == [b"UID:a", b"UID:b"]
    items = radicale_items(CALENDAR)
    assert len(items) == 2
    for item in items:
        assert item.startswith(b"BEGIN:VCALENDAR\r\n") and item.endswith(b"END:VCALENDAR\r\n")
        assert item.count(b"BEGIN:VTIMEZONE") == 1 and item.count(b"BEGIN:VEVENT") == 1


def test_goal_lines_say_met_not_met_and_not_measured() -> None:
    lines = goal_lines({"feed": 5000.0, "nginx": 10000.0, "radicale": 500.0})
    assert "0.50x" in lines[0] and " met " in lines[0]
    assert "10.00x" in lines[1] and "NOT met" in lines[1]
    assert "not measured" in lines[2]


def test_scale_table_flags_growth_and_changed_statement_counts() -> None:
    small = {"feed": (0.010, 3), "list": (0.020, 5), "month": (0.010, 1)}
    large = {"feed": (0.012, 3), "list": (0.400, 5), "month": (0.011, 2)}
    rows = scale_rows(small, large)
    assert [(page, round(ratio, 1)) for page, ratio, *_ in rows] == [
        ("feed", 1.2), ("list", 20.0), ("month", 1.1)]
    table = scale_table(rows, 1000, 100_000)
    flagged = [line.split()[0] for line in table if line.endswith("<-")]
    assert flagged == ["list", "month"]
    assert table[-1].startswith("worst ratio: 20.00x (list)")


def test_generated_programme_grows_in_proportion_and_keeps_the_personal_feed_fixed() -> None:
    for events in (200, 1000):
        rows = plan(events)
        sizes = Sizes.of(events)
        assert len(rows["event"]) == events and len(rows["participant"]) == sizes.participants
        assert len(rows["invitation"]) == events * INVITATIONS_PER_EVENT
        pairs = {(i["event_id"], i["participant_id"]) for i in rows["invitation"]}
        assert len(pairs) == len(rows["invitation"])  # one invitation per person and event
        mine = [i for i in rows["invitation"] if i["participant_id"] == 1]
        assert len(mine) == BENCH_INVITATIONS
        assert all(e["ends_at"] > e["starts_at"] for e in rows["event"])
        assert {r["participant_id"] for r in rows["delegation_member"]} <= set(
            range(2, sizes.participants + 1))
    assert plan(300) == plan(300)  # seeded: the same programme every run
