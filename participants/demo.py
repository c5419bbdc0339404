"""The participants' part of the demo programme: people, in their organisations."""

from typing import Any

from core.demo import upsert
from participants.models import Participant


def load_people(data: dict[str, Any], refs: dict[str, dict[str, Any]]) -> dict[str, int]:
    """The people, after the cities and organisations they belong to."""
    cities = refs["cities"]
    organisations = refs["organisations"]
    participants = {}
    for item in data.get("participants") or []:
        organisation = organisations.get(item.get("organisation") or "")
        role = item.get("helix_role") or (organisation.helix_role if organisation else None)
        participants[item["email"]] = upsert(
            Participant, "email", item["email"], name=item["name"], name_zh=item.get("name_zh"),
            organisation=organisation, position=item.get("position"), helix_role=role,
            city=cities.get(item.get("city") or ""), language=item.get("language") or "en",
            timezone=item.get("timezone") or "UTC", side=item.get("side") or _city_side(
                cities.get(item.get("city") or ""), organisation))
    refs["participants"] = participants
    return {"participants": len(participants)}


def _city_side(city: Any, organisation: Any) -> str | None:
    """The default side: the person's city's, else their organisation's city's."""
    city = city or (organisation.city if organisation is not None else None)
    return city.side if city is not None else None
