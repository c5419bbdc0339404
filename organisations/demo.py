"""The organisations' part of the demo programme."""

from typing import Any

from core.demo import upsert
from organisations.models import Organisation


def load_organisations(data: dict[str, Any], refs: dict[str, dict[str, Any]]
                       ) -> dict[str, int]:
    """Organisations, after the cities they belong to."""
    cities = refs["cities"]
    organisations = {}
    for item in data.get("organisations") or []:
        organisations[item["slug"]] = upsert(
            Organisation, "slug", item["slug"], name_en=item["name_en"],
            name_zh=item.get("name_zh"), city=cities.get(item.get("city") or ""),
            helix_role=item["helix_role"])
    refs["organisations"] = organisations
    return {"organisations": len(organisations)}
