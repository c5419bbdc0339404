"""Every URL of the reports area (under ``/reports``)."""

from flask import Blueprint, Flask

from reports import generation, views
from reports.queries import Scope

bp = Blueprint("reports", __name__, url_prefix="/reports")

mission = views.scope_views(Scope.MISSION)
event = views.scope_views(Scope.EVENT)
city = views.scope_views(Scope.CITY)
partnership = views.scope_views(Scope.PARTNERSHIP)
theme = views.scope_views(Scope.THEME)

bp.add_url_rule("/", view_func=views.index)
bp.add_url_rule("/dashboard", view_func=views.dashboard)
bp.add_url_rule("/missions/<int:mission_id>", "mission", mission.page)
bp.add_url_rule("/missions/<int:mission_id>.json", "mission_json", mission.data)
bp.add_url_rule("/missions/<int:mission_id>.csv", "mission_csv", mission.csv)
bp.add_url_rule("/events/<int:event_id>", "event", event.page)
bp.add_url_rule("/events/<int:event_id>.json", "event_json", event.data)
bp.add_url_rule("/events/<int:event_id>.csv", "event_csv", event.csv)
bp.add_url_rule("/cities/<int:city_id>", "city", city.page)
bp.add_url_rule("/cities/<int:city_id>.json", "city_json", city.data)
bp.add_url_rule("/cities/<int:city_id>.csv", "city_csv", city.csv)
bp.add_url_rule("/partnerships/<int:partnership_id>", "partnership", partnership.page)
bp.add_url_rule("/partnerships/<int:partnership_id>.json", "partnership_json",
                partnership.data)
bp.add_url_rule("/partnerships/<int:partnership_id>.csv", "partnership_csv", partnership.csv)
bp.add_url_rule("/themes/<int:theme_id>", "theme", theme.page)
bp.add_url_rule("/themes/<int:theme_id>.json", "theme_json", theme.data)
bp.add_url_rule("/themes/<int:theme_id>.csv", "theme_csv", theme.csv)


def init_app(app: Flask) -> None:
    """Register the blueprint; keep the aggregates' generation (:mod:`reports.generation`)."""
    app.register_blueprint(bp)
    generation.install(app)
