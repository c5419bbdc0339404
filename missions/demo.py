"""The missions' part of the demo programme: missions with their delegations and travel."""

from dataclasses import asdict
from datetime import date
from typing import Any

from core.demo import as_date, as_local, sync_people, sync_rows, upsert
from core.timefmt import local_to_utc
from core.types import utcnow
from missions.models import DelegationMember, HotelStay, Mission, TravelLeg, VisaStatus
from missions.visas import demo_visa

Refs = dict[str, dict[str, Any]]


def load_missions(data: dict[str, Any], refs: Refs) -> dict[str, int]:
    """Missions, their cities, themes, delegation members, travel legs and hotel stays."""
    today = data.get("loaded_on") or utcnow().date()
    missions = {}
    for item in data.get("missions") or []:
        mission = upsert(
            Mission, "slug", item["slug"], kind=item["kind"], title_en=item.get("title_en"),
            title_zh=item.get("title_zh"), objectives_en=item.get("objectives_en"),
            objectives_zh=item.get("objectives_zh"),
            partnership=refs["partnerships"].get(item.get("partnership") or ""),
            start_date=as_date(item["start"]), end_date=as_date(item["end"]),
            status=item.get("status") or "planned", date_note_en=item.get("date_note_en"),
            date_note_zh=item.get("date_note_zh"))
        mission.cities = [refs["cities"][s] for s in item.get("cities") or []]
        mission.themes = [refs["themes"][s] for s in item.get("themes") or []]
        sync_people(mission.members, item.get("members") or [], refs["participants"],
                    DelegationMember, "role")
        _given_letters(mission, item.get("members") or [])
        _plausible_visas(mission, today)
        if "legs" in item:
            sync_rows(mission.legs, [_leg(leg, refs) for leg in item["legs"]], TravelLeg)
        if "stays" in item:
            sync_rows(mission.stays, [_stay(stay, refs) for stay in item["stays"]], HotelStay)
        missions[item["slug"]] = mission
    refs["missions"] = missions
    return {"missions": len(missions)}


def _leg(item: dict[str, Any], refs: Refs) -> dict[str, Any]:
    """A travel leg's fields: local departure and arrival in their own cities' zones."""
    origin, destination = refs["cities"][item["from"]], refs["cities"][item["to"]]
    return {"mode": item.get("mode") or "flight", "from_city": origin, "to_city": destination,
            "departs_at": local_to_utc(as_local(item["departs"]), origin.timezone),
            "departure_timezone": origin.timezone,
            "arrives_at": local_to_utc(as_local(item["arrives"]), destination.timezone),
            "arrival_timezone": destination.timezone, "carrier": item.get("carrier"),
            "number": item.get("number"), "note": item.get("note")}


def _stay(item: dict[str, Any], refs: Refs) -> dict[str, Any]:
    """A hotel stay's fields."""
    return {"city": refs["cities"][item["city"]], "hotel": item["hotel"],
            "address": item.get("address"), "check_in": as_date(item["check_in"]),
            "check_out": as_date(item["check_out"])}


def _given_letters(mission: Mission, wanted: list[dict[str, Any]]) -> None:
    """Invitation letters the demo file dates (``letter_requested_on``): requested."""
    requested = {item["participant"]: as_date(item["letter_requested_on"])
                 for item in wanted if item.get("letter_requested_on")}
    for member in mission.members:
        on = requested.get(member.participant.email)
        if on is not None and member.letter_requested_on is None:
            member.visa_status, member.letter_requested_on = VisaStatus.REQUESTED.value, on


def _plausible_visas(mission: Mission, today: date) -> None:
    """Give members the demo has no visa facts for the ones their trip implies as seen on
    ``today`` (:func:`missions.visas.demo_visa`); a status recorded since is left alone."""
    sides = {city.side for city in mission.cities}
    for member in mission.members:
        if member.visa_status not in (None, VisaStatus.NOT_NEEDED.value) or (
                member.letter_requested_on is not None):
            continue
        person = member.participant
        side = person.side or (person.city.side if person.city is not None else None)
        facts = demo_visa(mission.kind, member.role, side, sides, mission.start_date, today)
        for name, value in asdict(facts).items():
            setattr(member, "visa_status" if name == "status" else name, value)
