"""The missions' part of the demo programme: missions with their delegations."""

from typing import Any

from core.demo import as_date, sync_people, upsert
from missions.models import DelegationMember, Mission


def load_missions(data: dict[str, Any], refs: dict[str, dict[str, Any]]) -> dict[str, int]:
    """Missions, their cities, themes and delegation members."""
    missions = {}
    for item in data.get("missions") or []:
        mission = upsert(
            Mission, "slug", item["slug"], kind=item["kind"], title_en=item.get("title_en"),
            title_zh=item.get("title_zh"), objectives_en=item.get("objectives_en"),
            objectives_zh=item.get("objectives_zh"),
            partnership=refs["partnerships"].get(item.get("partnership") or ""),
            start_date=as_date(item["start"]), end_date=as_date(item["end"]),
            status=item.get("status") or "planned")
        mission.cities = [refs["cities"][s] for s in item.get("cities") or []]
        mission.themes = [refs["themes"][s] for s in item.get("themes") or []]
        sync_people(mission.members, item.get("members") or [], refs["participants"],
                    DelegationMember, "role")
        missions[item["slug"]] = mission
    refs["missions"] = missions
    return {"missions": len(missions)}
