"""The one permission check that every write and private read goes through.

Views declare what they do with ``@require("events.edit")``; the rules live in
:func:`can` so a change of policy is a change in one place.
"""

from collections.abc import Callable
from functools import wraps
from typing import Any, ParamSpec, TypeVar

from flask import abort
from flask_login import current_user

from accounts.models import Role

P = ParamSpec("P")
R = TypeVar("R")

#: Actions anyone (even anonymous) may take.
PUBLIC_ACTIONS = frozenset({"programme.view"})
#: Actions open to every signed-in user.
SIGNED_IN_ACTIONS = frozenset({"account.view", "account.edit"})
#: Actions for organisers (admins may do everything).
ORGANISER_ACTIONS = frozenset({
    "events.view_internal", "events.edit", "missions.view_internal", "missions.edit",
    "participants.view", "participants.edit", "programme.edit", "reports.view",
})


def can(user: Any, action: str, target: Any = None) -> bool:
    """May ``user`` perform ``action`` (on ``target``, when given)?"""
    if action in PUBLIC_ACTIONS:
        return True
    if user is None or not getattr(user, "is_authenticated", False):
        return False
    if user.role == Role.ADMIN:
        return True
    if action in SIGNED_IN_ACTIONS:
        return True
    if user.role == Role.ORGANISER:
        return action in ORGANISER_ACTIONS
    return False


def require(action: str, load: Callable[..., Any] | None = None
            ) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Decorate a view: 401/403 unless the current user may perform ``action``.

    ``load`` receives the view's keyword arguments and returns the target object,
    so ownership rules can see what is being changed.
    """

    def decorator(view: Callable[P, R]) -> Callable[P, R]:
        @wraps(view)
        def wrapped(*args: P.args, **kwargs: P.kwargs) -> R:
            target = load(**kwargs) if load else None
            if not can(current_user, action, target):
                abort(403 if current_user.is_authenticated else 401)
            return view(*args, **kwargs)

        wrapped.helix_action = action  # type: ignore[attr-defined]
        return wrapped

    return decorator
