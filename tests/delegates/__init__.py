"""Tests of the delegates package."""
