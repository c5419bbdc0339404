"""Which feeds a flush changes: the scopes of the touched rows, and raising them.

A scope names the data one feed is built from:

* ``programme``: public events; ``city:<id>``, ``theme:<id>``, ``mission:<id>``: the public
  events held in that city, on that theme, of that mission;
* ``event:<id>``: one event's own download; ``participant:<id>``: a person's own feed (the
  events they are invited to);
* ``*`` (:data:`calendars.models.GLOBAL_SCOPE`): everything, raised when a city or theme
  changes (their names appear in every feed's events).

An event's scopes are taken from both its stored and its new values, so moving an event
to another city changes both cities' feeds.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import inspect, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from calendars.models import GLOBAL_SCOPE, FeedScope
from core.types import utcnow
from events.models import Event, Visibility
from invitations.models import Invitation
from missions.models import Mission
from programme.models import City, Theme

#: Event columns that decide which public feeds hold the event.
PLACEMENT = ("visibility", "city_id", "theme_id", "mission_id")
#: Relationships that may set those columns only at flush time.
PLACEMENT_RELATIONS = {"city_id": "city", "theme_id": "theme", "mission_id": "mission"}
#: Stored columns of events, by event id (see :func:`read_stored`).
StoredRows = dict[int, dict[str, Any]]


def read_stored(session: Session, events: list[Event], names: tuple[str, ...]) -> StoredRows:
    """``{event id: {column: value}}`` of ``names`` as the database holds them before this
    flush, for the events already stored (one SELECT for all of them)."""
    ids = [e.id for e in events if inspect(e).persistent or inspect(e).deleted]
    if not ids:
        return {}
    columns = [Event.id, *(getattr(Event, name) for name in names)]
    with session.no_autoflush:
        rows = session.execute(select(*columns).where(Event.id.in_(ids)))
        return {row[0]: dict(zip(names, row[1:], strict=True)) for row in rows}


def _new_placement(event: Event) -> tuple[Any, ...]:
    """The placement columns as this flush writes them (a set relationship decides its id)."""
    state = inspect(event)
    values = []
    for name in PLACEMENT:
        value = getattr(event, name)
        relation = PLACEMENT_RELATIONS.get(name)
        if relation and state.attrs[relation].history.has_changes():
            related = getattr(event, relation)
            value = related.id if related is not None else None
        values.append(value)
    return tuple(values)


def placement_scopes(placements: Iterable[tuple[Any, ...]]) -> set[str]:
    """The public feeds that hold an event placed so (``PLACEMENT`` order), or did."""
    scopes: set[str] = set()
    for visibility, city_id, theme_id, mission_id in placements:
        if visibility != Visibility.PUBLIC.value:
            continue
        scopes.add("programme")
        for kind, value in (("city", city_id), ("theme", theme_id), ("mission", mission_id)):
            if value is not None:
                scopes.add(f"{kind}:{value}")
    return scopes


def _invitee_scopes(session: Session, event_ids: list[int]) -> set[str]:
    """The personal feeds of everyone invited to these events."""
    if not event_ids:
        return set()
    query = select(Invitation.participant_id).where(Invitation.event_id.in_(event_ids))
    with session.no_autoflush:
        return {f"participant:{pid}" for pid in session.scalars(query.distinct())}


def _invitation_scopes(invitation: Invitation) -> set[str]:
    """The personal feed (and, for a moved invitation, the former one) it belongs to."""
    state = inspect(invitation)
    ids = {invitation.participant_id, *state.attrs.participant_id.history.deleted}
    ids.update(p.id for p in state.attrs.participant.history.added if p is not None)
    return {f"participant:{pid}" for pid in ids if pid is not None}


def touched_scopes(session: Session, touched: list[Any], stored: StoredRows) -> set[str]:
    """Every feed scope whose data the pending changes in ``session`` alter; ``stored``
    holds (at least) the ``PLACEMENT`` columns of the touched events already stored."""
    if any(isinstance(obj, City | Theme) for obj in touched):
        return {GLOBAL_SCOPE}
    events = [obj for obj in touched if isinstance(obj, Event)]
    scopes = placement_scopes(
        [
            *(tuple(row[name] for name in PLACEMENT) for row in stored.values()),
            *(_new_placement(e) for e in events),
        ]
    )
    existing = [e.id for e in events if e.id is not None]
    scopes.update(f"event:{event_id}" for event_id in existing)
    scopes.update(_invitee_scopes(session, existing))
    for obj in touched:
        if isinstance(obj, Invitation):
            scopes.update(_invitation_scopes(obj))
        elif isinstance(obj, Mission) and obj.id is not None:
            scopes.add(f"mission:{obj.id}")
    return scopes


def raise_scopes(session: Session, scopes: set[str]) -> None:
    """Raise the generation of ``scopes`` in this transaction (one upsert, in key order so
    that concurrent writers lock rows in the same order)."""
    if not scopes:
        return
    now = utcnow()
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    statement = insert(FeedScope).values(
        [{"scope": scope, "generation": 1, "changed_at": now} for scope in sorted(scopes)]
    )
    statement = statement.on_conflict_do_update(
        index_elements=[FeedScope.scope],
        set_={"generation": FeedScope.generation + 1, "changed_at": now},
    )
    session.execute(statement, execution_options={"synchronize_session": False})
