"""The app builds in a fresh interpreter (as `flask run` does): no circular imports that
the test session's import order would hide."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_app_builds_in_a_fresh_interpreter() -> None:
    code = "from app import create_app; create_app({'SQLALCHEMY_DATABASE_URI': 'sqlite://'})"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
