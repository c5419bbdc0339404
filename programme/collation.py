"""Sort keys of bilingual names (pure: no Flask, no database): Chinese by pinyin, Latin
accent-insensitively. ``programme.sorting`` applies them in the page's language."""

import unicodedata
from collections.abc import Iterable
from typing import Any, TypeVar

from pypinyin import lazy_pinyin

T = TypeVar("T")


def pinyin_sort_key(text: str) -> str:
    """A pinyin sort key for Chinese text (phrase-aware: 重庆 → chongqing)."""
    return "".join(lazy_pinyin(text)).lower()


def latin_key(text: str) -> str:
    """An accent-insensitive sort key: Málaga sorts with Malaga, between Mainz and Mannheim."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def name_key(obj: Any, lang: str) -> str:
    """The sort key of a record with ``name_en``/``name_zh`` (and optional ``name_pinyin``)."""
    if lang == "zh" and getattr(obj, "name_zh", None):
        return getattr(obj, "name_pinyin", None) or pinyin_sort_key(obj.name_zh)
    return latin_key(getattr(obj, "name_en", None) or "")


def sorted_by_name(rows: Iterable[T], lang: str) -> list[T]:
    """Rows sorted by name in ``lang`` (``en`` or ``zh``)."""
    return sorted(rows, key=lambda row: name_key(row, lang))
