"""The programme's part of the demo: cities, themes and partnerships."""

from datetime import date
from typing import Any

from sqlalchemy import func, select

from core.demo import as_date, upsert
from core.extensions import db
from programme.models import City, Partnership, PartnershipStage, Stage, Theme

Refs = dict[str, dict[str, Any]]


def database_is_empty() -> bool:
    """True when no city has been stored yet."""
    return not db.session.scalar(select(func.count()).select_from(City))


def _load_cities(data: list[dict[str, Any]]) -> dict[str, City]:
    cities = {}
    for item in data:
        fields = {k: v for k, v in item.items() if k != "slug"}
        cities[item["slug"]] = upsert(City, "slug", item["slug"], **fields)
    return cities


def _load_themes(data: list[dict[str, Any]]) -> dict[str, Theme]:
    themes = {}
    for item in data:
        themes[item["slug"]] = upsert(
            Theme, "slug", item["slug"], name_en=item["name_en"], name_zh=item.get("name_zh"),
            sdgs=",".join(str(n) for n in item.get("sdgs") or []),
            urban_agenda="; ".join(item.get("urban_agenda") or []) or None)
    return themes


#: the last day the demo's stage histories may reach (the seeds end in December 2020)
HISTORY_END = date(2020, 12, 1)


def walked_stages(stage: str, start: date | None,
                  end: date | None) -> list[tuple[str, date, str | None]]:
    """A plausible history for a partnership whose seeds give no dated stages: every stage
    of the narrative up to ``stage``, spread evenly over its period (at most to
    :data:`HISTORY_END`)."""
    order = [s.value for s in Stage]
    steps = order[:order.index(stage) + 1] if stage in order else [stage]
    first = start or HISTORY_END
    last = max(first, min(end or HISTORY_END, HISTORY_END))
    span = (last - first) / len(steps)
    return [(step, first + span * n, None) for n, step in enumerate(steps)]


def _load_history(partnership: Partnership, item: dict[str, Any]) -> None:
    """The partnership's stage history, once: dated in the YAML where the seeds date the
    steps, walked otherwise; its last entry is the current stage."""
    if partnership.stage_history:
        return
    given = [(step["stage"], as_date(step["changed_on"]), step.get("note"))
             for step in item.get("stage_history") or []]
    for stage, on, note in given or walked_stages(partnership.stage, partnership.start_date,
                                                  partnership.end_date):
        partnership.stage_history.append(PartnershipStage(stage=stage, changed_on=on,
                                                          note=note))


def _load_partnerships(data: list[dict[str, Any]], cities: dict[str, City],
                       themes: dict[str, Theme]) -> dict[str, Partnership]:
    partnerships = {}
    for item in data:
        partnership = upsert(
            Partnership, "slug", item["slug"],
            start_date=as_date(item.get("start")), end_date=as_date(item.get("end")),
            stage=item.get("stage") or "partner", summary_en=item.get("summary_en"),
            summary_zh=item.get("summary_zh"))
        partnership.eu_cities = [cities[s] for s in item.get("eu_cities") or []]
        partnership.china_cities = [cities[s] for s in item.get("china_cities") or []]
        partnership.themes = [themes[s] for s in item.get("themes") or []]
        _load_history(partnership, item)
        partnerships[item["slug"]] = partnership
    return partnerships


def load_reference_data(data: dict[str, Any], refs: Refs) -> dict[str, int]:
    """Cities, themes and partnerships (everything else refers to them)."""
    refs["cities"] = _load_cities(data["cities"])
    refs["themes"] = _load_themes(data.get("themes") or [])
    refs["partnerships"] = _load_partnerships(data.get("partnerships") or [],
                                              refs["cities"], refs["themes"])
    return {name: len(refs[name]) for name in ("cities", "themes", "partnerships")}
