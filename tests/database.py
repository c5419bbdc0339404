"""Database helpers shared by the fixtures."""

from sqlalchemy import text

from core.extensions import db


def empty_all_tables() -> None:
    """Delete every row of every table (TRUNCATE on PostgreSQL) and commit."""
    tables = list(reversed(db.metadata.sorted_tables))
    if db.engine.dialect.name == "postgresql":
        names = ", ".join(f'"{t.name}"' for t in tables)
        db.session.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
    else:
        for table in tables:
            db.session.execute(table.delete())
    db.session.commit()
