"""The migrations, applied from empty by the fixtures, match the models exactly."""

import warnings

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from core.extensions import db


def test_models_and_migrations_agree(app: object) -> None:
    with db.engine.connect() as conn, warnings.catch_warnings():
        # SQLite cannot reflect an index on lower(name_en); PostgreSQL compares it.
        warnings.filterwarnings("ignore", "Skipped unsupported reflection of expression-based")
        warnings.filterwarnings("ignore", "autogenerate skipping metadata-specified expression")
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        differences = compare_metadata(context, db.metadata)
    assert differences == []
