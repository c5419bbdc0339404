"""Participants, organisations and their helix roles."""

from participants.views import bp

__all__ = ["bp"]
