"""``make run PORT=…`` serves on that port and links follow it unless HELIX_PUBLIC_URL is set."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _run_commands(env: dict[str, str], *args: str) -> list[str]:
    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    done = subprocess.run(["make", "-n", "-W", "requirements.txt", "run", *args], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=60, check=True)
    return [line for line in done.stdout.splitlines() if "flask run" in line
            or "demo-accounts" in line]


def _expand(line: str, env: dict[str, str]) -> str:
    """The HELIX_PUBLIC_URL the shell gives the command line."""
    assignment = line.split(" ", 1)[0]
    done = subprocess.run(["bash", "-c", f'{assignment}; echo "$HELIX_PUBLIC_URL"'], env=env,
                          capture_output=True, text=True, check=True)
    return done.stdout.strip()


def test_port_and_links_follow_the_served_address() -> None:
    env = {k: v for k, v in os.environ.items() if k != "HELIX_PUBLIC_URL"}
    lines = _run_commands(env, "PORT=5100")
    assert len(lines) == 2 and "--port 5100" in lines[1]
    assert {_expand(line, env) for line in lines} == {"http://127.0.0.1:5100"}


def test_helix_public_url_wins() -> None:
    env = {**os.environ, "HELIX_PUBLIC_URL": "https://helix.example.org"}
    lines = _run_commands(env, "PORT=5100")
    assert {_expand(line, env) for line in lines} == {"https://helix.example.org"}
