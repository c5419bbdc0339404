"""EXPLAIN the hot queries on PostgreSQL against a generated programme.

``python bench/explain.py [events]`` (default 20,000) empties the database at
``BENCH_DATABASE_URL`` (else ``TEST_DATABASE_URL``), generates a programme there
(``bench/generate.py``), runs ``EXPLAIN (ANALYZE)`` on the queries the app itself builds
for the personal feed, a calendar month and a city feed, prints the plans, and exits 1 when
one of them reads a big table with a sequential scan (a missing index).
"""

from __future__ import annotations

import os
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.generate import TOKEN, generate  # noqa: E402

#: Tables whose sequential scan on a hot path means a missing index.
BIG_TABLES = ("event", "invitation", "event_city", "delegation_member", "participant")


def seq_scans(plan: str) -> list[str]:
    """The big tables ``plan`` (EXPLAIN text) reads with a sequential scan."""
    found = []
    for line in plan.splitlines():
        if "Seq Scan on " in line:
            table = line.split("Seq Scan on ", 1)[1].split()[0]
            if table in BIG_TABLES:
                found.append(table)
    return found


def _queries() -> dict[str, object]:
    """The statements the app builds for the three hot pages (inside an app context)."""
    from sqlalchemy import select
    from sqlalchemy.orm import joinedload

    from calendars.feeds import invited_events, public_events, window_start
    from core.extensions import db
    from events.models import Event
    from participants.models import Participant

    person = db.session.scalar(select(Participant.id).where(Participant.feed_token == TOKEN))
    today = datetime.now(UTC)
    month = today.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    start = window_start()
    cutoff = datetime(start.year, start.month, start.day, tzinfo=UTC)
    return {
        "personal feed": invited_events(person).options(joinedload(Event.city))
        .order_by(Event.starts_at, Event.id),
        "calendar month": select(Event).options(joinedload(Event.city))
        .where(Event.starts_at < month + timedelta(days=31), Event.ends_at > month)
        .order_by(Event.starts_at),
        "city feed": public_events().where(Event.city_id == 3, Event.ends_at >= cutoff)
        .options(joinedload(Event.city)).order_by(Event.starts_at, Event.id),
    }


def main() -> int:
    """Generate, explain, report."""
    from sqlalchemy import create_engine, text

    url = os.environ.get("BENCH_DATABASE_URL") or os.environ.get("TEST_DATABASE_URL")
    if not url or not url.startswith("postgresql"):
        print("set BENCH_DATABASE_URL or TEST_DATABASE_URL to a PostgreSQL database")
        return 2
    events = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()
    generate(url, events)

    from app import create_app
    from core.extensions import db

    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "CALENDAR_MAIL_ENABLED": False})
    failures = 0
    with app.app_context():
        for name, query in _queries().items():
            sql = str(query.compile(db.engine, compile_kwargs={"literal_binds": True}))
            plan = "\n".join(row[0] for row in db.session.execute(
                text(f"EXPLAIN (ANALYZE, COSTS OFF) {sql}")))
            scans = seq_scans(plan)
            failures += bool(scans)
            verdict = f"SEQ SCAN on {', '.join(scans)}" if scans else "indexed"
            print(f"== {name} ({events:,} events): {verdict}\n{plan}\n")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
