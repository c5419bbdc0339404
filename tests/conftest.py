"""Shared fixtures: an app per test on a clean database, for SQLite and PostgreSQL.

The schema is built once per database backend by running the migrations from empty
(so every run proves they apply), and every table is emptied after each test.
"""

import contextvars
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from flask import Flask, has_app_context
from flask.testing import FlaskClient, FlaskCliRunner
from flask_migrate import upgrade
from sqlalchemy import create_engine, event, text

from app import create_app
from core.config import driver_url
from core.extensions import db
from tests.database import empty_all_tables, worker_database


def _backends() -> list[tuple[str, str | None]]:
    backends: list[tuple[str, str | None]] = [("sqlite", None)]
    url = os.environ.get("TEST_DATABASE_URL")
    if url:
        backends.append(("postgresql", url))
    return backends


def _reset_postgresql(url: str) -> None:
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()


ATTACHMENTS_DIR = Path(tempfile.gettempdir()) / f"helix-test-attachments-{os.getpid()}"
"""Where the test apps store event attachments (never the checkout's instance folder)."""


@pytest.fixture(scope="session", autouse=True)
def _attachments_dir() -> Iterator[None]:
    """Remove the test run's attachments folder at the end."""
    yield
    shutil.rmtree(ATTACHMENTS_DIR, ignore_errors=True)


def base_config(url: str) -> dict[str, Any]:
    """The configuration of a test app on the given database."""
    return {
        "TESTING": True,
        "HELIX_ENV": "testing",
        "SECRET_KEY": "test-secret-key",
        "SQLALCHEMY_DATABASE_URI": url,
        "WTF_CSRF_ENABLED": False,
        "ATTACHMENTS_DIR": str(ATTACHMENTS_DIR),
    }


@pytest.fixture(scope="session", params=_backends(), ids=lambda b: b[0])
def database_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
                 ) -> Iterator[str]:
    """A database with the migrated schema, once per backend for the whole run."""
    name, url = request.param
    if url is None:
        url = f"sqlite:///{Path(tmp_path_factory.mktemp('db')) / 'helix.db'}"
    else:
        url = worker_database(driver_url(url))
        _reset_postgresql(url)
    schema_app = create_app(base_config(url))
    with schema_app.app_context():
        upgrade()
        db.engine.dispose()
    yield url


class FreshRequestClient(FlaskClient):
    """A test client whose every request runs in its own application context and session.

    The ``app`` fixture keeps an application context open for the test's own queries. Flask
    would reuse that context (and so the test's database session and ``g``) for each
    request; here every request starts from an empty ``contextvars`` context, so Flask pushes
    a new application context, Flask-SQLAlchemy gives it a new session and removes it after
    the response, as in production. A missing commit, a lazy load after the request or a
    leaked ``g`` then fails the test. The test's session is expired afterwards, so the test
    reads what the request committed.
    """

    def open(self, *args: Any, **kwargs: Any) -> Any:  # noqa: D102
        response = contextvars.Context().run(super().open, *args, **kwargs)
        if has_app_context():
            db.session.expire_all()
        return response


@pytest.fixture
def app(database_url: str) -> Iterator[Flask]:
    """A Helix app on a clean database."""
    application = create_app(base_config(database_url))
    application.test_client_class = FreshRequestClient
    with application.app_context():
        yield application
        db.session.rollback()
        empty_all_tables()
        db.session.remove()
        db.engine.dispose()


@pytest.fixture
def make_app(app: Flask, database_url: str) -> Iterator[Callable[..., Flask]]:
    """``make_app(**config)``: another app on the test database with extra settings.

    Its connections are closed after the test; ``app`` empties the tables.
    """
    made: list[Flask] = []

    def build(**overrides: Any) -> Flask:
        other = create_app({**base_config(database_url), **overrides})
        other.test_client_class = FreshRequestClient
        made.append(other)
        return other

    yield build
    for other in made:
        with other.app_context():
            db.session.remove()
            db.engine.dispose()


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    """A test client of the app."""
    return app.test_client()


@pytest.fixture
def runner(app: Flask) -> FlaskCliRunner:
    """A CLI runner for ``flask helix …`` commands."""
    return app.test_cli_runner()


@pytest.fixture
def demo(app: Flask) -> dict[str, int]:
    """The demo programme, loaded."""
    from core.services import load_demo_programme

    return load_demo_programme()


@pytest.fixture
def login(app: Flask, client: FlaskClient) -> Callable[..., Any]:
    """``login("organiser", city=None, participant=None)``: sign a new user in on ``client``."""
    from accounts.models import User

    def sign_in(role: str, **fields: Any) -> User:
        user = User(email=f"{role}-{os.urandom(3).hex()}@example.org", role=role, **fields)
        user.set_password("correct horse battery staple")
        db.session.add(user)
        db.session.commit()
        with client.session_transaction() as session:
            session["_user_id"] = user.get_id()
            session["_fresh"] = True
        return user

    return sign_in


@pytest.fixture
def count_queries(app: Flask) -> Callable[[], Any]:
    """A context manager that counts the SQL statements run inside it."""

    @contextmanager
    def counting() -> Iterator[list[str]]:
        statements: list[str] = []

        def record(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
            statements.append(statement)

        event.listen(db.engine, "before_cursor_execute", record)
        try:
            yield statements
        finally:
            event.remove(db.engine, "before_cursor_execute", record)

    return counting


@pytest.fixture
def live_server(make_app: Callable[..., Flask]) -> Iterator[str]:
    """Another app on the test database, served over real HTTP in a thread: its base URL.

    For races (``tests/racing.py``): each request gets its own thread, connection and
    session, as with several production workers.
    """
    from tests.racing import serving

    with serving(make_app()) as base:
        yield base
