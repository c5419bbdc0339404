"""Load the IUC demo programme from ``programme/demo/programme.yaml``.

Every record is matched on its natural key (slug or e-mail) and updated in place, so
loading twice changes nothing. The whole load is one transaction.
"""

from datetime import date, datetime
from pathlib import Path
from typing import Any, TypeVar

import yaml
from sqlalchemy import func, select

from core.extensions import db
from core.timefmt import local_to_utc
from events.models import Event
from invitations.models import Invitation
from missions.models import DelegationMember, Mission
from organisations.models import Organisation
from outcomes.models import Outcome
from participants.models import Participant
from programme.models import City, Partnership, Theme

DEMO_FILE = Path(__file__).parent / "demo" / "programme.yaml"

M = TypeVar("M", bound=db.Model)  # type: ignore[name-defined]


def read_demo_file(path: Path = DEMO_FILE) -> dict[str, Any]:
    """The demo programme as plain data."""
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def database_is_empty() -> bool:
    """True when no city has been stored yet."""
    return not db.session.scalar(select(func.count()).select_from(City))


def _upsert(model: type[M], key: str, value: Any, **fields: Any) -> M:
    """Find a row by its natural key and update it, or create it."""
    row = db.session.scalar(select(model).where(getattr(model, key) == value))
    if row is None:
        row = model(**{key: value})
        db.session.add(row)
    for name, field_value in fields.items():
        if getattr(row, name) != field_value:
            setattr(row, name, field_value)
    return row


