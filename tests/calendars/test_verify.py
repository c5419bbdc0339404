"""tests.calendars.verify: the byte checks catch what they claim to, the parsers reject junk."""

from __future__ import annotations

import pytest

from tests.calendars.verify import (
    byte_problems,
    libical_available,
    libical_problems,
    node_available,
    parse_with_icaljs,
)

GOOD = b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n"


def test_good_bytes_pass() -> None:
    assert byte_problems(GOOD) == []


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"\xef\xbb\xbf" + GOOD, "BOM"),
        (GOOD.replace(b"\r\n", b"\n"), "CRLF"),
        (GOOD.replace(b"VERSION:2.0", b"SUMMARY:" + b"x" * 80), "octets"),
        (
            GOOD.replace(
                b"VERSION:2.0", "SUMMARY:重".encode()[:-1] + b"\r\n " + "重".encode()[-1:]
            ),
            "inside a character",
        ),
        (GOOD.replace(b"VERSION:2.0", b"SUMMARY:\xff"), "UTF-8"),
        (GOOD[:-15], "END:VCALENDAR"),
    ],
)
def test_bad_bytes_are_reported(data: bytes, problem: str) -> None:
    assert any(problem in p for p in byte_problems(data))


@pytest.mark.skipif(not node_available(), reason="ical.js not installed (make test)")
def test_icaljs_rejects_junk() -> None:
    with pytest.raises(RuntimeError, match="ical.js"):
        parse_with_icaljs(b"BEGIN:VCALENDAR\r\nthis is not ical\r\n")


@pytest.mark.skipif(not libical_available(), reason="libical GObject bindings not installed")
def test_libical_reports_missing_dtstamp() -> None:
    data = (
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nMETHOD:PUBLISH\r\nBEGIN:VEVENT\r\n"
        b"UID:a\r\nDTSTART:20260101T100000Z\r\nSUMMARY:x\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    assert any("DTSTAMP" in p for p in libical_problems(data))
