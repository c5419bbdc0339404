"""The one permission check that every write and private read goes through.

Views declare what they do with ``@require("events.edit", load=...)`` and templates ask
``can_do("participants.view")``; both end in :func:`can`, which turns the user and the
target into plain facts and asks the policy in ``accounts/policy.py`` (the rules live
there, as data).

Targets are described by :func:`target_facts`: the cities an object belongs to
(``city_id``, a ``cities`` collection, or those of its ``event``/``mission``), the
participants it belongs to (a ``Participant`` itself, or ``participant_id``) and whether
it is public (``visibility == "public"``). A model with other needs defines
``permission_target() -> accounts.policy.Target``.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, ParamSpec, TypeVar

from flask import abort, g
from flask_login import current_user

from accounts.policy import ANONYMOUS, Scope, Subject, Target, decide, read_scope, rule_for

P = ParamSpec("P")
R = TypeVar("R")

_PARENTS = ("event", "mission")


def subject_of(user: Any) -> Subject:
    """Facts about ``user`` (anonymous when missing or not signed in)."""
    if user is None or not getattr(user, "is_authenticated", False):
        return Subject(ANONYMOUS)
    return Subject(role=user.role, city_id=user.city_id, participant_id=user.participant_id)


def _city_ids(obj: Any, depth: int = 0) -> frozenset[int]:
    """Cities ``obj`` belongs to: its city, its cities, else its event's or mission's."""
    city_id = getattr(obj, "city_id", None)
    if city_id is not None:
        return frozenset({city_id})
    cities = getattr(obj, "cities", None)
    if cities:
        return frozenset(city.id for city in cities)
    if depth < 2:
        for parent_attr in _PARENTS:
            parent = getattr(obj, parent_attr, None)
            if parent is not None:
                # A parent that describes itself (an event) is taken at its word.
                custom = getattr(parent, "permission_target", None)
                return custom().city_ids if callable(custom) else _city_ids(parent, depth + 1)
    return frozenset()


def _participant_ids(obj: Any) -> frozenset[int]:
    """Participants ``obj`` belongs to: a participant itself or its ``participant_id``."""
    if getattr(obj, "__tablename__", None) == "participant":
        return frozenset({obj.id})
    participant_id = getattr(obj, "participant_id", None)
    return frozenset({participant_id}) if participant_id is not None else frozenset()


def target_facts(obj: Any) -> Target:
    """Describe ``obj`` for the policy (see the module docstring)."""
    custom = getattr(obj, "permission_target", None)
    if callable(custom):
        return custom()
    return Target(
        city_ids=_city_ids(obj),
        participant_ids=_participant_ids(obj),
        public=getattr(obj, "visibility", None) == "public",
    )


def can(user: Any, action: str, target: Any = None) -> bool:
    """May ``user`` perform ``action`` (on ``target``, when given)?

    Without a target the question is "on some object?" (list pages, empty forms):
    views ask again once the object is known (see :func:`ensure`).
    """
    facts = None if target is None else target_facts(target)
    return decide(subject_of(user), action, facts)


def scope(user: Any, area: str) -> Scope:
    """How much of ``area`` the user may list: list views filter their query with it."""
    return read_scope(subject_of(user).role, area)


def action_scope(user: Any, action: str) -> Scope:
    """The scope of ``action`` for the user: queries filter by it (``events.view_internal``)."""
    return rule_for(subject_of(user).role, action)


def deny() -> Any:
    """Refuse the current request: sign-in page for visitors, 403 for signed-in users."""
    if not current_user.is_authenticated:
        from core.extensions import login_manager

        return login_manager.unauthorized()
    abort(403)


def ensure(action: str, target: Any = None) -> None:
    """Abort with 403 (or send visitors to sign in) unless the current user may act.

    Call it in a view or service once the target is known, e.g. after a form chose the
    event's city: ``ensure("events.create", event)``.
    """
    if not can(current_user, action, target):
        response = deny()
        abort(response)


def require(
    action: str, load: Callable[..., Any] | None = None
) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Decorate a view: only users who may perform ``action`` get through.

    ``load`` receives the view's keyword arguments and returns the target (``None`` →
    404); the loaded object is left in ``g.target`` for the view. Visitors who are not
    signed in are sent to the sign-in page; signed-in users get 403.
    """

    def decorator(view: Callable[P, R]) -> Callable[P, R]:
        @wraps(view)
        def wrapped(*args: P.args, **kwargs: P.kwargs) -> R:
            target = None
            if load is not None:
                target = load(**kwargs)
                if target is None:
                    abort(404)
                g.target = target
            ensure(action, target)
            return view(*args, **kwargs)

        wrapped.helix_action = action  # type: ignore[attr-defined]
        return wrapped

    return decorator
