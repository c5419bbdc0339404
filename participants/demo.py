"""The participants' part of the demo programme: organisations and participants."""

from typing import Any

from core.demo import upsert
from participants.models import Organisation, Participant


def load_people(data: dict[str, Any], refs: dict[str, dict[str, Any]]) -> dict[str, int]:
    """Organisations, then their people (after the cities they belong to)."""
    cities = refs["cities"]
    organisations = {}
    for item in data.get("organisations") or []:
        organisations[item["slug"]] = upsert(
            Organisation, "slug", item["slug"], name_en=item["name_en"],
            name_zh=item.get("name_zh"), city=cities.get(item.get("city") or ""),
            helix_role=item["helix_role"])
    participants = {}
    for item in data.get("participants") or []:
        organisation = organisations.get(item.get("organisation") or "")
        role = item.get("helix_role") or (organisation.helix_role if organisation else None)
        participants[item["email"]] = upsert(
            Participant, "email", item["email"], name=item["name"], name_zh=item.get("name_zh"),
            organisation=organisation, position=item.get("position"), helix_role=role,
            city=cities.get(item.get("city") or ""), language=item.get("language") or "en",
            timezone=item.get("timezone") or "UTC")
    refs["organisations"], refs["participants"] = organisations, participants
    return {"organisations": len(organisations), "participants": len(participants)}
