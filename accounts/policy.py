"""Helix permission policy: roles × actions × ownership, as data (no Flask import).

This module is *the one place* where Helix decides who may do what. Views never compare
roles themselves; they call ``accounts.permissions.can(user, action, target)`` which turns
the user and the target object into plain facts (:class:`Subject`, :class:`Target`) and
asks :func:`decide`.

Actions are strings ``"<area>.<verb>"`` (``events.edit``, ``missions.create``,
``invitations.respond``). A verb is a *read* when it is listed in :data:`READ_VERBS`;
every other verb is a *write* (an unknown verb therefore gets the stricter treatment).

Rules are looked up from the most to the least specific key: the exact action
(``"invitations.respond"``), then the area (``"invitations"``), then ``"*"``. A rule is
either a :class:`Grant` (one scope for reads, one for writes) or a bare :class:`Scope`
(used for an exact action). No rule means no access (fail closed).

Scopes say *which* targets a grant covers:

- ``ANY``: every target.
- ``OWN_CITY``: targets that belong to the user's city (an event in that city, a mission
  visiting it, a participant from it). Without a target (list page, empty "new" form)
  the check passes if the user has a city; views re-check once the target is known.
- ``SELF``: targets that belong to the user's own participant record (their invitation,
  their participant page). Without a target it fails: a delegate may not open the
  participant list, only their own record (use ``@require(..., load=...)``).
- ``PUBLIC``: targets marked public (``visibility == "public"``). Without a target it
  passes (list views filter with :func:`read_scope`); ``<area>.view_internal`` is
  therefore denied explicitly to anonymous visitors.
- ``NONE``: nothing.

To give a role access to a new area, add a line to :data:`POLICY`; nothing else changes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum

ROLES: tuple[str, ...] = ("admin", "organiser", "city_staff", "delegate")
"""Roles a signed-in user can hold, most powerful first."""

ANONYMOUS = "anonymous"
"""Pseudo-role of a visitor who is not signed in."""

ALL_ROLES: tuple[str, ...] = (*ROLES, ANONYMOUS)

READ_VERBS: frozenset[str] = frozenset(
    {
        "view",
        "view_internal",
        "list",
        "index",
        "read",
        "search",
        "export",
        "download",
        "feed",
        "history",
    }
)
"""Verbs that never change state. Every other verb counts as a write."""


class Scope(Enum):
    """Which targets a grant covers (see the module docstring)."""

    NONE = "none"
    ANY = "any"
    OWN_CITY = "own_city"
    SELF = "self"
    PUBLIC = "public"


@dataclass(frozen=True)
class Grant:
    """Scopes granted for the read verbs and for the write verbs of an area."""

    read: Scope = Scope.NONE
    write: Scope = Scope.NONE


@dataclass(frozen=True)
class Subject:
    """Facts about the acting user. ``role`` is ``"anonymous"`` when not signed in."""

    role: str = ANONYMOUS
    city_id: int | None = None
    participant_id: int | None = None


@dataclass(frozen=True)
class Target:
    """Facts about the object acted on, extracted by ``accounts.permissions``.

    ``city_ids``: cities the object belongs to (an event's city, a mission's cities).
    ``participant_ids``: participants the object belongs to (an invitation's invitee).
    ``public``: whether anonymous visitors may read it.
    """

    city_ids: frozenset[int] = field(default_factory=frozenset)
    participant_ids: frozenset[int] = field(default_factory=frozenset)
    public: bool = False


Rule = Grant | Scope

_EVERYTHING = Grant(read=Scope.ANY, write=Scope.ANY)
_READ_ONLY = Grant(read=Scope.ANY)
_CITY_WRITE = Grant(read=Scope.ANY, write=Scope.OWN_CITY)
_PUBLIC_READ = Grant(read=Scope.PUBLIC)

POLICY: Mapping[str, Mapping[str, Rule]] = {
    "admin": {
        "*": _EVERYTHING,
    },
    "organiser": {
        "*": _EVERYTHING,
        "users": Grant(),
    },
    "city_staff": {
        "*": _READ_ONLY,
        "users": Grant(),
        # Partnerships are created, edited and archived by organisers and admins only.
        "partnerships": _READ_ONLY,
        "events": _CITY_WRITE,
        "missions": _CITY_WRITE,
        # Travel, hotels and visa status: only of the missions visiting their city.
        "missions.view_internal": Scope.OWN_CITY,
        "participants": _CITY_WRITE,
        "organisations": _CITY_WRITE,
        "invitations": _CITY_WRITE,
        "delegations": _CITY_WRITE,
        "registrations": _CITY_WRITE,
        "registrations.register": Scope.ANY,
        "actionplans": _CITY_WRITE,
        "indicators": _CITY_WRITE,
        # Minutes, attachments and action items of the events of their city, as events.
        "followup": _CITY_WRITE,
        # Their own city's profile and key contacts; creating and archiving cities, and
        # themes, are the organisers'.
        "cities.edit": Scope.OWN_CITY,
        "account": _EVERYTHING,
    },
    "delegate": {
        "*": _READ_ONLY,
        "users": Grant(),
        "audit": Grant(),
        "participants": Grant(read=Scope.SELF),
        "organisations": _READ_ONLY,
        "invitations": Grant(read=Scope.SELF),
        "invitations.respond": Scope.SELF,
        # Internal events they are invited to (or whose mission they travel with);
        # travel, hotels and visas of their own delegation only.
        "events.view_internal": Scope.SELF,
        "missions.view_internal": Scope.SELF,
        "delegations": Grant(),
        # The follow-up of the events they may see (the view checks the event), no lists.
        "followup": Grant(),
        "followup.view": Scope.ANY,
        "followup.download": Scope.ANY,
        "reports": Grant(),
        "registrations": Grant(),
        "registrations.register": Scope.ANY,
        "account": _EVERYTHING,
    },
    ANONYMOUS: {
        "events": _PUBLIC_READ,
        "events.view_internal": Scope.NONE,
        "missions": _READ_ONLY,
        "missions.view_internal": Scope.NONE,
        "programme": _READ_ONLY,
        "cities": _READ_ONLY,
        "themes": _READ_ONLY,
        "partnerships": _READ_ONLY,
        "outcomes": _READ_ONLY,
        "calendars": _PUBLIC_READ,
        "registrations.register": Scope.ANY,
    },
}
"""role → key → rule. Keys are an exact action, an area, or ``"*"``."""


def split_action(action: str) -> tuple[str, str]:
    """Split ``"area.verb"`` into its parts; raise ``ValueError`` if malformed."""
    area, sep, verb = action.partition(".")
    if not sep or not area or not verb or "." in verb:
        raise ValueError(f"action must look like 'area.verb', got {action!r}")
    return area, verb


def is_read(action: str) -> bool:
    """True when the action's verb is a read verb (it never changes state)."""
    return split_action(action)[1] in READ_VERBS


def rule_for(role: str, action: str, policy: Mapping[str, Mapping[str, Rule]] = POLICY) -> Scope:
    """Return the scope granted to ``role`` for ``action`` (``Scope.NONE`` if no rule)."""
    area, _verb = split_action(action)
    rules = policy.get(role, {})
    for key in (action, area, "*"):
        rule = rules.get(key)
        if rule is None:
            continue
        if isinstance(rule, Scope):
            return rule
        return rule.read if is_read(action) else rule.write
    return Scope.NONE


def read_scope(role: str, area: str) -> Scope:
    """Scope of ``area.list`` for ``role``: list views use it to filter their query."""
    return rule_for(role, f"{area}.list")


def _covers(scope: Scope, subject: Subject, target: Target | None) -> bool:
    """Whether ``scope`` covers ``target`` for ``subject``."""
    if scope is Scope.ANY:
        return True
    if scope is Scope.OWN_CITY:
        if subject.city_id is None:
            return False
        return target is None or subject.city_id in target.city_ids
    if scope is Scope.SELF:
        if subject.participant_id is None or target is None:
            return False
        return subject.participant_id in target.participant_ids
    if scope is Scope.PUBLIC:
        return target is None or target.public
    return False


def decide(subject: Subject, action: str, target: Target | None = None) -> bool:
    """Decide whether ``subject`` may perform ``action`` on ``target``.

    ``target=None`` asks "may the subject do this to *some* object?" (list pages, empty
    forms); views must ask again with the real target once it is known.
    Unknown roles get nothing.
    """
    if subject.role not in ALL_ROLES:
        return False
    return _covers(rule_for(subject.role, action), subject, target)
