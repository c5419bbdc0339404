"""The worker: a huey instance per app, its tasks, and ``flask helix worker``.

Storage: ``HELIX_QUEUE_URL`` when set (``redis://…`` or ``sqlite:///path``), else
``REDIS_URL`` (several hosts share one Redis), else a SQLite file ``instance/queue.db``
(every web worker and the consumer of one host share it). Tasks only carry row ids; the
outbox table stays the truth, so a lost task costs a delay (the sweep), never a mail.
"""

from __future__ import annotations

import logging
import os
import tempfile
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import click
from flask import Flask, current_app
from flask.cli import with_appcontext
from huey import Huey, RedisHuey, SqliteHuey, crontab
from redis import ConnectionPool

from outbox import delivery

EXTENSION = "helix_queue"
#: Scheduled (not just queued) in the sweep: rows that become due within this window.
HORIZON = timedelta(seconds=60)
DEFAULTS = {
    "OUTBOX_MAX_ATTEMPTS": 8,  # then the row is failed and shown to the organisers
    "OUTBOX_BACKOFF": 60.0,  # seconds before the 2nd attempt; doubles each time
    "OUTBOX_BACKOFF_CAP": 6 * 3600.0,
    "OUTBOX_LEASE": 600.0,  # a claimed row is re-tried only after this (> SMTP timeouts)
}
_TEST_DIR: Path | None = None
#: ``app.extensions`` key: ``{name: function}`` run by the worker every minute.
PERIODIC = "helix_periodic"


def add_periodic(app: Flask, name: str, function: Callable[[], object]) -> None:
    """Have the worker run ``function`` (in an app context) every minute, under ``name``.

    Higher packages (reminders) register here from their ``init_app``; the function must
    be idempotent, since two workers or a restart may run it twice."""
    app.extensions.setdefault(PERIODIC, {})[name] = function


def init_app(app: Flask) -> None:
    """Read the ``OUTBOX_*`` and ``HELIX_QUEUE_URL`` settings."""
    for name, default in DEFAULTS.items():
        app.config.setdefault(name, type(default)(os.environ.get(name, default)))
    app.config.setdefault("HELIX_QUEUE_URL", os.environ.get("HELIX_QUEUE_URL"))


def queue_url(app: Flask) -> str:
    """Where the queue lives (see the module docstring)."""
    global _TEST_DIR
    url = app.config.get("HELIX_QUEUE_URL") or app.config.get("REDIS_URL")
    if url:
        return str(url)
    if app.testing:  # test runs leave nothing in the checkout
        _TEST_DIR = _TEST_DIR or Path(tempfile.mkdtemp(prefix="helix-queue-"))
        return f"sqlite:///{_TEST_DIR / 'queue.db'}"
    return f"sqlite:///{Path(app.instance_path) / 'queue.db'}"


def _storage(url: str) -> Huey:
    if url.startswith(("redis://", "rediss://", "unix://")):
        pool = ConnectionPool.from_url(url, socket_connect_timeout=2, socket_timeout=5)
        return RedisHuey("helix", results=False, connection_pool=pool)
    path = Path(url.removeprefix("sqlite:///"))
    path.parent.mkdir(parents=True, exist_ok=True)
    return SqliteHuey("helix", results=False, filename=str(path))


def build(app: Flask) -> Huey:
    """A huey instance on the app's queue with the outbox tasks registered."""
    huey = _storage(queue_url(app))

    @huey.task(name="deliver")
    def deliver(ids: list[int]) -> None:
        """Deliver the rows ``ids``; schedule a retry for those that failed for now."""
        with app.app_context():
            for row_id in ids:
                outcome = delivery.deliver_one(row_id)
                if outcome.retry_at is not None:
                    deliver.schedule(args=([row_id],), eta=outcome.retry_at)

    def sweep() -> int:
        """Queue what is due now and schedule what falls due within :data:`HORIZON`."""
        with app.app_context():
            rows = delivery.due(HORIZON)
        now = delivery.utcnow()
        ready = [row_id for row_id, when in rows if when <= now]
        if ready:
            deliver(ready)
        for row_id, when in rows:
            if when > now:
                deliver.schedule(args=([row_id],), eta=when)
        return len(rows)

    huey.periodic_task(crontab(minute="*"), name="sweep")(sweep)
    for name, function in app.extensions.get(PERIODIC, {}).items():
        huey.periodic_task(crontab(minute="*"), name=name)(_in_context(app, function))
    huey.on_startup(name="sweep_on_start")(sweep)
    huey.outbox_deliver = deliver  # type: ignore[attr-defined]
    return huey


def _in_context(app: Flask, function: Callable[[], object]) -> Callable[[], object]:
    def run() -> object:
        with app.app_context():
            return function()

    run.__name__ = getattr(function, "__name__", "periodic")
    return run


def queue(app: Flask) -> Huey:
    """The app's huey instance (built on first use)."""
    if EXTENSION not in app.extensions:
        app.extensions[EXTENSION] = build(app)
    return app.extensions[EXTENSION]


def kick(app: Flask, ids: list[int]) -> None:
    """Ask the worker to deliver ``ids`` now (raises when the queue is unreachable)."""
    queue(app).outbox_deliver(list(ids))  # type: ignore[attr-defined]


@click.command("worker")
@click.option("--workers", default=2, show_default=True, help="Delivery threads.")
@click.option("--drain", is_flag=True, help="Deliver what is due now, then exit.")
@with_appcontext
def worker(workers: int, drain: bool) -> None:
    """Run the background worker (outbox delivery, retries, the periodic sweep)."""
    app = current_app._get_current_object()  # type: ignore[attr-defined]
    if drain:
        outcomes = delivery.drain()
        click.echo(f"{sum(o.status == 'sent' for o in outcomes)} sent, "
                   f"{len(outcomes)} tried")
        return
    huey = queue(app)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    click.echo(f"Helix worker on {queue_url(app)} with {workers} thread(s)", err=True)
    huey.create_consumer(workers=workers, worker_type="thread", periodic=True,
                         initial_delay=0.1, backoff=1.15, max_delay=1.0,
                         scheduler_interval=1, check_worker_health=True).run()
