"""Configuration read from the environment, with safe development defaults."""

import os
from pathlib import Path
from typing import Any

from core.secret_key import development_key

ROOT = Path(__file__).resolve().parent.parent
INSTANCE = ROOT / "instance"


def driver_url(url: str) -> str:
    """``url`` with the psycopg 3 driver named: Heroku-style ``postgres://`` and plain
    ``postgresql://`` URLs would pick the old psycopg2, which Helix does not install."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url.removeprefix(prefix)
    return url


def _database_url() -> str:
    """The SQLAlchemy URL: ``DATABASE_URL`` or the embedded SQLite file."""
    return driver_url(os.environ.get("DATABASE_URL", f"sqlite:///{INSTANCE / 'helix.db'}"))


def from_environment() -> dict[str, Any]:
    """Build the configuration mapping from environment variables."""
    env = os.environ.get("HELIX_ENV", "development")
    secret = os.environ.get("SECRET_KEY")
    if not secret:
        if env not in ("development", "testing"):
            raise RuntimeError("SECRET_KEY must be set outside development")
        # One random key per checkout, in instance/ (not in git): every worker and
        # restart shares it, and no fixed secret ever lives in the repository.
        secret = development_key(INSTANCE)
    return {
        "HELIX_ENV": env,
        "SECRET_KEY": secret,
        "SQLALCHEMY_DATABASE_URI": _database_url(),
        "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True},
        "REDIS_URL": os.environ.get("REDIS_URL"),
        "BABEL_DEFAULT_LOCALE": "en",
        "BABEL_DEFAULT_TIMEZONE": "UTC",
        "BABEL_TRANSLATION_DIRECTORIES": str(ROOT / "translations"),
        "LANGUAGES": ["en", "zh"],
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_SECURE": env == "production",
        "REMEMBER_COOKIE_SECURE": env == "production",
        "WTF_CSRF_TIME_LIMIT": None,
        "PUBLIC_URL": os.environ.get("HELIX_PUBLIC_URL", "http://127.0.0.1:5000"),
        # Event attachments (agendas, slides, MoU drafts): where they are stored, under
        # random names, and the largest file accepted.
        "ATTACHMENTS_DIR": os.environ.get("HELIX_ATTACHMENTS_DIR", str(INSTANCE / "attachments")),
        "ATTACHMENT_MAX_BYTES": int(os.environ.get("HELIX_ATTACHMENT_MAX_BYTES",
                                                   str(10 * 1024 * 1024))),
    }
