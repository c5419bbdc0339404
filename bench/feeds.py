"""Feed throughput under real load (``make bench``): wrk against gunicorn, nginx and Radicale.

One generated programme (``bench/generate.py``, ``BENCH_EVENTS`` events, default 1,000) on
SQLite; the bench participant's personal feed is served by gunicorn (gthread workers, so
keep-alive works) and measured with wrk (keep-alive, ``BENCH_CONNECTIONS`` concurrent
connections) beside three baselines serving the same thing: nginx with the same bytes as a
file (temporary configuration in a temporary directory, not the system one), the same
gunicorn serving the bytes as a static file, and Radicale serving the same events as a
CalDAV calendar. Two last rounds start right after one write: elsewhere (the programme,
which must not change this feed's ETag) and to this feed (so the round includes the rebuild).
Goals are printed beside the figures (``bench.report.GOALS``).
Everything listens on 127.0.0.1 and is stopped at the end.
"""

from __future__ import annotations

import http.client
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.generate import TOKEN, generate  # noqa: E402
from bench.report import (  # noqa: E402
    goal_lines,
    nginx_conf,
    parse_wrk,
    radicale_conf,
    radicale_items,
)

EVENTS = int(os.environ.get("BENCH_EVENTS", "1000"))
SECONDS = int(os.environ.get("BENCH_SECONDS", "5"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "32"))
WORKERS = int(os.environ.get("BENCH_WORKERS", "2"))
STATIC_DIR = ROOT / "static" / "bench"
FEED = f"/calendar/u/{TOKEN}.ics"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(port: int, path: str) -> tuple[int, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def _wait(port: int, path: str, process: subprocess.Popen[bytes]) -> None:
    for _ in range(300):
        if process.poll() is not None:
            raise RuntimeError(f"{process.args[0]} exited early")
        try:
            if _get(port, path)[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.1)
    raise RuntimeError(f"{process.args[0]} did not answer {path}")


@contextmanager
def _running(args: list[str], port: int, path: str, **kwargs: object) -> Iterator[int]:
    """Start ``args``, wait until ``path`` answers 200 on ``port``, stop it afterwards."""
    process = subprocess.Popen(args, **kwargs)  # type: ignore[call-overload]
    try:
        _wait(port, path, process)
        yield port
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()


def _gunicorn(url: str) -> Iterator[int]:
    port = _free_port()
    env = {**os.environ, "DATABASE_URL": url, "HELIX_ENV": "development",
           "SECRET_KEY": "bench-only-secret", "CALENDAR_MAIL_ENABLED": "0"}
    args = [str(Path(sys.executable).parent / "gunicorn"), "--workers", str(WORKERS),
            "--worker-class", "gthread", "--threads", "4", "--bind", f"127.0.0.1:{port}",
            "--log-level", "warning", "app:create_app()"]
    return _running(args, port, FEED, cwd=ROOT, env=env)


def _nginx(body: bytes, tmp: Path) -> Iterator[int]:
    port = _free_port()
    (tmp / "www").mkdir()
    (tmp / "www" / "feed.ics").write_bytes(body)
    (tmp / "nginx.conf").write_text(nginx_conf(str(tmp / "www"), port, str(tmp)))
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    return _running([nginx, "-c", str(tmp / "nginx.conf"), "-p", str(tmp)], port, "/feed.ics",
                    stderr=subprocess.DEVNULL)


def _radicale(body: bytes, tmp: Path) -> Iterator[int]:
    port = _free_port()
    collection = tmp / "radicale" / "collection-root" / "bench" / "feed"
    collection.mkdir(parents=True)
    (collection / ".Radicale.props").write_text(json.dumps({"tag": "VCALENDAR"}))
    for n, item in enumerate(radicale_items(body)):
        (collection / f"event-{n}.ics").write_bytes(item)
    (tmp / "radicale.conf").write_text(radicale_conf(str(tmp / "radicale"), port))
    return _running([sys.executable, "-m", "radicale", "--config", str(tmp / "radicale.conf")],
                    port, "/bench/feed/")


def wrk(port: int, path: str, seconds: int = SECONDS) -> dict[str, float]:
    """One wrk round (keep-alive, ``CONNECTIONS`` connections) as a plain dict."""
    output = subprocess.run(
        ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{seconds}s", "--latency", "--timeout", "10s",
         f"http://127.0.0.1:{port}{path}"],
        capture_output=True, text=True, check=True, timeout=seconds + 60).stdout
    result = parse_wrk(output)
    return {"rps": result.requests_per_second, "errors": result.errors,
            "p50": result.p50_ms or 0.0, "p99": result.p99_ms or 0.0}


