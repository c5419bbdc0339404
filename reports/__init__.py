"""Helix reports: who took part by helix role and side, indicators and the dashboard."""
