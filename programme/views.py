"""Cities, themes and partnerships of the programme."""

from flask import abort, render_template
from flask_login import current_user
from sqlalchemy import Select, or_, select
from sqlalchemy.orm import selectinload

from core.extensions import db
from core.i18n import weekday_names
from core.registry import provided
from programme.models import City, Partnership, Theme
from programme.reference_admin import show_archived
from programme.sorting import by_name


def cities() -> str:
    """The cities of the programme, European and Chinese, sorted in the page's language;
    archived ones too with ``?archived=1``."""
    query = select(City)
    if not show_archived():
        query = query.where(City.archived_at.is_(None))
    return render_template("programme/cities.html", cities=by_name(db.session.scalars(query)),
                           archived=show_archived())


def city(slug: str) -> str:
    """One city: facts and its events."""
    found = db.session.scalar(select(City).where(City.slug == slug))
    if found is None:
        abort(404)
    events = provided("city.events")(found, current_user)
    return render_template("programme/city.html", city=found, events=events,
                           work_days=weekday_names(found.work_days),
                           missions=provided("city.missions")(found),
                           partnerships=city_partnerships(found))


def _with_cities() -> Select[tuple[Partnership]]:
    return select(Partnership).options(selectinload(Partnership.eu_cities),
                                       selectinload(Partnership.china_cities),
                                       selectinload(Partnership.themes))


def city_partnerships(city: City) -> list[Partnership]:
    """The partnerships the city belongs to, on either side."""
    return list(db.session.scalars(_with_cities().where(or_(
        Partnership.eu_cities.any(id=city.id), Partnership.china_cities.any(id=city.id)))
        .order_by(Partnership.start_date, Partnership.slug)))


def partnership(partnership_id: int) -> str:
    """One partnership: its cities, themes, stage, action plan, open action items,
    missions, events, outcomes, indicators and people per helix role."""
    found = db.session.scalar(_with_cities().where(Partnership.id == partnership_id))
    if found is None:
        abort(404)
    return render_template(
        "programme/partnership.html", partnership=found,
        events=provided("partnership.events")(found, current_user),
        missions=provided("partnership.missions")(found),
        plan=provided("partnership.plan")(found),
        actions=provided("partnership.actions")(found.id, current_user),
        indicators=provided("partnership.indicators")(found),
        outcomes=provided("partnership.outcomes")(found))


def partnerships() -> str:
    """The city pairings with their themes and stage."""
    rows = db.session.scalars(
        _with_cities().order_by(Partnership.start_date, Partnership.slug)).all()
    themes = by_name(db.session.scalars(select(Theme)).all())
    return render_template("programme/partnerships.html", partnerships=rows, themes=themes)
