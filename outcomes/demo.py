"""The outcomes' part of the demo programme: MoUs, agreements, pilot projects."""

from typing import Any

from core.demo import as_date, upsert
from outcomes.models import Outcome, OutcomeStatus

Refs = dict[str, dict[str, Any]]


def load_outcomes(data: dict[str, Any], refs: Refs) -> dict[str, int]:
    """Outcomes, last: they name their event (stored, so it has an id) and parties."""
    items = data.get("outcomes") or []
    for item in items:
        event = refs["events"].get(item.get("event") or "")
        outcome = upsert(
            Outcome, "slug", item["slug"], kind=item["kind"], title_en=item.get("title_en"),
            title_zh=item.get("title_zh"), event_id=event.id if event else None,
            partnership=refs["partnerships"].get(item.get("partnership") or ""),
            status=item.get("status") or OutcomeStatus.SIGNED.value,
            signed_on=as_date(item.get("signed_on")), document_url=item.get("document_url"))
        outcome.parties = [refs["organisations"][s] for s in item.get("parties") or []]
        outcome.cities = [refs["cities"][s] for s in item.get("cities") or []]
        outcome.themes = [refs["themes"][s] for s in item.get("themes") or []]
    return {"outcomes": len(items)}
