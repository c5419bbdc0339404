"""The events' part of the demo programme: events at their venues' local times."""

from typing import Any

from core.demo import as_local, upsert
from core.timefmt import local_to_utc
from events.models import Event


def load_events(data: dict[str, Any], refs: dict[str, dict[str, Any]]) -> dict[str, int]:
    """Events at their venues' local times (invitations: ``invitations.demo``)."""
    events = {}
    for item in data.get("events") or []:
        tz_name = item["timezone"]
        event = upsert(
            Event, "slug", item["slug"], kind=item["kind"], title_en=item.get("title_en"),
            title_zh=item.get("title_zh"), description_en=item.get("description_en"),
            description_zh=item.get("description_zh"),
            starts_at=local_to_utc(as_local(item["start"]), tz_name),
            ends_at=local_to_utc(as_local(item["end"]), tz_name), timezone=tz_name,
            city=refs["cities"].get(item.get("city") or ""), venue=item.get("venue"),
            online=bool(item.get("online")), hybrid=bool(item.get("hybrid")),
            platform=item.get("platform"), join_url=item.get("join_url"),
            language=item.get("language") or "en",
            theme=refs["themes"].get(item.get("theme") or ""),
            mission=refs["missions"].get(item.get("mission") or ""),
            partnership=refs["partnerships"].get(item.get("partnership") or ""),
            status=item.get("status") or "confirmed",
            visibility=item.get("visibility") or "public",
            reported_attendance=item.get("reported_attendance"),
            date_note_en=item.get("date_note_en"), date_note_zh=item.get("date_note_zh"))
        if "cities" in item:
            event.cities = [refs["cities"][slug] for slug in item["cities"]]
        events[item["slug"]] = event
    refs["events"] = events
    return {"events": len(events)}
