"""Fixtures of the outbox tests: a real SMTP server on loopback and the real worker
(``flask --app app helix worker``) as a subprocess, on SQLite or Redis queue storage."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from email import message_from_bytes, policy
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from flask import Flask

from core.config import ROOT
from tests.calendars.test_mail import _free_port
from tests.database import worker_number

#: The outbox tests' own Redis database (one per xdist worker).
REDIS_URL = f"redis://127.0.0.1:6379/{5 + 2 * worker_number()}"
#: Starting the app takes seconds on a loaded machine; delivery itself is timed apart.
STARTUP = 90.0


def wait_for(condition: Callable[[], Any], timeout: float, step: float = 0.05) -> Any:
    """Poll ``condition`` until it is truthy (returned) or fail after ``timeout`` s."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(step)
    raise AssertionError(f"condition not met within {timeout} s")


class Mailbox:
    """aiosmtpd handler: keeps what it accepts; can hold or refuse chosen messages.

    ``hold``: 1-based number of a message to keep waiting in DATA until ``release`` is
    set, then refuse (the client is gone by then: the message was never accepted).
    ``answer``: an SMTP reply that refuses every message (e.g. ``451 …`` or ``550 …``).
    ``on_accept``: called with the message number just before a message is accepted.
    """

    def __init__(self) -> None:
        self.received: list[tuple[str, list[str], bytes]] = []
        self.tries: list[float] = []
        self.hold: int | None = None
        self.holding = threading.Event()
        self.release = threading.Event()
        self.answer: str | None = None
        self.on_accept: Callable[[int], None] | None = None

    async def handle_DATA(self, server, session, envelope) -> str:  # noqa: N802 (aiosmtpd API)
        self.tries.append(time.monotonic())
        number = len(self.tries)
        if self.answer:
            return self.answer
        if number == self.hold:
            self.holding.set()
            while not self.release.is_set():
                await asyncio.sleep(0.02)
            return "451 4.3.0 Connection lost before the message was accepted"
        if self.on_accept:
            self.on_accept(number)
        self.received.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.content))
        return "250 Message accepted for delivery"

    def message_ids(self) -> list[str]:
        """The Message-ID of every accepted message, in arrival order."""
        return [str(message_from_bytes(raw, policy=policy.default)["Message-ID"])
                for _f, _r, raw in self.received]


@pytest.fixture
def mailbox() -> Iterator[tuple[Mailbox, int]]:
    """A real SMTP server on loopback: ``(handler, port)``."""
    handler = Mailbox()
    port = _free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield handler, port
    finally:
        handler.release.set()
        controller.stop()


class Worker:
    """One ``flask helix worker`` process; its output goes to ``log``."""

    def __init__(self, env: dict[str, str], log: Path, threads: int) -> None:
        self.log = log
        self.output = log.open("ab")
        self.process = subprocess.Popen(
            [sys.executable, "-u", "-m", "flask", "--app", "app", "helix", "worker",
             "--workers", str(threads)],
            cwd=ROOT, env=env, stdout=self.output, stderr=subprocess.STDOUT,
            start_new_session=True)

    def ready(self) -> None:
        """Wait until the consumer runs (the app is built and the sweep hooks ran)."""
        wait_for(lambda: b"Huey consumer started" in self.log.read_bytes()
                 or self.process.poll() is not None, STARTUP, 0.1)
        assert self.process.poll() is None, self.log.read_text()

    def kill(self) -> None:
        """SIGKILL: no clean-up of any kind, as in a crash or an OOM kill."""
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(10)

    def stop(self) -> None:
        """Stop it if it still runs."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.kill()
        self.output.close()


@pytest.fixture
def start_worker(app: Flask, database_url: str, tmp_path: Path
                 ) -> Iterator[Callable[..., Worker]]:
    """``start_worker(queue_url, smtp_port, threads=2, **env)``: a running worker on the
    test database (one thread where a test needs to know which row is in flight)."""
    started: list[Worker] = []

    def start(queue_url: str, smtp_port: int, threads: int = 2, **extra: str) -> Worker:
        env = {**os.environ, "DATABASE_URL": database_url, "HELIX_QUEUE_URL": queue_url,
               "MAIL_SERVER": "127.0.0.1", "MAIL_PORT": str(smtp_port),
               "MAIL_SENDER": "helix@helix.example", "HELIX_ENV": "development",
               "SECRET_KEY": "worker-test-secret-key", **extra}
        env.pop("REDIS_URL", None)
        worker = Worker(env, tmp_path / f"worker-{len(started)}.log", threads)
        started.append(worker)
        worker.ready()
        return worker

    yield start
    for worker in started:
        worker.stop()


def redis_or_skip() -> str:
    """The Redis queue URL (db 5, emptied), or skip when no Redis server answers."""
    import redis

    client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1)
    try:
        client.flushdb()
    except redis.exceptions.ConnectionError:
        pytest.skip("no Redis server on 127.0.0.1:6379")
    return REDIS_URL


@pytest.fixture(params=["sqlite", "redis"])
def queue_url(request: pytest.FixtureRequest, tmp_path: Path, app: Flask) -> Iterator[str]:
    """The worker's queue: a SQLite file (the embedded default) or Redis."""
    url = f"sqlite:///{tmp_path / 'queue.db'}" if request.param == "sqlite" else redis_or_skip()
    app.config["HELIX_QUEUE_URL"] = url
    app.extensions.pop("helix_queue", None)
    yield url
    if request.param == "redis":
        redis_or_skip()


from tests.calendars.conftest import invite, make_event, world  # noqa: E402, F401 (fixtures)
