"""Fixtures for indicator pages (shared with the other people areas: tests/people.py)."""

from tests.people import organiser  # noqa: F401
