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
from outcomes.models import Outcome, OutcomeKind


class OutcomeError(HelixError):
    """A refused outcome write; ``field`` names the form field it concerns."""


def record_outcome(outcome: Outcome | None, data: Mapping[str, Any]) -> Outcome:
    """Create or update an outcome; its partnership defaults from the event's."""
    if data.get("kind") not in {k.value for k in OutcomeKind}:
        raise OutcomeError(_("Choose one of the options in the list."), field="kind")
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
    party_ids = list(data.get("party_ids") or [])
    parties = list(db.session.scalars(select(Organisation).where(
        Organisation.id.in_(party_ids)))) if party_ids else []
    if len(parties) != len(set(party_ids)):
        raise OutcomeError(_("Unknown organisation."), field="party_ids")
    partnership_id = data.get("partnership_id")
    if not partnership_id and event is not None:
        partnership_id = event.partnership_id or (
            event.mission.partnership_id if event.mission else None)
    if outcome is None:
        outcome = Outcome(slug=unique_slug(Outcome, title_en or title_zh or "", "outcome"))
        db.session.add(outcome)
    outcome.kind = data["kind"]
    outcome.title_en, outcome.title_zh = title_en, title_zh
    outcome.event_id = event.id if event else None
    outcome.partnership_id = partnership_id
    outcome.signed_on = data.get("signed_on")
    outcome.document_url = document_url
    outcome.parties = parties
    commit_or_fail(OutcomeError(_("The outcome could not be saved.")))
    return outcome


def delete_outcome(outcome: Outcome) -> None:
    """Remove an outcome recorded by mistake."""
    db.session.delete(outcome)
    commit_or_fail(OutcomeError(_("The outcome could not be deleted.")))
