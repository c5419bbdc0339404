"""Pure tests of the XSS corpus and its detectors."""

from __future__ import annotations

import pytest
from markupsafe import escape

from tests.security.xss_corpus import (
    ICAL_INJECTION,
    PAYLOADS,
    check_corpus,
    dangerous_urls,
    ical_injected,
    payload_for,
    unescaped_payloads,
)


def test_corpus_is_detectable() -> None:
    check_corpus()
    markers = [f"hx{i}" for i in range(len(PAYLOADS))]
    for marker, payload in zip(markers, PAYLOADS, strict=True):
        assert marker in payload
    with pytest.raises(ValueError):
        check_corpus(["javascript:alert(1)"])


@pytest.mark.parametrize("payload", PAYLOADS)
def test_escaped_payload_is_not_reported(payload: str) -> None:
    page = f"<p>{escape(payload)}</p><input value=\"{escape(payload)}\">"
    assert unescaped_payloads(page) == []
    assert unescaped_payloads(f"<p>{payload}</p>") == [payload]


def test_truncated_output_is_detected() -> None:
    for payload in PAYLOADS:
        assert unescaped_payloads(f"<p>{payload[:20]}…</p>") == [payload]


def test_cut_payloads_stay_detectable() -> None:
    for index in range(len(PAYLOADS)):
        cut = payload_for(index, max_length=12)
        assert len(cut) <= 12
        assert unescaped_payloads(f"<p>{cut}</p>", [cut]) == [cut]
        assert unescaped_payloads(f"<p>{escape(cut)}</p>", [cut]) == []


def test_dangerous_urls() -> None:
    assert dangerous_urls('<a href="javascript:alert(1)">x</a>')
    assert dangerous_urls("<a HREF = ' JavaScript:alert(1)'>x</a>")
    assert dangerous_urls('<img src="data:text/html,x">')
    assert not dangerous_urls('<a href="https://example.org/javascript:">x</a>')
    assert not dangerous_urls("<p>javascript:alert(1)</p>")


def test_ical_injection_detector() -> None:
    assert ical_injected("BEGIN:VEVENT\r\nX-HX-INJECTED:1\r\nEND:VEVENT")
    assert not ical_injected("SUMMARY:hx-cal\\nX-HX-INJECTED:1")
    assert "\r\n" in ICAL_INJECTION
