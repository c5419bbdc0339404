"""The missions' part of the demo programme: missions with their delegations and travel."""

from dataclasses import asdict
from typing import Any

from core.demo import as_date, as_local, sync_people, upsert
from core.timefmt import local_to_utc
from core.types import utcnow
from missions.models import DelegationMember, Mission, TravelLeg, VisaStatus
from missions.visas import demo_visa


def load_missions(data: dict[str, Any], refs: dict[str, dict[str, Any]]) -> dict[str, int]:
    """Missions, their cities, themes, delegation members and travel legs."""
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
        _sync_legs(mission, item.get("legs") or [], refs["cities"])
        missions[item["slug"]] = mission
    refs["missions"] = missions
    return {"missions": len(missions)}


def _sync_legs(mission: Mission, wanted: list[dict[str, Any]], cities: dict[str, Any]) -> None:
    """Add the demo's travel legs (local times at each end) the mission lacks, matched on
    their route and departure."""
    for item in wanted:
        origin, destination = cities[item["from"]], cities[item["to"]]
        departs = local_to_utc(as_local(item["departs"]), origin.timezone)
        if any(leg.from_city is origin and leg.to_city is destination
               and leg.departs_at == departs for leg in mission.legs):
            continue
        mission.legs.append(TravelLeg(
            mode=item.get("mode") or "flight", from_city=origin, to_city=destination,
            departs_at=departs, departure_timezone=origin.timezone,
            arrives_at=local_to_utc(as_local(item["arrives"]), destination.timezone),
            arrival_timezone=destination.timezone, carrier=item.get("carrier"),
            number=item.get("number"), note=item.get("note")))


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
