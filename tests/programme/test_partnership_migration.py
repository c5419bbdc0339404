"""The migration to several European cities keeps each partnership's European city and
starts its stage history (on SQLite and PostgreSQL), and can be undone."""

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from flask_migrate import downgrade, upgrade
from sqlalchemy import create_engine, make_url, text

from app import create_app
from core.extensions import db
from tests.conftest import base_config

BEFORE = "c6d2a9e4f1b8"
AFTER = "f3a1c7e9b2d4"


@pytest.fixture
def empty_database(database_url: str, tmp_path: Path) -> Iterator[str]:
    """A database of its own (the shared one is already migrated): a SQLite file, or a
    sibling PostgreSQL database, emptied."""
    if not database_url.startswith("postgresql"):
        yield f"sqlite:///{tmp_path / 'migration.db'}"
        return
    parsed = make_url(database_url)
    name = f"{parsed.database}_migration"
    admin = create_engine(parsed, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    yield parsed.set(database=name).render_as_string(hide_password=False)
    admin = create_engine(parsed, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
    admin.dispose()


def _rows(sql: str) -> list[tuple[object, ...]]:
    return [tuple(row) for row in db.session.execute(text(sql))]


def test_upgrade_keeps_the_european_city(empty_database: str) -> None:
    app = create_app(base_config(empty_database))
    with app.app_context():
        upgrade(revision=BEFORE)
        db.session.execute(text(
            "INSERT INTO city (id, slug, name_en, country, latitude, longitude, timezone, side)"
            " VALUES (1, 'malaga', 'Málaga', 'ES', 36.7, -4.4, 'Europe/Madrid', 'eu'),"
            " (2, 'zhengzhou', 'Zhengzhou', 'CN', 34.7, 113.6, 'Asia/Shanghai', 'china')"))
        db.session.execute(text(
            "INSERT INTO partnership (id, slug, eu_city_id, start_date, stage)"
            " VALUES (7, 'malaga-zhengzhou', 1, '2017-05-01', 'measure')"))
        db.session.execute(text(
            "INSERT INTO partnership_china_city (partnership_id, city_id) VALUES (7, 2)"))
        db.session.commit()

        upgrade(revision=AFTER)
        assert _rows("SELECT partnership_id, city_id FROM partnership_eu_city") == [(7, 1)]
        history = _rows("SELECT partnership_id, stage, changed_on FROM partnership_stage")
        # SQLite hands a date column back as text in a raw query
        assert history in ([(7, "measure", "2017-05-01")], [(7, "measure", date(2017, 5, 1))])
        columns = db.inspect(db.engine).get_columns("partnership")
        assert "eu_city_id" not in {c["name"] for c in columns}
        assert "archived_at" in {c["name"] for c in columns}
        db.session.commit()

        downgrade(revision=BEFORE)
        assert _rows("SELECT id, eu_city_id FROM partnership") == [(7, 1)]
        db.session.commit()
        db.session.remove()
        db.engine.dispose()
