"""The accounts blueprint: sign-in, the own account, user administration; the security
headers, rate limits, session loader, account commands and template helpers."""

from flask import Blueprint, Flask
from flask_babel import lazy_gettext as _l

from accounts.cli import create_user_command, demo_accounts_command, print_demo_accounts
from accounts.navigation import can_do, nav_items
from accounts.roles import role_label
from accounts.security import init_app as init_security
from accounts.views.sign_in import account, load_user, login, logout, password, settings
from accounts.views.tokens import token_revoke, tokens
from accounts.views.users import user_edit, user_new, users
from core.extensions import login_manager
from core.registry import registry_of

bp = Blueprint("accounts", __name__)

ROUTES = [
    ("/login", login, ["GET", "POST"]),
    ("/logout", logout, ["POST"]),
    ("/account/", account, ["GET"]),
    ("/account/password", password, ["GET", "POST"]),
    ("/account/tokens", tokens, ["GET", "POST"]),
    ("/account/tokens/<int:token_id>/revoke", token_revoke, ["POST"]),
    ("/account/settings", settings, ["POST"]),
    ("/admin/users/", users, ["GET"]),
    ("/admin/users/new", user_new, ["GET", "POST"]),
    ("/admin/users/<int:user_id>/edit", user_edit, ["GET", "POST"]),
]
for rule, view, methods in ROUTES:
    bp.add_url_rule(rule, view_func=view, methods=methods)


def init_app(app: Flask) -> None:
    """Register the blueprint; install security headers, CSRF error page, rate limits, the
    session loader, the account commands and the template helpers."""
    app.register_blueprint(bp)
    init_security(app)
    login_manager.login_view = "accounts.login"
    login_manager.login_message = _l("Please sign in to see this page.")
    login_manager.login_message_category = "info"
    login_manager.user_loader(load_user)
    app.jinja_env.globals.update(role_label=role_label, can_do=can_do, nav_items=nav_items)
    registry = registry_of(app)
    registry.add_command(create_user_command)
    registry.add_command(demo_accounts_command)
    registry.provide("demo.print_accounts", print_demo_accounts)
    registry.add_field_labels({"scopes": _l("Access"), "revoked_at": _l("Revoked")})
