"""Pure tests of the security headers."""

from __future__ import annotations

from accounts.headers import content_security_policy, security_headers


def test_csp_forbids_inline_and_foreign_sources() -> None:
    csp = content_security_policy()
    assert "script-src 'self'" in csp
    assert "style-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert "unsafe-eval" not in csp
    assert "object-src 'none'" in csp
    assert "frame-ancestors 'none'" in csp


def test_hsts_only_over_https() -> None:
    assert "Strict-Transport-Security" not in security_headers(https=False)
    headers = security_headers(https=True)
    assert headers["Strict-Transport-Security"].startswith("max-age=")
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"
