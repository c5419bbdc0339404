"""Sorting bilingual records by name in the page's language (Chinese by pinyin), the
keys themselves being the pure ``programme.collation``; a partnership's name."""

from collections.abc import Iterable
from typing import TypeVar

from core.i18n import get_lang, localized
from programme.collation import latin_key, pinyin_sort_key, sorted_by_name
from programme.models import Partnership

T = TypeVar("T")


def by_name(rows: Iterable[T], lang: str | None = None) -> list[T]:
    """Rows sorted by name in the given (default: current page's) language."""
    return sorted_by_name(rows, lang or get_lang())


def partnership_name(partnership: Partnership) -> str:
    """The partnership as the programme names it: its cities, European ones first, in the
    page's language (``Barcelona – Chengdu``)."""
    return " – ".join(localized(city, "name")[0] for city in partnership.cities)


def partnership_names(partnerships: Iterable[Partnership]) -> list[tuple[int, str]]:
    """``(id, name)`` of the partnerships, sorted by name in the page's language."""
    rows = [(p.id, partnership_name(p)) for p in partnerships]
    key = pinyin_sort_key if get_lang() == "zh" else latin_key
    return sorted(rows, key=lambda row: key(row[1]))
