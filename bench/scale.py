"""Scale run (``make bench-scale``): every page and feed at 1,000 and at 100,000 events.

For each size in ``BENCH_SCALE`` (default ``"1000 100000"``) a programme is generated
(``bench/generate.py``) on SQLite, and on PostgreSQL too when ``BENCH_DATABASE_URL`` (or
``TEST_DATABASE_URL``) is set (that database is emptied). Each page is requested in-process
(Flask test client, signed in as an organiser; feeds with their cache emptied, so a feed is
built every time) ``REPEAT`` times; the median latency and the SQL statement count are kept.
The table gives, per page, the large/small latency ratio and both statement counts, then the
worst ratio (goal: every page <= 1.5x, statement counts equal). No assertion: figures only.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.generate import TOKEN, generate  # noqa: E402
from bench.report import median, scale_rows, scale_table  # noqa: E402

REPEAT = int(os.environ.get("BENCH_REPEAT", "3"))


def pages() -> dict[str, str]:
    """The pages and feeds measured, by name."""
    month = datetime.now(UTC).date().replace(day=1)
    end = month + timedelta(days=31)
    return {
        "home": "/",
        "events index": "/events/",
        "events index, page 3": "/events/?page=3",
        "calendar month JSON": f"/events/feed.json?start={month}T00:00:00&end={end}T00:00:00",
        "event page": "/events/1",
        "event edit form": "/events/1/edit",
        "invite page": "/participants/invite?event=1",
        "missions index": "/missions/",
        "mission page": "/missions/1",
        "city page": "/cities/city-2",
        "partnership page": "/partnerships/1",
        "participants index": "/participants/",
        "organisations index": "/participants/organisations/",
        "dashboard": "/reports/dashboard",
        "reports index": "/reports/",
        "city report": "/reports/cities/2",
        "partnership report": "/reports/partnerships/1",
        "action items": "/followup/actions",
        "indicators": "/indicators/",
        "personal feed": f"/calendar/u/{TOKEN}.ics",
        "mission feed": "/calendar/missions/1.ics",
        "programme feed (capped)": "/calendar/programme.ics",
        "city feed": "/calendar/cities/city-2.ics",
        "theme feed": "/calendar/themes/theme-1.ics",
    }


def selected(named: dict[str, str]) -> dict[str, str]:
    """The pages whose name contains one of ``BENCH_PAGES`` (comma-separated; all if unset),
    to measure a few pages of an existing database quickly: ``BENCH_PAGES=dashboard
    .venv/bin/python -c "from bench.scale import measure; print(measure(URL))"``."""
    wanted = [w.strip() for w in os.environ.get("BENCH_PAGES", "").split(",") if w.strip()]
    return {k: v for k, v in named.items() if not wanted or any(w in k for w in wanted)}


def measure(url: str) -> dict[str, tuple[float, int]]:
    """(median seconds, SQL statements) per page on the database at ``url``."""
    from sqlalchemy import event as sa_event

    from accounts.models import User
    from app import create_app
    from calendars.views import cache
    from core.extensions import db

    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "CALENDAR_MAIL_ENABLED": False,
                      "CALENDAR_STATE_TTL": 0, "SECRET_KEY": "bench-only",
                      "COMPRESS_ENABLED": False})
    results: dict[str, tuple[float, int]] = {}
    with app.app_context():
        user = db.session.scalar(db.select(User).filter_by(email="organiser@bench.example"))
        if user is None:  # a database measured before keeps its organiser
            user = User(email="organiser@bench.example", role="organiser")
            user.set_password("bench organiser password")
            db.session.add(user)
            db.session.commit()
        client = app.test_client()
        with client.session_transaction() as session:
            session["_user_id"] = user.get_id()
            session["_fresh"] = True
        statements: list[str] = []
        sa_event.listen(db.engine, "before_cursor_execute",
                        lambda *args: statements.append(args[2]))
        for name, path in selected(pages()).items():
            client.get(path)  # warm imports, zone rules, the database's cache
            timings, counts = [], []
            for _ in range(REPEAT):
                cache.clear()
                statements.clear()
                began = time.perf_counter()
                status = client.get(path).status_code
                timings.append(time.perf_counter() - began)
                counts.append(len(statements))
                if status != 200:
                    raise RuntimeError(f"{path}: HTTP {status}")
            results[name] = (median(timings), max(counts))
    return results


def _postgresql() -> str | None:
    from core.config import driver_url

    url = os.environ.get("BENCH_DATABASE_URL") or os.environ.get("TEST_DATABASE_URL")
    return driver_url(url) if url and url.startswith("postgres") else None


def _empty(url: str) -> None:
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()


def _run(backend: str, url_for: Callable[[int], str], small_n: int, large_n: int) -> None:
    """Generate both sizes on one database, measure, print the table."""
    figures = {}
    for n in (small_n, large_n):
        url = url_for(n)
        if backend == "PostgreSQL":
            _empty(url)
        began = time.perf_counter()
        generate(url, n)
        print(f"{backend}: generated {n:,} events in {time.perf_counter() - began:.0f} s",
              flush=True)
        figures[n] = measure(url)
    print(f"\n{backend}: median of {REPEAT} requests; {large_n:,}/{small_n:,} latency ratio;"
          " statements")
    for line in scale_table(scale_rows(figures[small_n], figures[large_n]), small_n,
                            large_n):
        print("  " + line)
    for name, (seconds, _count) in figures[large_n].items():
        print(f"  {name:34} {1000 * seconds:9.1f} ms at {large_n:,}")
    print(flush=True)



def main() -> int:
    """Generate each size on each database, measure, print the tables."""
    sizes = [int(n) for n in os.environ.get("BENCH_SCALE", "1000 100000").split()]
    small_n, large_n = min(sizes), max(sizes)
    workdir = Path(tempfile.mkdtemp(prefix="helix-scale-"))
    backends = {"SQLite": lambda n: f"sqlite:///{workdir / f'scale-{n}.db'}"}
    if (pg := _postgresql()) is not None:
        backends["PostgreSQL"] = lambda _n: pg
    try:
        for backend, url_for in backends.items():
            _run(backend, url_for, small_n, large_n)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
