"""Production refuses weak keys; development keeps one stable key in instance/."""

from __future__ import annotations

import secrets
import stat
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import core.config
from core.config import from_environment
from core.secret_key import development_key, weakness


@pytest.mark.parametrize("key", ["", " " * 16, " " * 40, "a" * 64, "abcd" * 10,
                                 "0123456789abcdef", "password" * 4])
def test_weak_keys_are_refused(key: str) -> None:
    assert weakness(key)


def test_random_keys_pass() -> None:
    for key in (secrets.token_hex(32), secrets.token_urlsafe(32), secrets.token_hex(16)):
        assert weakness(key) is None, key


def test_production_startup_names_the_problem(monkeypatch: pytest.MonkeyPatch) -> None:
    from app import create_app

    monkeypatch.setenv("HELIX_ENV", "production")
    monkeypatch.setenv("SECRET_KEY", " " * 16)
    with pytest.raises(RuntimeError, match="SECRET_KEY has 16 characters"):
        create_app({"SQLALCHEMY_DATABASE_URI": "sqlite://"})


def test_development_key_is_stable_private_and_shared(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    with ThreadPoolExecutor(8) as pool:
        keys = set(pool.map(lambda _: development_key(tmp_path / "instance"), range(16)))
    assert len(keys) == 1 and weakness(keys.pop()) is None
    path = tmp_path / "instance" / "secret_key"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert sorted(p.name for p in path.parent.iterdir()) == ["secret_key"]
    monkeypatch.setattr(core.config, "INSTANCE", tmp_path / "instance")
    monkeypatch.delenv("SECRET_KEY", raising=False)
    monkeypatch.delenv("HELIX_ENV", raising=False)
    assert from_environment()["SECRET_KEY"] == from_environment()["SECRET_KEY"] == \
        path.read_text()