def _as_date(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def _as_local(value: Any) -> datetime:
    return value if isinstance(value, datetime) else datetime.fromisoformat(str(value))


def _load_cities(data: list[dict[str, Any]]) -> dict[str, City]:
    cities = {}
    for item in data:
        fields = {k: v for k, v in item.items() if k != "slug"}
        cities[item["slug"]] = _upsert(City, "slug", item["slug"], **fields)
    return cities


def _load_themes(data: list[dict[str, Any]]) -> dict[str, Theme]:
    themes = {}
    for item in data:
        themes[item["slug"]] = _upsert(
            Theme, "slug", item["slug"], name_en=item["name_en"], name_zh=item.get("name_zh"),
            sdgs=",".join(str(n) for n in item.get("sdgs") or []),
            urban_agenda="; ".join(item.get("urban_agenda") or []) or None)
    return themes


def _load_partnerships(data: list[dict[str, Any]], cities: dict[str, City],
                       themes: dict[str, Theme]) -> dict[str, Partnership]:
    partnerships = {}
    for item in data:
        partnership = _upsert(
            Partnership, "slug", item["slug"], eu_city=cities[item["eu_city"]],
            start_date=_as_date(item.get("start")), end_date=_as_date(item.get("end")),
            stage=item.get("stage") or "partner", summary_en=item.get("summary_en"),
            summary_zh=item.get("summary_zh"))
        partnership.china_cities = [cities[s] for s in item.get("china_cities") or []]
        partnership.themes = [themes[s] for s in item.get("themes") or []]
        partnerships[item["slug"]] = partnership
    return partnerships


def _load_people(data: dict[str, Any], cities: dict[str, City]
                 ) -> tuple[dict[str, Organisation], dict[str, Participant]]:
    organisations = {}
    for item in data.get("organisations") or []:
        organisations[item["slug"]] = _upsert(
            Organisation, "slug", item["slug"], name_en=item["name_en"],
            name_zh=item.get("name_zh"), city=cities.get(item.get("city") or ""),
            helix_role=item["helix_role"])
    participants = {}
    for item in data.get("participants") or []:
        organisation = organisations.get(item.get("organisation") or "")
        role = item.get("helix_role") or (organisation.helix_role if organisation else None)
        participants[item["email"]] = _upsert(
            Participant, "email", item["email"], name=item["name"], name_zh=item.get("name_zh"),
            organisation=organisation, position=item.get("position"), helix_role=role,
            city=cities.get(item.get("city") or ""), language=item.get("language") or "en",
            timezone=item.get("timezone") or "UTC")
    return organisations, participants


def _sync_people(rows: list[Any], wanted: list[dict[str, Any]],
                 participants: dict[str, Participant], model: type, field: str) -> None:
    """Add or update the participant rows (delegation members, invitations) of a record."""
    existing = {row.participant.email: row for row in rows}
    for item in wanted:
        row = existing.get(item["participant"])
        if row is None:
            rows.append(model(participant=participants[item["participant"]],
                              **{field: item[field]}))
        elif getattr(row, field) != item[field]:
            setattr(row, field, item[field])


def _load_missions(data: list[dict[str, Any]], refs: dict[str, dict[str, Any]]
                   ) -> dict[str, Mission]:
    missions = {}
    for item in data:
        mission = _upsert(
            Mission, "slug", item["slug"], kind=item["kind"], title_en=item.get("title_en"),
            title_zh=item.get("title_zh"), objectives_en=item.get("objectives_en"),
            objectives_zh=item.get("objectives_zh"),
            partnership=refs["partnerships"].get(item.get("partnership") or ""),
            start_date=_as_date(item["start"]), end_date=_as_date(item["end"]),
            status=item.get("status") or "planned")
        mission.cities = [refs["cities"][s] for s in item.get("cities") or []]
        mission.themes = [refs["themes"][s] for s in item.get("themes") or []]
        _sync_people(mission.members, item.get("members") or [], refs["participants"],
                     DelegationMember, "role")
        missions[item["slug"]] = mission
    return missions


def _load_events(data: list[dict[str, Any]], refs: dict[str, dict[str, Any]]
                 ) -> dict[str, Event]:
    events = {}
    for item in data:
        tz_name = item["timezone"]
        event = _upsert(
            Event, "slug", item["slug"], kind=item["kind"], title_en=item.get("title_en"),
            title_zh=item.get("title_zh"), description_en=item.get("description_en"),
            description_zh=item.get("description_zh"),
            starts_at=local_to_utc(_as_local(item["start"]), tz_name),
            ends_at=local_to_utc(_as_local(item["end"]), tz_name), timezone=tz_name,
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
            date_note=item.get("date_note"))
        _sync_people(event.invitations, item.get("participants") or [],
                     refs["participants"], Invitation, "status")
        events[item["slug"]] = event
    return events


def _load_outcomes(data: list[dict[str, Any]], refs: dict[str, dict[str, Any]]) -> int:
    for item in data:
        event = refs["events"].get(item.get("event") or "")
        outcome = _upsert(
            Outcome, "slug", item["slug"], kind=item["kind"], title_en=item.get("title_en"),
            title_zh=item.get("title_zh"), event_id=event.id if event else None,
            partnership=refs["partnerships"].get(item.get("partnership") or ""),
            signed_on=_as_date(item.get("signed_on")), document_url=item.get("document_url"))
        outcome.parties = [refs["organisations"][s] for s in item.get("parties") or []]
    return len(data)


def load_demo_programme(path: Path = DEMO_FILE) -> dict[str, int]:
    """Load (or refresh) the demo programme in one transaction; returns counts."""
    data = read_demo_file(path)
    try:
        refs: dict[str, dict[str, Any]] = {}
        refs["cities"] = _load_cities(data["cities"])
        refs["themes"] = _load_themes(data.get("themes") or [])
        refs["partnerships"] = _load_partnerships(data.get("partnerships") or [],
                                                  refs["cities"], refs["themes"])
        refs["organisations"], refs["participants"] = _load_people(data, refs["cities"])
        refs["missions"] = _load_missions(data.get("missions") or [], refs)
        refs["events"] = _load_events(data.get("events") or [], refs)
        db.session.flush()
        outcomes = _load_outcomes(data.get("outcomes") or [], refs)
        db.session.commit()
    except Exception:
        db.session.rollback()
        raise
    counts = {name: len(rows) for name, rows in refs.items()}
    counts["outcomes"] = outcomes
    return counts
