"""Build iCalendar (RFC 5545 / RFC 7986) bytes from plain data, with the icalendar library.

No Flask here: views and mail code turn models into :class:`FeedEvent` values (already in
the reader's language) and call :func:`build_calendar`. The output follows what clients
need in practice:

* METHOD:PUBLISH feeds carry ORGANIZER and no ATTENDEE (RFC 5546); METHOD:REQUEST and
  METHOD:CANCEL carry the ORGANIZER and the invited ATTENDEE.
* Times keep the venue's zone (``DTSTART;TZID=Europe/Brussels:...``), never floating, and
  every TZID used has one VTIMEZONE in RRULE form (see :mod:`calendars.vtimezone`).
* DTSTAMP, CREATED and LAST-MODIFIED come from the data, so the same data gives the same
  bytes (which is what makes ETags match).
* Online events carry the join link in CONFERENCE (RFC 7986), in URL and in LOCATION,
  because most clients do not show CONFERENCE.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Literal
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, vCalAddress, vDuration, vText, vUri

from calendars.vtimezone import vtimezone

Method = Literal["PUBLISH", "REQUEST", "CANCEL"]
Status = Literal["tentative", "confirmed", "cancelled"]

PRODID = "-//Helix//Helix programme calendar 1.0//EN"
#: Language tags used in LANGUAGE parameters (BCP 47).
LANGUAGE_TAGS = {"en": "en", "zh": "zh-CN"}


@dataclass(frozen=True)
class Person:
    """A calendar user: an e-mail address and a display name."""

    email: str
    name: str = ""

    def address(self, **params: str) -> vCalAddress:
        """This person as a ``mailto:`` CAL-ADDRESS with CN and extra parameters."""
        address = vCalAddress(f"mailto:{self.email}")
        if self.name:
            address.params["CN"] = self.name
        for key, value in params.items():
            address.params[key.replace("_", "-").upper()] = value
        return address


@dataclass(frozen=True)
class FeedEvent:
    """One event as a calendar client should see it, in one language.

    ``start``, ``end``, ``dtstamp``, ``created`` and ``last_modified`` are aware
    datetimes (any zone; they are converted). ``tzid`` is the IANA zone of the venue.
    ``url`` is the event's page; ``join_url`` the link of an online meeting.
    """

    uid: str
    summary: str
    start: datetime
    end: datetime
    tzid: str
    dtstamp: datetime
    sequence: int = 0
    status: Status = "confirmed"
    description: str = ""
    location: str = ""
    geo: tuple[float, float] | None = None
    url: str | None = None
    join_url: str | None = None
    join_label: str = ""
    categories: Sequence[str] = ()
    created: datetime | None = None
    last_modified: datetime | None = None
    language: str = "en"
    organizer: Person | None = None

    def __post_init__(self) -> None:
        for name in ("start", "end", "dtstamp", "created", "last_modified"):
            value = getattr(self, name)
            if value is not None and value.utcoffset() is None:
                raise ValueError(f"FeedEvent.{name} must be timezone-aware")
        if self.end < self.start:
            raise ValueError("FeedEvent.end is before start")
        ZoneInfo(self.tzid)  # raises for an unknown zone


@dataclass(frozen=True)
class FeedCalendar:
    """Calendar-level data: name, method, language and polling hints."""

    name: str
    method: Method = "PUBLISH"
    description: str = ""
    language: str = "en"
    refresh_interval: timedelta = timedelta(hours=1)
    url: str | None = None
    attendees: Sequence[Person] = field(default_factory=tuple)


def _utc(value: datetime) -> datetime:
    return value.astimezone(UTC)


def _text(component: Event | Calendar, name: str, value: str, language: str) -> None:
    tag = LANGUAGE_TAGS.get(language, language)
    # vText escapes line breaks, commas and semicolons even for properties (NAME) that
    # icalendar does not know the type of: a title can never start a property of its own.
    component.add(name, vText(value), parameters={"LANGUAGE": tag})


def _location(event: FeedEvent) -> str:
    parts = [p for p in (event.location, event.join_url) if p]
    return " — ".join(parts)


def _conference(event: FeedEvent) -> vUri:
    """CONFERENCE (RFC 7986 §5.11) with a multi-valued FEATURE, as in the RFC's examples."""
    assert event.join_url is not None
    conference = vUri(event.join_url)
    conference.params["VALUE"] = "URI"
    conference.params["FEATURE"] = ["AUDIO", "VIDEO"]
    if event.join_label:
        conference.params["LABEL"] = event.join_label
    return conference


