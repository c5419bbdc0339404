"""Participants, organisations, helix roles, invitations and reports."""
