"""The sign-in limit holds across gunicorn workers (database store) and hosts (Redis).

The multi-worker test starts a real gunicorn with 4 workers on a loopback port against a
migrated SQLite file, as production would run, and counts failed sign-ins over fresh
connections (so they land on different workers).
"""

from __future__ import annotations

import os
import re
import secrets
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from http.cookiejar import CookieJar
from pathlib import Path

import pytest
import redis
from flask import Flask

from accounts.rate_store import DatabaseStorage
from accounts.services import create_user
from tests.database import worker_number

ROOT = Path(__file__).resolve().parents[2]
REDIS_TEST_URL = f"redis://127.0.0.1:6379/{4 + 2 * worker_number()}"  # one per xdist worker
PASSWORD = "correct horse battery staple"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def served(tmp_path: Path) -> Iterator[str]:
    """Base URL of gunicorn (4 workers) serving Helix on a fresh, migrated SQLite file."""
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'helix.db'}",
           "SECRET_KEY": secrets.token_urlsafe(32), "HELIX_ENV": "development",
           "PYTHONPATH": str(ROOT)}
    env.pop("REDIS_URL", None)
    bin_dir = Path(sys.executable).parent
    subprocess.run([str(bin_dir / "flask"), "--app", "app", "db", "upgrade"], cwd=ROOT, env=env,
                   check=True, capture_output=True, timeout=120)
    port = _free_port()
    server = subprocess.Popen(
        [str(bin_dir / "gunicorn"), "--workers", "4", "--bind", f"127.0.0.1:{port}",
         "app:create_app()"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                urllib.request.urlopen(base + "/login", timeout=5).close()
                break
            except OSError:
                time.sleep(0.5)
        else:
            pytest.fail("gunicorn did not answer within 60 s")
        yield base
    finally:
        server.terminate()
        server.wait(timeout=30)


def _status(opener: urllib.request.OpenerDirector, url: str, data: bytes | None = None
            ) -> tuple[int, str]:
    request = urllib.request.Request(url, data=data, headers={"Connection": "close"})
    try:
        with opener.open(request, timeout=30) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def test_the_11th_failed_sign_in_is_refused_across_workers(served: str) -> None:
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))
    status, page = _status(opener, served + "/login")
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page)
    assert status == 200 and token, "the sign-in form with its CSRF token"
    statuses = []
    for attempt in range(11):
        body = urllib.parse.urlencode({"csrf_token": token.group(1), "password": "wrong",
                                       "email": f"nobody{attempt}@example.org"}).encode()
        statuses.append(_status(opener, served + "/login", body)[0])
    assert statuses == [200] * 10 + [429]


def test_database_store_counts_exactly(app: Flask) -> None:
    store = DatabaseStorage("helix-db://")
    assert [store.acquire_entry("k", 3, 60) for _ in range(4)] == [True, True, True, False]
    oldest, count = store.get_moving_window("k", 3, 60)
    assert count == 3 and oldest <= time.time()
    assert store.get_moving_window("other", 3, 60)[1] == 0
    store.clear("k")
    assert store.acquire_entry("k", 3, 60)


def test_database_store_is_exact_under_concurrency(app: Flask) -> None:
    """12 simultaneous attempts against a limit of 5: exactly 5 are let through."""
    store = DatabaseStorage("helix-db://")
    start = threading.Barrier(12)

    def attempt(_: int) -> bool:
        with app.app_context():
            start.wait(timeout=30)
            return store.acquire_entry("race", 5, 60)

    with ThreadPoolExecutor(12) as pool:
        results = list(pool.map(attempt, range(12)))
    assert results.count(True) == 5
    assert store.get_moving_window("race", 5, 60)[1] == 5


def _redis_available() -> bool:
    try:
        return bool(redis.Redis.from_url(REDIS_TEST_URL).ping())
    except redis.RedisError:
        return False


def test_redis_store_is_shared_between_app_processes(make_app: Callable[..., Flask]) -> None:
    if not _redis_available():
        if os.environ.get("CI") == "true":
            pytest.fail("CI must provide Redis at 127.0.0.1:6379 (.ci/run starts it)")
        pytest.skip("no Redis at 127.0.0.1:6379")
    tag = secrets.token_hex(4)
    email = f"redis-{tag}@example.org"
    create_user(email, PASSWORD, "delegate")
    settings = {"REDIS_URL": REDIS_TEST_URL, "RATELIMIT_STORAGE_URI": None,
                "HELIX_LOGIN_ACCOUNT_LIMIT": "2 per minute"}
    first, second = make_app(**settings), make_app(**settings)
    assert first.config["RATELIMIT_STORAGE_URI"] == REDIS_TEST_URL
    store = redis.Redis.from_url(REDIS_TEST_URL)
    address = {"REMOTE_ADDR": f"10.{secrets.randbelow(250)}.{secrets.randbelow(250)}.8"}
    try:
        for _ in range(2):
            assert first.test_client().post("/login", data={"email": email, "password": "no"},
                                            environ_base=address).status_code == 200
        assert list(store.scan_iter(f"*{email}*")), "counters live in Redis"
        refused = second.test_client().post("/login", data={"email": email,
                                                              "password": PASSWORD})
        assert refused.status_code == 429, "another process shares the counters"
    finally:
        for pattern in (f"*{tag}*", f"*/{address['REMOTE_ADDR']}/*"):
            for key in store.scan_iter(pattern):
                store.delete(key)
