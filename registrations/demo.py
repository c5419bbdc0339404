"""The registrations' part of the demo programme: events that take registrations."""

from typing import Any

from core.demo import as_local, upsert
from core.timefmt import local_to_utc
from registrations.models import RegistrationSettings


def load_registration_settings(data: dict[str, Any],
                               refs: dict[str, dict[str, Any]]) -> dict[str, int]:
    """The ``registration`` of demo events (open or not, capacity, deadline at the venue's
    local time); the seats already taken are the registrations' own count, left alone."""
    count = 0
    for item in data.get("events") or []:
        settings = item.get("registration")
        if not settings:
            continue
        event = refs["events"][item["slug"]]
        deadline = settings.get("deadline")
        upsert(RegistrationSettings, "event_id", event.id, open=bool(settings.get("open")),
               capacity=settings.get("capacity"),
               waiting_list=bool(settings.get("waiting_list", True)),
               approval_required=bool(settings.get("approval_required")),
               deadline=local_to_utc(as_local(deadline), event.timezone) if deadline else None)
        count += 1
    return {"registration settings": count}
