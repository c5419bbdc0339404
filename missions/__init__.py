"""Missions: delegations' trips and online programmes."""

from missions import edit_views, printing  # noqa: F401  (register on bp)
from missions.views import bp

__all__ = ["bp"]
