"""Queries that decide which events a viewer may see."""

from typing import Any

from sqlalchemy import Select, select

from accounts.permissions import can
from events.models import Event, Visibility


def visible_events(user: Any) -> Select[tuple[Event]]:
    """Events the user may read: everything for organisers, public events otherwise."""
    query = select(Event)
    if not can(user, "events.view_internal"):
        query = query.where(Event.visibility == Visibility.PUBLIC.value)
    return query
