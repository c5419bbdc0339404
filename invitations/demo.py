"""The invitations' part of the demo programme: who is invited to each event."""

from typing import Any

from core.demo import sync_people
from invitations.models import Invitation


def load_invitations(data: dict[str, Any], refs: dict[str, dict[str, Any]]) -> dict[str, int]:
    """The ``participants`` of every demo event, as invitations with their status."""
    count = 0
    for item in data.get("events") or []:
        wanted = item.get("participants") or []
        sync_people(refs["events"][item["slug"]].invitations, wanted, refs["participants"],
                    Invitation, "status")
        count += len(wanted)
    return {"invitations": count}
