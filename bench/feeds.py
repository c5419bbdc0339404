"""Benchmark: personal feed of 200 events served by gunicorn on loopback (``make bench``).

Measures, in one run and against the same server, requests per second for
(a) the personal feed, (b) the same feed answered 304 Not Modified, and (c) the same
bytes as a static file, and prints (a)/(c) and (b)/(c) (targets: ≥ 0.5 and ≥ 0.9),
each the median of per-round ratios (rounds interleave a, b, c to share noise).
Also prints the time to build the feed without the cache, and checks that the query
count does not grow with the number of events. Everything runs on 127.0.0.1, with
bounded request counts and durations; the server is stopped at the end.
"""

from __future__ import annotations

import http.client
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

EVENTS = 200
ROUNDS = 5
SECONDS_PER_ROUND = 1.5
MAX_REQUESTS_PER_ROUND = 20_000
STATIC_DIR = ROOT / "static" / "bench"


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[len(ordered) // 2]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _seed(url: str, events: int) -> str:
    """Create the schema and a participant invited to ``events`` events; return the token."""
    from flask_migrate import upgrade

    from app import create_app
    from core.extensions import db
    from events.models import Event
    from invitations.models import Invitation
    from participants.models import Participant
    from programme.models import City

    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "CALENDAR_MAIL_ENABLED": False})
    with app.app_context():
        upgrade()
        brussels = City(
            slug="brussels",
            name_en="Brussels",
            name_zh="布鲁塞尔",
            country="BE",
            latitude=50.85,
            longitude=4.35,
            timezone="Europe/Brussels",
            side="eu",
        )
        chengdu = City(
            slug="chengdu",
            name_en="Chengdu",
            name_zh="成都",
            country="CN",
            latitude=30.66,
            longitude=104.06,
            timezone="Asia/Shanghai",
            side="china",
        )
        person = Participant(
            name="Wang Fang",
            name_zh="王芳",
            email="wang@example.cn",
            helix_role="government",
            language="zh",
            timezone="Asia/Shanghai",
        )
        db.session.add_all([brussels, chengdu, person])
        start = datetime.now(UTC).replace(second=0, microsecond=0) + timedelta(days=1)
        for n in range(events):
            city = brussels if n % 2 else chengdu
            when = start + timedelta(days=n, hours=n % 7)
            event = Event(
                kind="workshop",
                title_en=f"Cooperation workshop {n}",
                title_zh=f"城市合作研讨会第{n}场：绿色低碳发展",
                description_en="Agenda " * 20,
                description_zh="议程 " * 20,
                starts_at=when,
                ends_at=when + timedelta(hours=3),
                timezone=city.timezone,
                city=city,
                venue="City Hall",
                status="confirmed",
                visibility="public",
            )
            db.session.add(Invitation(event=event, participant=person))
        db.session.commit()
        return person.feed_token


def _query_counts(url: str, token: str) -> tuple[int, int]:
    """SQL statements for a full and a 304 request of the personal feed (no memo or cache)."""
    from sqlalchemy import event as sa_event

    from app import create_app
    from calendars.views import cache
    from core.extensions import db

    app = create_app(
        {"SQLALCHEMY_DATABASE_URI": url, "CALENDAR_MAIL_ENABLED": False, "CALENDAR_STATE_TTL": 0}
    )
    statements: list[str] = []
    with app.app_context():
        sa_event.listen(
            db.engine, "before_cursor_execute", lambda *args: statements.append(args[2])
        )
        client = app.test_client()
        cache.clear()
        etag = client.get(f"/calendar/u/{token}.ics").headers["ETag"]
        full = len(statements)
        statements.clear()
        client.get(f"/calendar/u/{token}.ics", headers={"If-None-Match": etag})
        return full, len(statements)


def _cold_build_ms(url: str, token: str) -> float:
    """Milliseconds to build the 200-event feed from the database, cache cleared."""
    from app import create_app
    from calendars.views import cache

    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "CALENDAR_MAIL_ENABLED": False})
    with app.app_context():
        client = app.test_client()
        client.get(f"/calendar/u/{token}.ics")  # warm imports and zone rules
        timings = []
        for _ in range(5):
            cache.clear()
            began = time.perf_counter()
            client.get(f"/calendar/u/{token}.ics")
            timings.append(time.perf_counter() - began)
        return 1000 * min(timings)


def _request(port: int, path: str, headers: dict[str, str]) -> tuple[int, bytes, dict[str, str]]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        return response.status, response.read(), dict(response.getheaders())
    finally:
        connection.close()


