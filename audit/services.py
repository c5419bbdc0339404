"""Recording and reading the audit log. Other packages call :func:`record` or :func:`tracking`.

Entries are added to the current session without committing, so they are written in the
same transaction as the change they describe (and vanish with it on rollback)::

    from audit.services import record, snapshot, tracking

    record(current_user, "created", event)            # after db.session.add(event)
    with tracking(current_user, event):               # diff before → after
        form.populate_obj(event)
    record(current_user, "cancelled", mission, {"status": ("confirmed", "cancelled")})
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import RelationshipProperty

from audit.diff import Changes, diff, to_jsonable
from audit.models import AuditEntry
from core.extensions import db

ACTIONS: tuple[str, ...] = ("created", "changed", "cancelled", "deleted")
"""Actions with a translated label in the log; others are shown as given."""

_LABEL_ATTRS = ("title_en", "name_en", "name", "slug", "email")


def object_type(obj: Any) -> str:
    """The type name stored in the log: the class name in lower case (``event``)."""
    return type(obj).__name__.lower()


def object_label(obj: Any) -> str:
    """A human label for ``obj``: its English title or name, slug, e-mail or id."""
    for attr in _LABEL_ATTRS:
        value = getattr(obj, attr, None)
        if value:
            return str(value)[:300]
    return f"{object_type(obj)} #{getattr(obj, 'id', '?')}"


def _related_key(item: Any) -> Any:
    """How an item of a collection appears in a snapshot: slug if any, else id."""
    return getattr(item, "slug", None) or getattr(item, "id", None)


def snapshot(obj: Any) -> dict[str, Any]:
    """Column values and many-to-many memberships of ``obj`` as a plain dict."""
    mapper = sa.inspect(type(obj))
    values: dict[str, Any] = {attr.key: getattr(obj, attr.key) for attr in mapper.column_attrs}
    for rel in mapper.relationships:
        if isinstance(rel, RelationshipProperty) and rel.secondary is not None:
            values[rel.key] = sorted((_related_key(i) for i in getattr(obj, rel.key)), key=str)
    return values


def _actor_fields(actor: Any) -> tuple[int | None, str]:
    """Id and label of the acting user (``system`` for CLI jobs and anonymous)."""
    if actor is None or not getattr(actor, "is_authenticated", False):
        return None, "system"
    return actor.id, actor.email


def record(
    actor: Any,
    action: str,
    obj: Any,
    changes: Mapping[str, tuple[Any, Any]] | None = None,
) -> AuditEntry | None:
    """Add an audit entry for ``obj`` to the session (flushing to learn its id).

    ``changes`` maps field → (before, after). For ``created`` without changes the
    object's full snapshot is logged. A ``changed`` entry with no changes is skipped
    (returns ``None``).
    """
    db.session.flush()
    if changes is None and action == "created":
        changes = diff(None, snapshot(obj))
    stored = {k: [to_jsonable(b), to_jsonable(a)] for k, (b, a) in (changes or {}).items()}
    if action == "changed" and not stored:
        return None
    actor_id, actor_label = _actor_fields(actor)
    entry = AuditEntry(
        actor_id=actor_id,
        actor_label=actor_label,
        action=action,
        object_type=object_type(obj),
        object_id=getattr(obj, "id", None),
        object_label=object_label(obj),
        changes=stored,
    )
    db.session.add(entry)
    return entry


@contextmanager
def tracking(actor: Any, obj: Any, action: str = "changed") -> Iterator[Changes]:
    """Snapshot ``obj``, run the block, then record what changed under ``action``.

    Yields the dict that is filled with the changes once the block ends.
    """
    before = snapshot(obj)
    found: Changes = {}
    yield found
    found.update(diff(before, snapshot(obj)))
    record(actor, action, obj, found)


def entries_for(obj: Any, limit: int = 50) -> list[AuditEntry]:
    """The newest ``limit`` entries about ``obj``."""
    query = (
        sa.select(AuditEntry)
        .where(AuditEntry.object_type == object_type(obj), AuditEntry.object_id == obj.id)
        .order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
        .limit(limit)
    )
    return list(db.session.scalars(query))
