"""Mission operations, one transaction each: the mission, its delegation, travel, hotels.

Mission edits use optimistic locking on ``Mission.version_id`` like events do. Every write
is recorded in the audit log (on the mission), in the same transaction.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from audit.services import record, tracking
from core.errors import HelixError
from core.extensions import db
from core.versioning import StaleError, versioned_save
from missions.models import DelegationMember, HotelStay, Mission, TravelLeg
from programme.models import City, Theme


class StaleMissionError(StaleError):
    """The mission changed since the organiser opened it; their save was refused."""

    message = _l("Someone else saved this mission after you opened it, so your changes were "
                 "not saved.")


class DuplicateMemberError(HelixError):
    """The participant is already in this delegation."""

    message = _l("Already in the delegation.")
    field = "participant_id"


def _apply(mission: Mission, data: Mapping[str, Any]) -> None:
    with db.session.no_autoflush:  # one UPDATE (one version bump) per save
        _assign(mission, data)


def _assign(mission: Mission, data: Mapping[str, Any]) -> None:
    for key, value in data.items():
        if key == "city_ids":
            mission.cities = list(db.session.scalars(select(City).where(City.id.in_(value))))
        elif key == "theme_ids":
            mission.themes = list(db.session.scalars(select(Theme).where(Theme.id.in_(value))))
        else:
            setattr(mission, key, value)


def create_mission(data: Mapping[str, Any], actor: Any = None) -> Mission:
    """Create and commit a mission."""
    mission = Mission()
    _apply(mission, data)
    db.session.add(mission)
    record(actor, "created", mission)
    db.session.commit()
    return mission


def update_mission(mission: Mission, data: Mapping[str, Any],
                   expected_version: int | str | None, actor: Any = None) -> Mission:
    """Apply an edit made from ``expected_version``; refuse it when stale."""
    with versioned_save(mission, expected_version, StaleMissionError(mission.id)):
        with db.session.no_autoflush, tracking(actor, mission):
            _assign(mission, data)
    return mission


def add_member(mission: Mission, data: Mapping[str, Any],
               actor: Any = None) -> DelegationMember:
    """Add a participant to the delegation (once)."""
    if any(m.participant_id == data["participant_id"] for m in mission.members):
        raise DuplicateMemberError()
    member = DelegationMember(mission=mission, **data)
    try:  # the audit record flushes: a row added in between fails there or at commit
        db.session.add(member)
        record(actor, "created", member)
        db.session.commit()
    except IntegrityError as exc:  # added by a parallel request in between
        db.session.rollback()
        raise DuplicateMemberError() from exc
    return member


def update_member(member: DelegationMember, data: Mapping[str, Any],
                  actor: Any = None) -> DelegationMember:
    """Change a member's role or invitation-letter / visa status."""
    with tracking(actor, member):
        for key, value in data.items():
            setattr(member, key, value)
    db.session.commit()
    return member


def remove_member(member: DelegationMember, actor: Any = None) -> None:
    """Take a participant out of the delegation."""
    record(actor, "deleted", member)
    db.session.delete(member)
    db.session.commit()


def add_leg(mission: Mission, data: Mapping[str, Any], actor: Any = None) -> TravelLeg:
    """Add a travel leg (instants in UTC, each end with its city's zone)."""
    leg = TravelLeg(mission=mission, **data)
    db.session.add(leg)
    record(actor, "created", leg)
    db.session.commit()
    return leg


def add_stay(mission: Mission, data: Mapping[str, Any], actor: Any = None) -> HotelStay:
    """Add a hotel stay."""
    stay = HotelStay(mission=mission, **data)
    db.session.add(stay)
    record(actor, "created", stay)
    db.session.commit()
    return stay


def delete_item(item: TravelLeg | HotelStay, actor: Any = None) -> None:
    """Delete a travel leg or hotel stay."""
    record(actor, "deleted", item)
    db.session.delete(item)
    db.session.commit()
