"""Participants, organisations, helix roles, invitations, imports and outcomes."""

from participants import (
    cli,
    views_import,
    views_invitations,
    views_organisations,
    views_outcomes,
)
from participants.views import bp

__all__ = ["bp", "cli", "views_import", "views_invitations", "views_organisations",
           "views_outcomes"]
