"""Pure helpers of the benchmarks: wrk output, baseline configurations, goals and tables.

No Flask, SQLAlchemy or subprocess here: ``tests/bench`` runs these without a server.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

#: (name, measured key, baseline key, minimum ratio)
GOALS = (
    ("feed vs nginx (same bytes)", "feed", "nginx", 0.25),
    ("feed vs Radicale (same calendar)", "feed", "radicale", 20.0),
    ("feed after a write elsewhere vs warm feed", "after_write_elsewhere", "feed", 0.8),
    ("feed after a write to it vs warm feed", "after_write", "feed", 0.8),
)
_UNITS = {"us": 1e-6, "ms": 1e-3, "s": 1.0, "m": 60.0}


@dataclass(frozen=True)
class WrkResult:
    """What one wrk run measured."""

    requests_per_second: float
    requests: int
    errors: int
    p50_ms: float | None = None
    p99_ms: float | None = None


def _seconds(value: str) -> float:
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m)", value)
    if match is None:
        raise ValueError(f"not a wrk duration: {value!r}")
    return float(match[1]) * _UNITS[match[2]]


def parse_wrk(output: str) -> WrkResult:
    """Requests/s, request and error counts, p50/p99 (``--latency``) from wrk's text output."""
    rate = re.search(r"Requests/sec:\s+([\d.]+)", output)
    total = re.search(r"(\d+) requests in", output)
    if rate is None or total is None:
        raise ValueError("no wrk summary in the output")
    errors = sum(int(n) for n in re.findall(r"Non-2xx or 3xx responses:\s+(\d+)", output))
    socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)",
                       output)
    if socket:
        errors += sum(int(n) for n in socket.groups())
    latency = dict(re.findall(r"^\s+(50|99)(?:\.000)?%\s+(\S+)", output, re.MULTILINE))
    return WrkResult(
        requests_per_second=float(rate[1]),
        requests=int(total[1]),
        errors=errors,
        p50_ms=1000 * _seconds(latency["50"]) if "50" in latency else None,
        p99_ms=1000 * _seconds(latency["99"]) if "99" in latency else None,
    )


def nginx_conf(root: str, port: int, tmp: str) -> str:
    """A self-contained nginx configuration serving ``root`` on 127.0.0.1:``port``."""
    return f"""daemon off;
worker_processes 2;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    client_body_temp_path {tmp}/body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    types {{ text/calendar ics; }}
    sendfile on;
    keepalive_requests 100000;
    server {{
        listen 127.0.0.1:{port};
        root {root};
    }}
}}
"""


def radicale_conf(storage: str, port: int) -> str:
    """A Radicale configuration: no authentication (so ``authenticated`` rights are everyone's),
    files under ``storage``."""
    return f"""[server]
hosts = 127.0.0.1:{port}
[auth]
type = none
[rights]
type = authenticated
[storage]
filesystem_folder = {storage}
[logging]
level = warning
mask_passwords = True
[web]
type = none
"""


def split_calendar(data: bytes) -> tuple[list[bytes], list[bytes]]:
    """``data`` (one VCALENDAR) as (VTIMEZONE blocks, VEVENT blocks), each as CRLF bytes."""
    timezones: list[bytes] = []
    events: list[bytes] = []
    current: list[bytes] | None = None
    depth_name = b""
    for line in data.split(b"\r\n"):
        if current is None and line in (b"BEGIN:VTIMEZONE", b"BEGIN:VEVENT"):
            current, depth_name = [line], line[6:]
        elif current is not None:
            current.append(line)
            if line == b"END:" + depth_name:
                (timezones if depth_name == b"VTIMEZONE" else events).append(
                    b"\r\n".join(current) + b"\r\n")
                current = None
    return timezones, events


def radicale_items(data: bytes) -> list[bytes]:
    """One VCALENDAR per event, each with every VTIMEZONE: Radicale's storage items."""
    timezones, events = split_calendar(data)
    head = b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Helix//bench//EN\r\n"
    return [head + b"".join(timezones) + event + b"END:VCALENDAR\r\n" for event in events]


def goal_lines(rates: Mapping[str, float]) -> list[str]:
    """Each goal with its measured ratio and whether it is met (missing figures say so)."""
    lines = []
    for name, measured, baseline, minimum in GOALS:
        if not rates.get(measured) or not rates.get(baseline):
            lines.append(f"{name:36} not measured        (goal >= {minimum:g}x)")
            continue
        ratio = rates[measured] / rates[baseline]
        verdict = "met" if ratio >= minimum else "NOT met"
        lines.append(f"{name:36} {ratio:8.2f}x  {verdict:8} (goal >= {minimum:g}x)")
    return lines


def median(values: Sequence[float]) -> float:
    """The median of ``values`` (the upper one of an even count)."""
    ordered = sorted(values)
    return ordered[len(ordered) // 2]


def scale_rows(small: Mapping[str, tuple[float, int]], large: Mapping[str, tuple[float, int]],
               ) -> list[tuple[str, float, int, int]]:
    """(page, latency ratio large/small, statements small, statements large) per page."""
    return [(page, large[page][0] / small[page][0], small[page][1], large[page][1])
            for page in small if page in large and small[page][0] > 0]


def scale_table(rows: Iterable[tuple[str, float, int, int]], small_n: int, large_n: int,
                goal: float = 1.5) -> list[str]:
    """The scale table: ratio and statement counts per page, then the worst ratio."""
    rows = list(rows)
    lines = [f"{'page':34} {f'{large_n:,}/{small_n:,}':>12} {'SQL small':>9} {'SQL large':>9}"]
    for page, ratio, few, many in rows:
        flag = "" if ratio <= goal and few == many else "  <-"
        lines.append(f"{page:34} {ratio:11.2f}x {few:9d} {many:9d}{flag}")
    if rows:
        worst = max(rows, key=lambda row: row[1])
        lines.append(f"worst ratio: {worst[1]:.2f}x ({worst[0]}); goal <= {goal}x, "
                     f"statement counts equal")
    return lines
