"""Fixtures for organisation pages (shared with the other people areas: tests/people.py)."""

from tests.people import org, organiser  # noqa: F401
