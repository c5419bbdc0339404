"""Request-level security: headers, cookies, CSRF errors, rate limiting, secret key.

Installed by :func:`init_app` from the app factory.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from flask import Flask, Response, render_template, request
from flask_babel import lazy_gettext as _l
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_wtf.csrf import CSRFError

from accounts.headers import security_headers
from core.error_pages import mark_error_page
from core.secret_key import weakness

DEVELOPMENT_ENVS = frozenset({"development", "testing"})

limiter = Limiter(key_func=get_remote_address, strategy="moving-window")
"""Rate limiter; counters in the database (shared by every worker) unless ``REDIS_URL``
(shared by every host) or ``RATELIMIT_STORAGE_URI`` is set."""


def check_secret_key(config: Any) -> None:
    """Refuse to run outside development without a strong ``SECRET_KEY`` (clear message)."""
    env = config.get("HELIX_ENV", "development")
    problem = weakness(config.get("SECRET_KEY"))
    if env not in DEVELOPMENT_ENVS and problem:
        raise RuntimeError(f"{problem} (HELIX_ENV={env})")


def configure_cookies(app: Flask) -> None:
    """Session and remember-me cookies: HttpOnly, SameSite=Lax; in production also Secure
    and named ``__Host-helix`` (the browser then refuses it without HTTPS or with a Domain).
    """
    production = app.config.get("HELIX_ENV") not in DEVELOPMENT_ENVS
    app.config.setdefault("SESSION_COOKIE_HTTPONLY", True)
    app.config.setdefault("SESSION_COOKIE_SAMESITE", "Lax")
    app.config.setdefault("REMEMBER_COOKIE_HTTPONLY", True)
    app.config.setdefault("REMEMBER_COOKIE_SAMESITE", "Lax")
    if production:
        app.config["SESSION_COOKIE_SECURE"] = True
        app.config["REMEMBER_COOKIE_SECURE"] = True
        if app.config.get("SESSION_COOKIE_NAME") in (None, "session"):
            app.config["SESSION_COOKIE_NAME"] = "__Host-helix"


def configure_trusted_hosts(app: Flask) -> None:
    """In production only the host of ``HELIX_PUBLIC_URL`` is answered (others get 400),
    so a forged Host header never reaches a page or a link."""
    if app.config.get("HELIX_ENV") in DEVELOPMENT_ENVS or app.config.get("TRUSTED_HOSTS"):
        return
    host = urlsplit(str(app.config.get("PUBLIC_URL") or "")).hostname
    if not host:
        raise RuntimeError("HELIX_PUBLIC_URL must be an absolute URL in production")
    app.config["TRUSTED_HOSTS"] = [host]


def configure_limiter(app: Flask) -> None:
    """Bind the limiter: Redis when ``REDIS_URL`` is set, the database otherwise."""
    import accounts.rate_store  # registers the helix-db:// scheme with ``limits``

    if not app.config.get("RATELIMIT_STORAGE_URI"):
        app.config["RATELIMIT_STORAGE_URI"] = (app.config.get("REDIS_URL")
                                               or f"{accounts.rate_store.SCHEME}://")
    app.config.setdefault("RATELIMIT_HEADERS_ENABLED", True)
    limiter.init_app(app)


def add_security_headers(response: Response) -> Response:
    """``after_request``: add the security headers a view did not set itself."""
    https = request.is_secure
    for name, value in security_headers(https=https).items():
        response.headers.setdefault(name, value)
    return response


# Flask-WTF's reasons are English-only; the page shows them in the reader's language.
CSRF_REASONS = {
    "The CSRF token is missing.": _l("The form's security token is missing."),
    "The CSRF session token is missing.": _l(
        "Your session has no security token (cookies may be blocked or the session ended)."),
    "The CSRF token has expired.": _l("The form's security token has expired."),
    "The CSRF token is invalid.": _l("The form's security token is invalid."),
    "The CSRF tokens do not match.": _l(
        "The form's security token does not match your session."),
    "The referrer header is missing.": _l("The browser sent no Referer header."),
    "The referrer does not match the host.": _l("The request came from another site."),
}


def csrf_error(error: CSRFError) -> tuple[str, int]:
    """400 page for a missing or invalid CSRF token; nothing was written."""
    mark_error_page()
    reason = CSRF_REASONS.get(error.description or "", error.description)
    return render_template("accounts/csrf_error.html", reason=reason), 400


def forbidden(error: Exception) -> tuple[str, int]:
    """403 page in the Helix layout: the role may not do this here; nothing was written."""
    mark_error_page()
    return render_template("accounts/forbidden.html"), 403


def rate_limited(error: Exception) -> tuple[str, int]:
    """429 page when too many attempts were made (e.g. sign-in)."""
    mark_error_page()
    return render_template("accounts/rate_limited.html"), 429


def init_app(app: Flask) -> None:
    """Install every request-level protection on ``app``."""
    check_secret_key(app.config)
    configure_cookies(app)
    configure_trusted_hosts(app)
    configure_limiter(app)
    app.after_request(add_security_headers)
    app.register_error_handler(CSRFError, csrf_error)
    app.register_error_handler(403, forbidden)
    app.register_error_handler(429, rate_limited)