def build_event(event: FeedEvent, method: Method, attendees: Sequence[Person] = ()) -> Event:
    """One VEVENT for ``event`` as sent with ``method``."""
    zone = ZoneInfo(event.tzid)
    vevent = Event()
    vevent.add("UID", event.uid)
    vevent.add("DTSTAMP", _utc(event.dtstamp))
    vevent.add("DTSTART", event.start.astimezone(zone))
    vevent.add("DTEND", event.end.astimezone(zone))
    if event.created is not None:
        vevent.add("CREATED", _utc(event.created))
    if event.last_modified is not None:
        vevent.add("LAST-MODIFIED", _utc(event.last_modified))
    vevent.add("SEQUENCE", event.sequence)
    status = "CANCELLED" if method == "CANCEL" else event.status.upper()
    vevent.add("STATUS", status)
    _text(vevent, "SUMMARY", event.summary, event.language)
    if event.description:
        _text(vevent, "DESCRIPTION", event.description, event.language)
    location = _location(event)
    if location:
        _text(vevent, "LOCATION", location, event.language)
    if event.geo is not None:
        vevent.add("GEO", event.geo)
    url = event.join_url or event.url
    if url:
        vevent.add("URL", url)
    if event.join_url:
        vevent.add("CONFERENCE", _conference(event))
    if event.categories:
        vevent.add("CATEGORIES", list(event.categories))
    vevent.add("TRANSP", "TRANSPARENT" if status == "CANCELLED" else "OPAQUE")
    if event.organizer is not None:
        vevent.add("ORGANIZER", event.organizer.address())
    if method != "PUBLISH":
        for person in attendees:
            vevent.add(
                "ATTENDEE",
                person.address(
                    cutype="INDIVIDUAL",
                    role="REQ-PARTICIPANT",
                    partstat="NEEDS-ACTION",
                    rsvp="TRUE",
                ),
            )
    return vevent


def build_calendar(
    calendar: FeedCalendar, events: Iterable[FeedEvent], *, tz_year: int | None = None
) -> bytes:
    """The VCALENDAR for ``events`` as UTF-8 bytes (CRLF, folded at 75 octets, no BOM).

    ``tz_year`` chooses whose rules the VTIMEZONEs describe (default: this year).
    REQUEST and CANCEL need at least one attendee and an organizer on every event;
    REQUEST refuses cancelled events.
    """
    events = list(events)
    if calendar.method != "PUBLISH":
        if not calendar.attendees:
            raise ValueError(f"METHOD:{calendar.method} needs an attendee")
        if any(e.organizer is None for e in events):
            raise ValueError(f"METHOD:{calendar.method} needs an organizer")
    if calendar.method == "REQUEST" and any(e.status == "cancelled" for e in events):
        raise ValueError("a cancelled event is sent with METHOD:CANCEL, not REQUEST")
    cal = Calendar()
    cal.add("PRODID", PRODID)
    cal.add("VERSION", "2.0")
    cal.add("CALSCALE", "GREGORIAN")
    cal.add("METHOD", calendar.method)
    if calendar.method == "PUBLISH":
        _text(cal, "NAME", calendar.name, calendar.language)
        cal.add("X-WR-CALNAME", vText(calendar.name))
        if calendar.description:
            _text(cal, "DESCRIPTION", calendar.description, calendar.language)
            cal.add("X-WR-CALDESC", calendar.description)
        if calendar.url:
            cal.add("URL", calendar.url)
            cal.add("SOURCE", calendar.url)
        cal.add("REFRESH-INTERVAL", calendar.refresh_interval, parameters={"VALUE": "DURATION"})
        ttl = vDuration(calendar.refresh_interval).to_ical().decode("ascii")
        cal.add("X-PUBLISHED-TTL", ttl)
    for tzid in sorted({e.tzid for e in events}):
        # Cover the earliest event with a year to spare (its local date may be in the
        # UTC year before).
        since = min(e.start.year for e in events if e.tzid == tzid) - 1
        cal.add_component(vtimezone(tzid, tz_year, since=since))
    for event in events:
        cal.add_component(build_event(event, calendar.method, calendar.attendees))
    return cal.to_ical()
