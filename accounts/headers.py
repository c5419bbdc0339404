"""Security headers and the Content-Security-Policy (pure; no Flask import).

Helix pages load scripts, styles, fonts and images from the same origin only
(Bootstrap is vendored in ``static/vendor/``), so the policy allows ``'self'`` and
nothing inline: no ``<script>`` bodies, no ``style=""`` attributes, no ``on*=`` handlers.
"""

from __future__ import annotations

from collections.abc import Mapping

CSP_DIRECTIVES: Mapping[str, str] = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "font-src": "'self'",
    "connect-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}
"""Directive → sources. ``data:`` images are Bootstrap's inline SVG icons in its CSS."""


def content_security_policy(directives: Mapping[str, str] = CSP_DIRECTIVES) -> str:
    """Serialise CSP directives into a header value."""
    return "; ".join(f"{name} {sources}" for name, sources in directives.items())


def security_headers(https: bool) -> dict[str, str]:
    """Headers every Helix response carries. HSTS only when served over HTTPS."""
    headers = {
        "Content-Security-Policy": content_security_policy(),
        "X-Content-Type-Options": "nosniff",
        "X-Frame-Options": "DENY",
        "Referrer-Policy": "strict-origin-when-cross-origin",
        "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
        "Cross-Origin-Opener-Policy": "same-origin",
    }
    if https:
        headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains"
    return headers
