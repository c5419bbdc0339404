"""Sorting bilingual records by name in the page's language (Chinese by pinyin); the
keys themselves are the pure ``programme.collation``."""

from collections.abc import Iterable
from typing import TypeVar

from core.i18n import get_lang
from programme.collation import sorted_by_name

T = TypeVar("T")


def by_name(rows: Iterable[T], lang: str | None = None) -> list[T]:
    """Rows sorted by name in the given (default: current page's) language."""
    return sorted_by_name(rows, lang or get_lang())
