"""Read queries for invitation pages and for the people and events areas' panels.

The invite page's "Invite to" picker names an event as ``event:<id>`` and a mission as
``mission:<id>`` (:func:`target_value`); :func:`target_labels` and :func:`target_matches`
are its lookup and search.
"""

from __future__ import annotations

from collections.abc import Sequence

from flask_babel import gettext as _
from sqlalchemy import func, select
from sqlalchemy.orm import joinedload

from core.extensions import db
from core.fields import coerce_id
from core.i18n import localized
from events.choices import event_label
from events.models import Event, EventStatus
from invitations.models import Invitation, InvitationStatus
from missions.choices import title_holds
from missions.models import DelegationMember, Mission
from participants.models import Participant

TARGET_KINDS = ("event", "mission")


def status_counts(event_id: int) -> dict[str, int]:
    """Invitations of an event per status, every status present (one query)."""
    rows = db.session.execute(select(Invitation.status, func.count()).where(
        Invitation.event_id == event_id).group_by(Invitation.status))
    found = {status: n for status, n in rows}
    return {status.value: found.get(status.value, 0) for status in InvitationStatus}


def event_invitations(event_id: int) -> list[Invitation]:
    """An event's invitations with participants and organisations (one query)."""
    return list(db.session.scalars(
        select(Invitation).where(Invitation.event_id == event_id)
        .options(joinedload(Invitation.participant).joinedload(Participant.organisation),
                 joinedload(Invitation.participant).joinedload(Participant.city))
        .join(Invitation.participant).order_by(Participant.name)))


def schedule(participant_id: int) -> list[Invitation]:
    """A participant's invitations with events, cities and missions, in time order."""
    return list(db.session.scalars(
        select(Invitation).join(Invitation.event)
        .where(Invitation.participant_id == participant_id)
        .options(joinedload(Invitation.event).joinedload(Event.city),
                 joinedload(Invitation.event).joinedload(Event.mission))
        .order_by(Event.starts_at)))


def delegations(participant_id: int) -> list[DelegationMember]:
    """The missions a participant is a delegation member of."""
    return list(db.session.scalars(
        select(DelegationMember).join(DelegationMember.mission)
        .where(DelegationMember.participant_id == participant_id)
        .options(joinedload(DelegationMember.mission)).order_by(Mission.start_date)))


def target_value(token: str) -> str:
    """A submitted target, ``event:<id>`` or ``mission:<id>``; ``ValueError`` otherwise."""
    kind, _sep, raw_id = str(token).partition(":")
    if kind not in TARGET_KINDS:
        raise ValueError(kind)
    return f"{kind}:{coerce_id(raw_id)}"


def _mission_label(mission: Mission) -> str:
    return _("Mission: %(title)s", title=localized(mission, "title")[0])


def _ids(values: Sequence[str], kind: str) -> list[int]:
    return [int(value.partition(":")[2]) for value in values if value.startswith(kind + ":")]


def target_labels(values: Sequence[str]) -> dict[str, str]:
    """Labels of the named events (not cancelled) and missions that exist (a query each
    kind named)."""
    labels: dict[str, str] = {}
    if event_ids := _ids(values, "event"):
        labels |= {f"event:{e.id}": event_label(e) for e in db.session.scalars(
            select(Event).where(Event.id.in_(event_ids),
                                Event.status != EventStatus.CANCELLED.value))}
    if mission_ids := _ids(values, "mission"):
        labels |= {f"mission:{m.id}": _mission_label(m) for m in db.session.scalars(
            select(Mission).where(Mission.id.in_(mission_ids)))}
    return labels


def target_matches(q: str, limit: int) -> list[tuple[str, str]]:
    """Missions (at most a quarter of ``limit``) then events (not cancelled) whose title in
    either language or slug holds ``q``, latest first, at most ``limit`` in all (two
    queries)."""
    missions = db.session.scalars(select(Mission).where(title_holds(Mission, q))
                                  .order_by(Mission.start_date.desc(), Mission.id.desc())
                                  .limit(max(limit // 4, 1)))
    found = [(f"mission:{m.id}", _mission_label(m)) for m in missions]
    events = db.session.scalars(
        select(Event).where(title_holds(Event, q), Event.status != EventStatus.CANCELLED.value)
        .order_by(Event.starts_at.desc(), Event.id.desc()).limit(limit - len(found)))
    found += [(f"event:{e.id}", event_label(e)) for e in events]
    return found
