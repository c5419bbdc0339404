"""A live Helix server and Debian's Chromium driven by Playwright (no browser download)."""

import shutil
from collections.abc import Iterator
from typing import Any

import pytest
from flask import Flask

from tests.racing import serving

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


@pytest.fixture
def live_server(app: Flask) -> Iterator[str]:
    """Serve the test app (the browser tests' own) on a free loopback port; its base URL."""
    with serving(app) as base:
        yield base


@pytest.fixture
def browser() -> Iterator[Any]:
    """A headless Chromium (Debian's) under Playwright."""
    if not shutil.which("chromium") and not shutil.os.path.exists(CHROMIUM):
        pytest.fail("Debian's chromium is not installed (.ci/run installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, headless=True,
                                              args=CHROMIUM_ARGS)
        try:
            yield instance
        finally:
            instance.close()
