"""Recording what came out of events: MoUs, agreements, pilot projects, joint studies."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

from flask_babel import gettext as _
from sqlalchemy import select

from core.errors import HelixError
from core.extensions import db
from core.integrity import commit_or_fail
from events.models import Event
from organisations.models import Organisation
from organisations.services import unique_slug
from outcomes.models import Outcome, OutcomeKind, OutcomeStatus
from programme.models import City, Theme


class OutcomeError(HelixError):
    """A refused outcome write; ``field`` names the form field it concerns."""


def _chosen(model: type, ids: Any, field: str, message: str) -> list[Any]:
    """The rows of ``model`` with these ids; an unknown id is an error on ``field``."""
    wanted = set(ids or [])
    rows = list(db.session.scalars(select(model).where(model.id.in_(wanted)))) if wanted else []
    if len(rows) != len(wanted):
        raise OutcomeError(message, field=field)
    return rows


def record_outcome(outcome: Outcome | None, data: Mapping[str, Any]) -> Outcome:
    """Create or update an outcome; its partnership defaults from the event's."""
    if data.get("kind") not in {k.value for k in OutcomeKind}:
        raise OutcomeError(_("Choose one of the options in the list."), field="kind")
    status = data.get("status") or OutcomeStatus.SIGNED.value
    if status not in {s.value for s in OutcomeStatus}:
        raise OutcomeError(_("Choose one of the options in the list."), field="status")
    title_en = (data.get("title_en") or "").strip() or None
    title_zh = (data.get("title_zh") or "").strip() or None
    if not (title_en or title_zh):
        raise OutcomeError(_("Enter a title in English or Chinese."), field="title_en")
    event = db.session.get(Event, data["event_id"]) if data.get("event_id") else None
    if data.get("event_id") and event is None:
        raise OutcomeError(_("Unknown event."), field="event_id")
    document_url = (data.get("document_url") or "").strip() or None
    if document_url and urlsplit(document_url).scheme not in ("http", "https"):
        raise OutcomeError(_("Enter a full link starting with https://."), field="document_url")
    parties = _chosen(Organisation, data.get("party_ids"), "party_ids",
                      _("Unknown organisation."))
    cities = _chosen(City, data.get("city_ids"), "city_ids", _("Unknown city."))
    themes = _chosen(Theme, data.get("theme_ids"), "theme_ids", _("Unknown theme."))
    partnership_id = data.get("partnership_id")
    if not partnership_id and event is not None:
        partnership_id = event.partnership_id or (
            event.mission.partnership_id if event.mission else None)
    if outcome is None:
        outcome = Outcome(slug=unique_slug(Outcome, title_en or title_zh or "", "outcome"))
        db.session.add(outcome)
    outcome.kind, outcome.status = data["kind"], status
    outcome.title_en, outcome.title_zh = title_en, title_zh
    outcome.event_id = event.id if event else None
    outcome.partnership_id = partnership_id
    outcome.signed_on = data.get("signed_on")
    outcome.document_url = document_url
    outcome.parties, outcome.cities, outcome.themes = parties, cities, themes
    commit_or_fail(OutcomeError(_("The outcome could not be saved.")))
    return outcome


def delete_outcome(outcome: Outcome) -> None:
    """Remove an outcome recorded by mistake."""
    db.session.delete(outcome)
    commit_or_fail(OutcomeError(_("The outcome could not be deleted.")))
