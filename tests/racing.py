"""Race N writers through real HTTP: a live server, N threads, one barrier.

Each writer has its own ``requests`` session (its own cookie, its own connection), the
server answers each request in its own thread with its own database session, and the
barrier releases every request at once, so the database sees the interleavings of several
production workers. ``live_server`` is a fixture (see ``tests/conftest.py``).
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import requests
from flask import Flask
from werkzeug.serving import make_server

from accounts.models import User
from core.extensions import db

PASSWORD = "correct horse battery staple"
TIMEOUT = 60


@contextmanager
def serving(app: Flask) -> Iterator[str]:
    """Serve ``app`` on a free loopback port in a thread; yields its base URL."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def user(role: str, email: str, **fields: Any) -> User:
    """A committed user who signs in with :data:`PASSWORD`."""
    account = User(email=email, role=role, **fields)
    account.set_password(PASSWORD)
    db.session.add(account)
    db.session.commit()
    return account


def post(session: requests.Session, url: str, data: dict[str, Any]) -> requests.Response:
    """POST a form without following the redirect."""
    return session.post(url, data=data, allow_redirects=False, timeout=TIMEOUT)


def signed_in(base: str, email: str) -> requests.Session:
    """A new HTTP session signed in as ``email`` (through the real sign-in form)."""
    session = requests.Session()
    answer = session.post(f"{base}/login", data={"email": email, "password": PASSWORD},
                          allow_redirects=False, timeout=TIMEOUT)
    assert answer.status_code == 302, answer.status_code
    return session


Outcome = requests.Response | str  #: an answer, or the repr of a failed request


def race(writers: int, send: Callable[[int], requests.Response]) -> list[Outcome]:
    """Run ``send(index)`` for ``writers`` indexes at once; the answers, by index.

    ``send`` uses its writer's own session (e.g. ``sessions[index].post(...)``).

    Every thread waits at a barrier first, so the requests leave together. A request that
    fails (connection reset, timeout) is reported as its ``repr``, never swallowed.
    """
    start = threading.Barrier(writers)
    outcomes: list[Outcome] = ["not run"] * writers

    def run(index: int) -> None:
        start.wait(timeout=TIMEOUT)
        try:
            outcomes[index] = send(index)
        except requests.RequestException as error:  # pragma: no cover - reported
            outcomes[index] = repr(error)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(writers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=2 * TIMEOUT)
    return outcomes


def tally(outcomes: list[Outcome]) -> dict[int | str, int]:
    """``{302: 1, 409: 7}``: how many writers got each status (or each failure)."""
    return dict(Counter(o if isinstance(o, str) else o.status_code for o in outcomes))


def answers(outcomes: list[Outcome], status: int) -> list[requests.Response]:
    """The answers with ``status``."""
    return [o for o in outcomes if not isinstance(o, str) and o.status_code == status]
