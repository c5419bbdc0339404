"""The Helix application factory."""

from collections.abc import Mapping
from typing import Any

from flask import Flask


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    """Create and configure a Helix application.

    ``config`` overrides the environment-derived settings (tests pass their database URL).
    """
    from core import cli, error_pages, templating
    from core.config import INSTANCE, from_environment
    from core.extensions import babel, csrf, db, login_manager, migrate
    from core.i18n import remember_language, select_locale, select_timezone

    app = Flask(__name__, instance_path=str(INSTANCE))
    app.config.from_mapping(from_environment())
    if config:
        app.config.from_mapping(config)

    db.init_app(app)
    migrate.init_app(app, db, directory=str(app.root_path + "/migrations"),
                     render_as_batch=True, compare_type=True)
    babel.init_app(app, locale_selector=select_locale, timezone_selector=select_timezone)
    csrf.init_app(app)
    login_manager.init_app(app)
    login_manager.login_view = "accounts.login"

    import accounts
    import audit
    import calendars
    import core.views
    import events
    import missions
    import participants
    import programme
    import reports

    for package in (core.views, accounts, programme, participants, missions, events,
                    calendars, reports):
        app.register_blueprint(package.bp)
    accounts.init_app(app)
    audit.init_app(app)
    calendars.init_app(app)
    templating.register(app)
    error_pages.register(app)
    app.after_request(remember_language)
    app.cli.add_command(cli.helix)
    return app
