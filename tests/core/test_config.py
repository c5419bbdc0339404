"""Configuration from the environment."""

import pytest

from core.config import from_environment


def test_secret_key_required_outside_development(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HELIX_ENV", "production")
    monkeypatch.delenv("SECRET_KEY", raising=False)
    with pytest.raises(RuntimeError, match="SECRET_KEY"):
        from_environment()


def test_development_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("HELIX_ENV", raising=False)
    monkeypatch.delenv("SECRET_KEY", raising=False)
    monkeypatch.delenv("DATABASE_URL", raising=False)
    config = from_environment()
    assert config["SQLALCHEMY_DATABASE_URI"].endswith("instance/helix.db")
    assert len(config["SECRET_KEY"]) >= 32
    assert config["SESSION_COOKIE_SECURE"] is False


def test_postgres_urls_use_psycopg3(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_URL", "postgres://u@db/helix")
    assert from_environment()["SQLALCHEMY_DATABASE_URI"] == "postgresql+psycopg://u@db/helix"
    monkeypatch.setenv("DATABASE_URL", "postgresql://u@db/helix")
    assert from_environment()["SQLALCHEMY_DATABASE_URI"] == "postgresql+psycopg://u@db/helix"
