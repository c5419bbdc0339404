"""Writing action plan activities (the only place that commits them), audited."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask_babel import gettext as _
from sqlalchemy import select

from actionplans.models import Activity, ActivityStatus
from audit.services import record, tracking
from core.errors import HelixError
from core.extensions import db
from core.integrity import commit_or_fail
from events.models import Event
from missions.models import Mission
from outcomes.models import Outcome
from programme.models import Partnership


class ActivityError(HelixError):
    """A refused activity write; ``field`` names the form field it concerns."""


def _rows(model: Any, ids: list[int], field: str) -> list[Any]:
    ids = list(dict.fromkeys(ids or []))
    rows = list(db.session.scalars(select(model).where(model.id.in_(ids)))) if ids else []
    if len(rows) != len(ids):
        raise ActivityError(_("Choose one of the options in the list."), field=field)
    return rows


def _check(data: Mapping[str, Any]) -> tuple[str | None, str | None]:
    title_en = (data.get("title_en") or "").strip() or None
    title_zh = (data.get("title_zh") or "").strip() or None
    if not (title_en or title_zh):
        raise ActivityError(_("Enter a title in English or Chinese."), field="title_en")
    if data.get("status") not in {s.value for s in ActivityStatus}:
        raise ActivityError(_("Choose one of the options in the list."), field="status")
    starts, ends = data.get("starts_on"), data.get("ends_on")
    if starts and ends and ends < starts:
        raise ActivityError(_("The end cannot be before the start."), field="ends_on")
    return title_en, title_zh


def save_activity(actor: Any, partnership: Partnership, activity: Activity | None,
                  data: Mapping[str, Any]) -> Activity:
    """Create (``activity`` is None) or update an activity of ``partnership``'s plan."""
    title_en, title_zh = _check(data)
    events = _rows(Event, data.get("event_ids") or [], "event_ids")
    missions = _rows(Mission, data.get("mission_ids") or [], "mission_ids")
    outputs = _rows(Outcome, data.get("output_ids") or [], "output_ids")
    created = activity is None
    if activity is None:
        activity = Activity(partnership=partnership)
        db.session.add(activity)
    with tracking(actor, activity, "created" if created else "changed"):
        activity.title_en, activity.title_zh = title_en, title_zh
        activity.theme_id = data.get("theme_id")
        activity.owner_city_id = data.get("owner_city_id")
        activity.owner_organisation_id = data.get("owner_organisation_id")
        activity.starts_on, activity.ends_on = data.get("starts_on"), data.get("ends_on")
        activity.status = data["status"]
        activity.events, activity.missions, activity.outputs = events, missions, outputs
    commit_or_fail(ActivityError(_("The activity could not be saved.")))
    return activity


def drop_activity(actor: Any, activity: Activity) -> None:
    """Mark an activity dropped: plans keep their history, nothing is deleted."""
    before = activity.status
    activity.status = ActivityStatus.DROPPED.value
    record(actor, "dropped", activity, {"status": (before, activity.status)})
    commit_or_fail(ActivityError(_("The activity could not be saved.")))