def _write(url: str, own: bool) -> None:
    """One committed write, as the session hooks record it: to the measured personal feed
    (``own``: the bench participant's scope is raised, so the feed is rebuilt) or elsewhere
    (the public programme's scope, which that feed does not hold)."""
    from sqlalchemy import create_engine, text

    # SQLite needs a WHERE in an INSERT … SELECT that ends in ON CONFLICT (parsing).
    source = ("SELECT 'participant:' || id, 1, CURRENT_TIMESTAMP FROM participant "
              "WHERE feed_token = :token") if own else (
        "SELECT 'programme', 1, CURRENT_TIMESTAMP WHERE 1 = 1")
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text(
            f"INSERT INTO feed_scope (scope, generation, changed_at) {source} "
            "ON CONFLICT (scope) DO UPDATE SET generation = "
            "feed_scope.generation + 1, changed_at = CURRENT_TIMESTAMP"
        ), {"token": TOKEN})
    engine.dispose()


def main() -> int:
    """Generate, serve, measure, print figures and goals."""
    if shutil.which("wrk") is None:
        print("wrk is not installed (apt-get install wrk)")
        return 2
    tmp = Path(tempfile.mkdtemp(prefix="helix-bench-"))
    tmp.chmod(0o755)  # nginx's workers run as an unprivileged user and must read the file
    url = f"sqlite:///{tmp / 'bench.db'}"
    figures: dict[str, dict[str, float]] = {}
    try:
        generate(url, EVENTS)
        with ExitStack() as stack:
            app_port = stack.enter_context(_gunicorn(url))
            body = _get(app_port, FEED)[1]
            STATIC_DIR.mkdir(parents=True, exist_ok=True)
            (STATIC_DIR / "feed.ics").write_bytes(body)
            nginx_port = stack.enter_context(_nginx(body, tmp))
            radicale_port = stack.enter_context(_radicale(body, tmp))
            radicale_body = _get(radicale_port, "/bench/feed/")[1]
            rounds = {"feed": (app_port, FEED), "gunicorn_static": (app_port,
                                                                    "/static/bench/feed.ics"),
                      "nginx": (nginx_port, "/feed.ics"),
                      "radicale": (radicale_port, "/bench/feed/")}
            for name, (port, path) in rounds.items():
                wrk(port, path, seconds=1)  # warm-up
                figures[name] = wrk(port, path)
            _write(url, own=False)
            figures["after_write_elsewhere"] = wrk(app_port, FEED)
            _write(url, own=True)
            figures["after_write"] = wrk(app_port, FEED)
    finally:
        shutil.rmtree(STATIC_DIR, ignore_errors=True)
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"personal feed: {EVENTS:,}-event programme, {body.count(b'BEGIN:VEVENT')} events, "
          f"{len(body):,} bytes (Radicale's copy {len(radicale_body):,} bytes); "
          f"gunicorn {WORKERS} gthread workers; wrk {CONNECTIONS} keep-alive connections, "
          f"{SECONDS} s a round")
    for name, figure in figures.items():
        print(f"  {name:16} {figure['rps']:10.1f} req/s  p50 {figure['p50']:8.2f} ms  "
              f"p99 {figure['p99']:8.2f} ms  errors {int(figure['errors'])}")
    for line in goal_lines({name: figure["rps"] for name, figure in figures.items()}):
        print("  " + line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
