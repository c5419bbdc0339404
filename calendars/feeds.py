"""From the database to calendar data: which events a feed holds, and how each reads.

Every feed is one query (events with their city and theme joined), whatever its size.
Text is produced in the feed's language with :func:`flask_babel.force_locale`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from flask import current_app
from flask_babel import force_locale, gettext
from sqlalchemy import Select, select
from sqlalchemy.orm import joinedload

from calendars.ical import FeedCalendar, FeedEvent, Method, Person
from core.extensions import db
from core.i18n import localized
from core.labels import EVENT_KINDS
from core.types import utcnow
from events.models import Event, Visibility
from invitations.models import Invitation, InvitationStatus

#: Multi-event feeds hold events that ended at most this long ago, and all later ones.
WINDOW = timedelta(days=183)
LANGS = ("en", "zh")
#: At most this many events in a windowed feed (programme, city, theme), the earliest of the
#: window; the calendar says where the rest are (config ``CALENDAR_FEED_MAX_EVENTS``).
MAX_FEED_EVENTS = 2000


@dataclass(frozen=True)
class Feed:
    """One feed URL resolved: what it is called and which events it holds.

    ``name`` and ``query`` are callables so that a 304 answer, which needs neither,
    costs nothing to prepare.
    """

    kind: str
    key: str
    lang: str
    name: Callable[[], str]
    query: Callable[[], Select[tuple[Event]]]
    filename: str
    private: bool = False
    windowed: bool = True
    #: the data scope whose changes change this feed (:mod:`calendars.scopes`); empty for
    #: a calendar built for an e-mail, which is never served
    scope: str = field(default="", kw_only=True)


def window_start(today: date | None = None) -> date:
    """First day whose events still appear in windowed feeds."""
    return (today or utcnow().date()) - WINDOW


def public_events() -> Select[tuple[Event]]:
    """Events of the public programme."""
    return select(Event).where(Event.visibility == Visibility.PUBLIC.value)


def invited_events(participant_id: int) -> Select[tuple[Event]]:
    """Events the participant is invited to and has not declined."""
    return (
        select(Event)
        .join(Invitation, Invitation.event_id == Event.id)
        .where(
            Invitation.participant_id == participant_id,
            Invitation.status != InvitationStatus.DECLINED.value,
        )
    )


def load_events(feed: Feed, today: date | None = None) -> Sequence[Event]:
    """The feed's events in start order, with city and theme, in one query."""
    query = feed.query().options(joinedload(Event.city), joinedload(Event.theme))
    if feed.windowed:
        start = window_start(today)
        cutoff = datetime(start.year, start.month, start.day, tzinfo=utcnow().tzinfo)
        # one more than the cap: calendar_data then knows the feed was cut
        query = query.where(Event.ends_at >= cutoff).limit(feed_cap() + 1)
    return db.session.scalars(query.order_by(Event.starts_at, Event.id)).unique().all()


def feed_cap() -> int:
    """The most events a windowed feed holds."""
    return int(current_app.config.get("CALENDAR_FEED_MAX_EVENTS", MAX_FEED_EVENTS))


def organizer() -> Person:
    """The ORGANIZER of every Helix event: the programme secretariat's address."""
    config = current_app.config
    return Person(config["CALENDAR_ORGANIZER_EMAIL"], config["CALENDAR_ORGANIZER_NAME"])


def absolute_url(endpoint: str, **values: object) -> str:
    """A stable absolute URL on the public site (``PUBLIC_URL``), not the request's host.

    Works without a request (e-mail sent from a CLI command).
    """
    base = current_app.config.get("PUBLIC_URL", "").rstrip("/")
    adapter = current_app.url_map.bind("localhost")
    return base + adapter.build(endpoint, values)


def _location(event: Event, lang: str) -> str:
    parts = [event.venue or ""]
    if event.city is not None:
        parts.append(localized(event.city, "name", lang)[0])
    return ", ".join(p for p in parts if p)


def _description(event: Event, lang: str, page_url: str) -> str:
    lines = [localized(event, "description", lang)[0]]
    extra = []
    if event.join_url:
        extra.append(gettext("Join online: %(url)s", url=event.join_url))
    if event.dial_in:
        extra.append(gettext("Dial-in: %(number)s", number=event.dial_in))
    extra.append(gettext("Event page: %(url)s", url=page_url))
    return "\n\n".join(p for p in (*lines, "\n".join(extra)) if p)


def to_feed_event(event: Event, lang: str, person: Person) -> FeedEvent:
    """``event`` as calendar data in ``lang`` (call inside ``force_locale(lang)``)."""
    page_url = absolute_url("events.detail", event_id=event.id, lang=lang)
    summary = localized(event, "title", lang)[0] or str(EVENT_KINDS.get(event.kind, event.kind))
    categories = [str(EVENT_KINDS.get(event.kind, event.kind))]
    if event.theme is not None:
        categories.append(localized(event.theme, "name", lang)[0])
    in_person = event.city is not None and (not event.online or event.hybrid)
    return FeedEvent(
        uid=event.uid,
        summary=summary,
        start=event.starts_at,
        end=event.ends_at,
        tzid=event.timezone,
        dtstamp=event.dtstamp,
        sequence=event.sequence,
        status=event.status,  # type: ignore[arg-type]
        description=_description(event, lang, page_url),
        location=_location(event, lang),
        geo=(event.city.latitude, event.city.longitude) if in_person and event.city else None,
        url=page_url,
        join_url=event.join_url or None,
        join_label=gettext("Join online") if event.join_url else "",
        categories=tuple(c for c in categories if c),
        created=event.created_at,
        last_modified=event.updated_at,
        language=lang,
        organizer=person,
    )


def calendar_data(
    feed: Feed,
    events: Sequence[Event],
    method: Method = "PUBLISH",
    attendees: Sequence[Person] = (),
) -> tuple[FeedCalendar, list[FeedEvent]]:
    """The calendar and its events, in the feed's language."""
    person = organizer()
    cap = feed_cap()
    cut = feed.windowed and len(events) > cap
    events = events[:cap] if cut else events
    with force_locale(feed.lang):
        note = gettext(
            "This calendar holds its first %(count)s events only; more in the web calendar: "
            "%(url)s", count=cap, url=absolute_url("events.calendar", lang=feed.lang),
        ) if cut else ""
        calendar = FeedCalendar(
            name=feed.name(),
            method=method,
            description=note,
            language=feed.lang,
            url=None
            if feed.private
            else absolute_url("calendars." + feed.kind, **_url_values(feed)),
            attendees=tuple(attendees),
        )
        return calendar, [to_feed_event(e, feed.lang, person) for e in events]


def _url_values(feed: Feed) -> dict[str, object]:
    values: dict[str, object] = {"lang": feed.lang}
    if feed.kind == "mission":
        values["mission_id"] = int(feed.key)
    elif feed.kind in ("city", "theme"):
        values["slug"] = feed.key
    elif feed.kind == "event":
        values["event_id"] = int(feed.key)
    return values
