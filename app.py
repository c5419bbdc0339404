"""The Helix application factory."""

from collections.abc import Mapping
from typing import Any

from flask import Flask


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    """Create and configure a Helix application.

    ``config`` overrides the environment-derived settings (tests pass their database URL).
    Each package's ``blueprint.init_app`` registers its blueprint and its contributions
    (home page sections, audit labels, demo loaders, commands) on the app's registry.
    """
    import accounts.blueprint
    import actionplans.blueprint
    import api.blueprint
    import audit.blueprint
    import calendars.blueprint
    import core.blueprint
    import delegates.blueprint
    import events.blueprint
    import followup.blueprint
    import indicators.blueprint
    import invitations.blueprint
    import missions.blueprint
    import organisations.blueprint
    import outbox.blueprint
    import outcomes.blueprint
    import participants.blueprint
    import programme.blueprint
    import registrations.blueprint
    import reports.blueprint
    from core import cli, registry
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
    registry.init_app(app)

    for package in (core.blueprint, accounts.blueprint, audit.blueprint, programme.blueprint,
                    organisations.blueprint, participants.blueprint, missions.blueprint,
                    events.blueprint, outbox.blueprint, invitations.blueprint, outcomes.blueprint,
                    actionplans.blueprint, followup.blueprint, indicators.blueprint,
                    calendars.blueprint, registrations.blueprint, reports.blueprint,
                    delegates.blueprint, api.blueprint):
        package.init_app(app)
    app.after_request(remember_language)
    cli.init_app(app)
    return app
