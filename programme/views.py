"""Cities, themes and partnerships of the programme."""

from flask import Blueprint, abort, render_template
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import joinedload, selectinload

from core.extensions import db
from programme.models import City, Partnership, Theme
from programme.sorting import by_name

bp = Blueprint("programme", __name__)


@bp.route("/cities/")
def cities() -> str:
    """Every city of the programme, European and Chinese, sorted in the page's language."""
    rows = by_name(db.session.scalars(select(City)).all())
    return render_template("programme/cities.html", cities=rows)


@bp.route("/cities/<slug>")
def city(slug: str) -> str:
    """One city: facts and its events."""
    # Events build on the programme (cities, themes), so the programme imports them only
    # here, at request time, keeping the package graph free of import cycles.
    from events.models import Event
    from events.queries import visible_events

    found = db.session.scalar(select(City).where(City.slug == slug))
    if found is None:
        abort(404)
    events = db.session.scalars(
        visible_events(current_user).where(Event.city_id == found.id)
        .order_by(Event.starts_at.desc())).all()
    return render_template("programme/city.html", city=found, events=events)


@bp.route("/partnerships/")
def partnerships() -> str:
    """The city pairings with their themes and stage."""
    rows = db.session.scalars(
        select(Partnership).options(joinedload(Partnership.eu_city),
                                    selectinload(Partnership.china_cities),
                                    selectinload(Partnership.themes))
        .order_by(Partnership.start_date, Partnership.slug)).all()
    themes = by_name(db.session.scalars(select(Theme)).all())
    return render_template("programme/partnerships.html", partnerships=rows, themes=themes)
