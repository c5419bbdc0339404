"""User accounts, sign-in, roles and the permission check every write goes through."""

from flask import Flask
from flask_babel import lazy_gettext as _l

from accounts import user_views  # noqa: F401  (registers the user administration routes)
from accounts.views import bp

__all__ = ["bp", "init_app"]


def init_app(app: Flask) -> None:
    """Install security headers, CSRF error page, rate limits and the account commands."""
    from accounts import cli  # noqa: F401  (registers `helix create-user`, `demo-accounts`)
    from accounts.roles import role_label
    from accounts.security import init_app as init_security
    from core.extensions import login_manager

    init_security(app)
    login_manager.login_message = _l("Please sign in to see this page.")
    login_manager.login_message_category = "info"
    app.jinja_env.globals["role_label"] = role_label
