"""The one check of user-chosen redirect targets (``core.safe_url``), as properties.

The oracle is independent of the helper: a simplified WHATWG URL parser (what a browser
does to a ``Location`` before following it) must leave an accepted target on this host.
"""

from __future__ import annotations

import string
from urllib.parse import urljoin, urlsplit

from hypothesis import example, given
from hypothesis import strategies as st

from core.safe_url import is_safe_local_url, safe_local_url

BASE = "https://helix.example/events/"


def browser_resolves(location: str) -> str:
    """What a browser navigates to for ``Location: location`` on a page of ``BASE``."""
    cleaned = location.strip("".join(map(chr, range(0x21))))
    cleaned = cleaned.replace("\t", "").replace("\n", "").replace("\r", "").replace("\\", "/")
    return urljoin(BASE, cleaned)


HOSTILE = ["//evil.example/x", "/\t/evil.example/path", "/\n/x", "/\r\n/evil", "/\\evil",
           "https://evil.example/", "http:/evil", " //evil", "/\x00x", "javascript:x",
           "\x01//evil", "/ /evil", "///evil", "/\u3000/evil", "/\x85/evil"]

url_text = st.text(alphabet=st.sampled_from(
    list(string.printable) + ["\x00", "\x7f", "\x85", "\u3000", "中", "\\", "/", "%"]), max_size=40)


def test_ordinary_paths_are_kept() -> None:
    for path in ("/", "/account/", "/events/5?lang=zh&x=1#top", "/calendar/participants/3",
                 "/cities/%E6%9F%B3", "/events/?q=a%20b"):
        assert is_safe_local_url(path), path
        assert safe_local_url(path, "/home") == path


def test_hostile_targets_fall_back_to_the_default() -> None:
    for target in [*HOSTILE, None, "", "x" * 5000, "/" + "a" * 5000]:
        assert safe_local_url(target, "/home") == "/home", repr(target)


@given(url_text)
@example("/\t/evil.example/path")
@example("/\\/evil.example")
def test_an_accepted_target_stays_on_this_host(target: str) -> None:
    if is_safe_local_url(target):
        resolved = urlsplit(browser_resolves(target))
        assert (resolved.scheme, resolved.netloc) == ("https", "helix.example"), target
        assert browser_resolves(target) == urljoin(BASE, target), "browser changes nothing"


@given(st.sampled_from(HOSTILE), url_text)
def test_prefixing_hostile_text_never_makes_it_safe(hostile: str, tail: str) -> None:
    assert not is_safe_local_url(hostile + tail) or urlsplit(
        browser_resolves(hostile + tail)).netloc == "helix.example"


@given(st.text(alphabet=string.ascii_letters + string.digits + "-._~/?=&%", max_size=40))
def test_plain_paths_are_accepted(tail: str) -> None:
    target = "/" + tail
    expected = not target.startswith("//")
    assert is_safe_local_url(target) is expected