def _rate(call: Callable[[], int], expect: int) -> float:
    """Requests per second of ``call`` over one bounded round."""
    count = 0
    began = time.perf_counter()
    deadline = began + SECONDS_PER_ROUND
    while time.perf_counter() < deadline and count < MAX_REQUESTS_PER_ROUND:
        status = call()
        if status != expect:
            raise RuntimeError(f"expected HTTP {expect}, got {status}")
        count += 1
    return count / (time.perf_counter() - began)


def _wait_until_up(port: int, server: subprocess.Popen[bytes]) -> None:
    for _ in range(200):
        if server.poll() is not None:
            raise RuntimeError("gunicorn exited early")
        try:
            _request(port, "/static/css/helix.css", {})
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("gunicorn did not start")


def _measure(url: str, token: str, ttl: float | None) -> tuple[bytes, dict[str, list[float]]]:
    """Serve with gunicorn and measure (a), (b), (c); ``ttl`` sets CALENDAR_STATE_TTL."""
    port = _free_port()
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "HELIX_ENV": "development",
        "SECRET_KEY": "bench-only-secret",
        "CALENDAR_MAIL_ENABLED": "0",
    }
    if ttl is not None:
        env["CALENDAR_STATE_TTL"] = str(ttl)
    server = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "--workers",
            "1",
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
            "app:create_app()",
        ],
        cwd=ROOT,
        env=env,
    )
    try:
        _wait_until_up(port, server)
        feed_path = f"/calendar/u/{token}.ics"
        status, body, headers = _request(port, feed_path, {})
        assert status == 200, status
        etag = headers["ETag"]
        STATIC_DIR.mkdir(parents=True, exist_ok=True)
        (STATIC_DIR / "personal-feed.ics").write_bytes(body)
        static_path = "/static/bench/personal-feed.ics"
        assert _request(port, static_path, {})[1] == body

        def feed() -> int:
            return _request(port, feed_path, {})[0]

        def cond() -> int:
            return _request(port, feed_path, {"If-None-Match": etag})[0]

        def static() -> int:
            return _request(port, static_path, {})[0]

        for call, expect in ((feed, 200), (cond, 304), (static, 200)):
            for _ in range(50):  # warm-up
                assert call() == expect
        rates: dict[str, list[float]] = {"a": [], "b": [], "c": []}
        for _ in range(ROUNDS):  # interleaved rounds even out background noise
            rates["a"].append(_rate(feed, 200))
            rates["b"].append(_rate(cond, 304))
            rates["c"].append(_rate(static, 200))
        return body, rates
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
        shutil.rmtree(STATIC_DIR, ignore_errors=True)


def main() -> int:
    """Run the benchmark and print the figures."""
    workdir = Path(tempfile.mkdtemp(prefix="helix-bench-"))
    url = f"sqlite:///{workdir / 'bench.db'}"
    token = _seed(url, EVENTS)
    full_queries, cond_queries = _query_counts(url, token)
    small = f"sqlite:///{workdir / 'small.db'}"
    small_queries = _query_counts(small, _seed(small, 5))[0]
    cold_ms = _cold_build_ms(url, token)
    try:
        body, rates = _measure(url, token, ttl=None)
        _body, strict = _measure(url, token, ttl=0)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    a, b, c = (_median(rates[k]) for k in "abc")
    ratio_a = _median([x / y for x, y in zip(rates["a"], rates["c"], strict=True)])
    ratio_b = _median([x / y for x, y in zip(rates["b"], rates["c"], strict=True)])
    print(
        f"personal feed: {EVENTS} events, {len(body):,} bytes; gunicorn 1 sync worker, "
        f"{ROUNDS} interleaved rounds of {SECONDS_PER_ROUND} s each (medians)"
    )
    print(
        f"SQL statements: full {full_queries} (with 5 events: {small_queries}), 304 {cond_queries}"
    )
    print(f"cold build without cache: {cold_ms:.1f} ms")
    print(f"(a) feed 200:          {a:8.1f} req/s")
    print(f"(b) feed 304:          {b:8.1f} req/s")
    print(f"(c) static same bytes: {c:8.1f} req/s")
    print(f"(a)/(c) = {ratio_a:.2f}  (target >= 0.5)")
    print(f"(b)/(c) = {ratio_b:.2f}  (target >= 0.9)")
    sa = _median([x / y for x, y in zip(strict["a"], strict["c"], strict=True)])
    sb = _median([x / y for x, y in zip(strict["b"], strict["c"], strict=True)])
    print("without the validator memo (CALENDAR_STATE_TTL=0: SQL on every request):")
    print(f"    (a)/(c) = {sa:.2f}  (b)/(c) = {sb:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
