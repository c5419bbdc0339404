"""Fixtures for invitation pages (shared with the other people areas: tests/people.py)."""

from tests.people import by_email, event, org, organiser  # noqa: F401
