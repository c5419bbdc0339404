"""Participants: people with a helix role, their key-contact roles and CSV import/export."""
