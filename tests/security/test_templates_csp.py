"""Templates contain nothing the Content-Security-Policy would block (fast, no browser)."""

from __future__ import annotations

import re
from pathlib import Path

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)
STYLE_ELEMENT = re.compile(r"<style\b", re.IGNORECASE)
STYLE_ATTRIBUTE = re.compile(r"<[a-z][^>]*\sstyle\s*=", re.IGNORECASE)
EVENT_HANDLER = re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.IGNORECASE)
JS_URL = re.compile(r"""(?:href|src|action)\s*=\s*["']\s*javascript:""", re.IGNORECASE)


def test_no_inline_scripts_styles_or_handlers() -> None:
    problems = []
    for path in sorted(TEMPLATES.rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        for name, pattern in (("inline <script>", INLINE_SCRIPT), ("<style>", STYLE_ELEMENT),
                              ("style=", STYLE_ATTRIBUTE), ("on*= handler", EVENT_HANDLER),
                              ("javascript: URL", JS_URL)):
            if pattern.search(text):
                problems.append(f"{path.relative_to(TEMPLATES)}: {name}")
    assert not problems, "move scripts to static/js/ and styles to static/css/:\n" + "\n".join(
        problems)
