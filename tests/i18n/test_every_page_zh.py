"""Every page, and every form with validation errors, renders entirely in Chinese."""

from html.parser import HTMLParser
from pathlib import Path

import polib
import pytest
from flask import Flask
from flask.testing import FlaskClient

from tests.routes import walk

CATALOGUE = Path(__file__).resolve().parents[2] / "translations/zh/LC_MESSAGES/messages.po"


class VisibleText(HTMLParser):
    """Collects the text a reader sees, skipping scripts, styles and ``lang="en"`` parts
    (the language switcher and content marked as not yet translated)."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
            "source", "track", "wbr"}

    def __init__(self) -> None:
        super().__init__()
        self.chunks: list[str] = []
        self._stack: list[bool] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.VOID:
            for name, value in attrs:
                if name in ("placeholder", "value", "title", "aria-label") and value:
                    if not self._hidden() and dict(attrs).get("type") not in ("hidden",):
                        self.chunks.append(value)
            return
        hidden = tag in ("script", "style") or dict(attrs).get("lang") == "en"
        self._stack.append(hidden)
        for name, value in attrs:
            if name in ("title", "aria-label", "placeholder") and value and not self._hidden():
                self.chunks.append(value)

    def handle_endtag(self, tag: str) -> None:
        if tag not in self.VOID and self._stack:
            self._stack.pop()

    def _hidden(self) -> bool:
        return any(self._stack)

    def handle_data(self, data: str) -> None:
        if not self._hidden() and data.strip():
            self.chunks.append(data.strip())


def english_strings() -> list[str]:
    """Interface strings whose Chinese translation differs from the English."""
    po = polib.pofile(str(CATALOGUE))
    return [e.msgid for e in po if e.msgstr and e.msgstr != e.msgid
            and sum(c.isalpha() for c in e.msgid) >= 4 and "%(" not in e.msgid]


def _leaks(html: str, strings: list[str]) -> list[str]:
    parser = VisibleText()
    parser.feed(html)
    return sorted({s for s in strings for chunk in parser.chunks
                   if chunk == s or (" " in s and s in chunk)})


@pytest.fixture
def admin_client(client: FlaskClient, login, demo: dict[str, int]) -> FlaskClient:
    login("admin")
    return client


def test_every_get_page_in_chinese(app: Flask, admin_client: FlaskClient) -> None:
    strings = english_strings()
    checked = 0
    for rule, path in walk(app, "GET"):
        response = admin_client.get(path, query_string={"lang": "zh"})
        if response.status_code != 200 or response.mimetype != "text/html":
            continue
        assert _leaks(response.get_data(as_text=True), strings) == [], f"{rule.rule}"
        checked += 1
    assert checked >= 5


def test_every_form_with_errors_in_chinese(app: Flask, admin_client: FlaskClient) -> None:
    strings = english_strings()
    for rule, path in walk(app, "POST"):
        response = admin_client.post(path, query_string={"lang": "zh"}, data={})
        if response.status_code != 200 or response.mimetype != "text/html":
            continue
        assert _leaks(response.get_data(as_text=True), strings) == [], f"POST {rule.rule}"


def test_wtforms_builtin_messages_in_chinese(app: Flask) -> None:
    from flask_wtf import FlaskForm
    from wtforms import StringField
    from wtforms.validators import DataRequired

    class Probe(FlaskForm):
        name = StringField(validators=[DataRequired()])

    with app.test_request_context("/?lang=zh", method="POST", data={}):
        form = Probe()
        assert not form.validate()
        assert form.name.errors == ["该字段是必填字段。"]
