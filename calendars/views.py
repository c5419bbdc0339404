"""Feed URLs (stable for years), subscription help pages and the token reset."""

from __future__ import annotations

from collections.abc import Callable

from flask import abort, flash, g, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import force_locale, gettext
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import InstrumentedAttribute
from werkzeug.wrappers import Response

from accounts.permissions import require
from calendars.feeds import (
    LANGS,
    Feed,
    calendar_data,
    invited_events,
    load_events,
    public_events,
    window_start,
)
from calendars.http import FeedCache, calendar_response, feed_state, make_etag
from calendars.ical import build_calendar
from calendars.services import reset_feed_address
from calendars.tokens import MIN_TOKEN_LENGTH
from core.extensions import db
from core.i18n import get_lang, localized
from core.safe_url import safe_local_url
from core.types import utcnow
from events.models import Event, Visibility
from events.queries import visible_events
from missions.models import Mission
from participants.models import Participant
from programme.models import City, Theme

cache: FeedCache[bytes] = FeedCache()


def _lang(default: str = "en") -> str:
    lang = request.args.get("lang")
    return lang if lang in LANGS else default


def _named(lang: str, make_name: Callable[[], str]) -> Callable[[], str]:
    """A name made in ``lang`` when (and only when) the feed is built."""

    def name() -> str:
        with force_locale(lang):
            return make_name()

    return name


def _serve(feed: Feed) -> Response:
    """The feed as an HTTP response: 304 from the validators alone, else the bytes."""
    version, changed_at = feed_state(feed.scope)
    today = utcnow()
    window = window_start(today.date()) if feed.windowed else ""
    etag = make_etag(feed.kind, feed.key, feed.lang, today.year, window, version)

    def build() -> bytes:
        calendar, events = calendar_data(feed, load_events(feed, today.date()))
        return build_calendar(calendar, events, tz_year=today.year)

    return calendar_response(
        request,
        etag=etag,
        last_modified=changed_at,
        body=build,
        cache=cache,
        filename=feed.filename,
        attachment=feed.kind == "event",
        private=feed.private,
    )


def event(event_id: int) -> Response:
    """One event as a download ("Add to calendar"), for whoever may see the event."""
    found = db.session.scalar(visible_events(current_user).where(Event.id == event_id))
    if found is None:
        abort(404)
    lang = _lang(get_lang())
    title = localized(found, "title", lang)[0] or "Helix"
    feed = Feed(
        kind="event",
        key=str(found.id),
        lang=lang,
        name=lambda: title,
        query=lambda: select(Event).where(Event.id == event_id),
        filename=f"helix-event-{found.id}.ics",
        private=found.visibility != Visibility.PUBLIC.value,
        windowed=False,
        scope=f"event:{found.id}",
    )
    return _serve(feed)


def programme() -> Response:
    """The public programme: public events of the last six months and all later ones."""
    lang = _lang()
    name = _named(lang, lambda: gettext("Helix programme"))
    return _serve(Feed(
        "programme", "all", lang, name, public_events, "helix-programme.ics", scope="programme"
    ))


def mission(mission_id: int) -> Response:
    """The public events of one mission."""
    found = db.session.get(Mission, mission_id)
    if found is None:
        abort(404)
    lang = _lang()
    title = localized(found, "title", lang)[0]
    name = _named(lang, lambda: gettext("Helix mission: %(title)s", title=title))
    feed = Feed(
        "mission",
        str(found.id),
        lang,
        name,
        lambda: public_events().where(Event.mission_id == mission_id),
        f"helix-mission-{found.id}.ics",
        windowed=False,
        scope=f"mission:{found.id}",
    )
    return _serve(feed)


def _by_slug(
    kind: str,
    model: type[City] | type[Theme],
    column: InstrumentedAttribute[int | None],
    slug: str,
    make_name: Callable[[str], str],
) -> Response:
    """The public events of the city or theme ``slug`` (404 when there is none)."""
    found = db.session.scalar(select(model).where(model.slug == slug))
    if found is None:
        abort(404)
    lang = _lang()
    label = localized(found, "name", lang)[0]
    found_id = found.id
    name = _named(lang, lambda: make_name(label))
    query = lambda: public_events().where(column == found_id)  # noqa: E731
    return _serve(Feed(
        kind, found.slug, lang, name, query, f"helix-{found.slug}.ics", scope=f"{kind}:{found_id}"
    ))


def city(slug: str) -> Response:
    """The public events held in one city."""
    name = lambda city: gettext("Helix events in %(city)s", city=city)  # noqa: E731
    return _by_slug("city", City, Event.city_id, slug, name)


def theme(slug: str) -> Response:
    """The public events on one theme."""
    name = lambda theme: gettext("Helix events on %(theme)s", theme=theme)  # noqa: E731
    return _by_slug("theme", Theme, Event.theme_id, slug, name)


def _token_owner(token: str) -> tuple[int, str] | None:
    row = db.session.execute(
        select(Participant.id, Participant.language).where(Participant.feed_token == token)
    ).first()
    return (row[0], row[1]) if row is not None else None


def personal(token: str) -> Response:
    """A participant's own feed: every event they are invited to and have not declined."""
    if len(token) < MIN_TOKEN_LENGTH:
        abort(404)
    # Never memoized: a token regenerated on any worker is refused by every worker at once.
    owner = _token_owner(token)
    if owner is None:
        abort(404)
    participant_id, preferred = owner
    lang = _lang(preferred if preferred in LANGS else "en")
    name = _named(lang, lambda: gettext("My Helix events"))
    feed = Feed(
        "personal",
        str(participant_id),
        lang,
        name,
        lambda: invited_events(participant_id),
        "helix-my-events.ics",
        private=True,
        windowed=False,  # a person's own invitations stay few; the programme is bounded
        scope=f"participant:{participant_id}",
    )
    return _serve(feed)


def subscribe() -> str:
    """How to subscribe: the programme feed, and the signed-in delegate's own feed."""
    participant = getattr(current_user, "participant", None)
    return render_template("calendars/subscribe.html", participant=participant)


def _load_participant(participant_id: int) -> Participant | None:
    return db.session.get(Participant, participant_id)


# The address is a credential: seeing it takes the same right as replacing it.
@require("participants.edit", load=_load_participant)
def participant_feed(participant_id: int) -> str:
    """An organiser's view of a participant's personal feed, with the reset button."""
    return render_template("calendars/participant.html", participant=g.target)


@require("participants.edit", load=_load_participant)
def regenerate(participant_id: int) -> ResponseReturnValue:
    """Give the participant a new feed URL; the old one answers 404 from now on."""
    reset_feed_address(g.target)
    flash(gettext("A new calendar address was made; the old one no longer works."), "success")
    fallback = url_for("calendars.participant_feed", participant_id=participant_id)
    return redirect(safe_local_url(request.form.get("next"), fallback))
