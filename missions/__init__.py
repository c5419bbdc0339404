"""Missions: delegations' trips and online programmes."""

from missions.views import bp

__all__ = ["bp"]
