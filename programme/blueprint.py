"""The programme blueprint: cities and partnerships pages, the lookups of cities other
packages link to, audit names of cities and themes, the demo's reference data."""

from collections.abc import Iterable

from flask import Blueprint, Flask
from sqlalchemy import select

from core.extensions import db
from core.labels import SIDES
from core.registry import Lookup, registry_of
from programme import reference_admin as admin
from programme.choices import city_choices
from programme.city_forms import AUDIT_LABELS
from programme.demo import database_is_empty, load_reference_data
from programme.models import City, Theme
from programme.partnership_admin import (
    partnership_archive,
    partnership_create,
    partnership_edit,
    register_labels,
)
from programme.views import cities, city, partnership, partnerships

bp = Blueprint("programme", __name__)

ROUTES = [
    ("/cities/", cities, ["GET"]),
    ("/cities/<slug>", city, ["GET"]),
    ("/partnerships/", partnerships, ["GET"]),
    ("/partnerships/<int:partnership_id>", partnership, ["GET"]),
    ("/partnerships/new", partnership_create, ["GET", "POST"]),
    ("/partnerships/<int:partnership_id>/edit", partnership_edit, ["GET", "POST"]),
    ("/partnerships/<int:partnership_id>/archive", partnership_archive, ["POST"]),
    ("/cities/new", admin.city_create, ["GET", "POST"]),
    ("/cities/<slug>/edit", admin.city_edit, ["GET", "POST"]),
    ("/cities/<slug>/archive", admin.city_archive, ["POST"]),
    ("/cities/<slug>/restore", admin.city_restore, ["POST"]),
    ("/themes/", admin.themes, ["GET"]),
    ("/themes/new", admin.theme_create, ["GET", "POST"]),
    ("/themes/<slug>/edit", admin.theme_edit, ["GET", "POST"]),
    ("/themes/<slug>/archive", admin.theme_archive, ["POST"]),
    ("/themes/<slug>/restore", admin.theme_restore, ["POST"]),
]
for rule, view, methods in ROUTES:
    bp.add_url_rule(rule, view_func=view, methods=methods)


def _city_choices(keep: Iterable[int | None] = ()) -> list[tuple[int, str]]:
    return [(int(value), label) for value, label in city_choices(keep, blank=False)]


def _city_exists(city_id: int) -> bool:
    return db.session.get(City, city_id) is not None


def _city_by_slug(slug: str) -> tuple[int, str] | None:
    found = db.session.scalar(select(City).where(City.slug == slug))
    return (found.id, found.name_en) if found is not None else None


CITY_LOOKUP = Lookup(choices=_city_choices, exists=_city_exists, find=_city_by_slug)


def init_app(app: Flask) -> None:
    """Register the blueprint and the programme's contributions."""
    app.register_blueprint(bp)
    registry = registry_of(app)
    registry.provide("lookup.city", lambda: CITY_LOOKUP)
    registry.provide("demo.database_is_empty", database_is_empty)
    registry.add_record_names({
        "city_id": (City, "id", "name"), "from_city_id": (City, "id", "name"),
        "to_city_id": (City, "id", "name"), "cities": (City, "slug", "name"),
        "theme_id": (Theme, "id", "name"), "themes": (Theme, "slug", "name"),
    })
    registry.add_field_labels(AUDIT_LABELS)
    registry.add_value_labels("side", SIDES)
    registry.add_demo_loader(10, "programme", load_reference_data)
    register_labels(registry)
