"""Participants, organisations, helix roles, invitations, imports and outcomes.

``participants.bp`` is loaded on first access (PEP 562), together with every module that
adds routes to it, so that importing ``participants.models`` from other areas does not pull
in the views (and their imports of events, missions and programme) at the same time.
"""

from typing import Any


def __getattr__(name: str) -> Any:
    if name == "bp":
        from participants import (  # noqa: F401  (each module adds its routes to bp)
            cli,
            views_import,
            views_invitations,
            views_organisations,
            views_outcomes,
        )
        from participants.views import bp

        return bp
    raise AttributeError(f"module 'participants' has no attribute {name!r}")
