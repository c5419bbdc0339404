"""Helix reports: who took part by helix role and side, and the programme dashboard."""

from reports.views import bp

__all__ = ["bp"]
