"""Fixtures for the accounts tests: extra apps with their own configuration."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from flask import Flask

from app import create_app
from tests.conftest import FreshRequestClient, base_config


@pytest.fixture
def make_app(app: Flask, database_url: str) -> Callable[..., Flask]:
    """``make_app(**config)``: another app on the test database with extra settings."""

    def build(**overrides: Any) -> Flask:
        other = create_app({**base_config(database_url), **overrides})
        other.test_client_class = FreshRequestClient
        return other

    return build
