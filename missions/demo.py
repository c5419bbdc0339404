"""The missions' part of the demo programme: missions with their delegations."""

from dataclasses import asdict
from typing import Any

from core.demo import as_date, sync_people, upsert
from core.types import utcnow
from missions.models import DelegationMember, Mission, VisaStatus
from missions.visas import demo_visa


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
        _plausible_visas(mission)
        missions[item["slug"]] = mission
    refs["missions"] = missions
    return {"missions": len(missions)}


def _plausible_visas(mission: Mission) -> None:
    """Give members the demo has no visa facts for the ones their trip implies
    (:func:`missions.visas.demo_visa`); a status recorded since is left alone."""
    sides = {city.side for city in mission.cities}
    today = utcnow().date()
    for member in mission.members:
        if member.visa_status not in (None, VisaStatus.NOT_NEEDED.value) or (
                member.letter_requested_on is not None):
            continue
        person = member.participant
        side = person.side or (person.city.side if person.city is not None else None)
        facts = demo_visa(mission.kind, member.role, side, sides, mission.start_date, today)
        for name, value in asdict(facts).items():
            setattr(member, "visa_status" if name == "status" else name, value)
