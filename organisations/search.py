"""Name matching for organisation and participant search (pure logic, no Flask).

People look for "Zhang Wei" by typing ``zhang``, ``张伟``, ``zhangwei`` or the initials
``zw``; for "Málaga" by typing ``malaga``. Chinese names get a stored search key made of
their toneless pinyin (syllables run together) and their initials, computed with pypinyin's
phrase dictionary so that 重庆 reads *chongqing* and 长春 *changchun*.
"""

from __future__ import annotations

import re
import unicodedata

from pypinyin import Style, lazy_pinyin

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_NON_WORD = re.compile(r"[\s\-_'’·.,()（）]+")


def has_han(text: str | None) -> bool:
    """Whether ``text`` contains at least one Chinese character."""
    return bool(text and _HAN.search(text))


def fold(text: str | None) -> str:
    """Lower-case ``text``, drop accents and collapse separators ("Málaga" → "malaga")."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _NON_WORD.sub("", stripped.casefold())


def pinyin_syllables(text: str | None) -> list[str]:
    """Toneless pinyin of the Chinese characters in ``text``, one item per syllable."""
    if not has_han(text):
        return []
    han_only = "".join(_HAN.findall(text or ""))
    return [s.replace("ü", "v") for s in lazy_pinyin(han_only, style=Style.NORMAL, errors="ignore")]


def pinyin_search_terms(text: str | None) -> str:
    """Stored search key for a Chinese name: full pinyin then initials (``"zhangwei zw"``).

    Returns an empty string when ``text`` has no Chinese characters.
    """
    syllables = pinyin_syllables(text)
    if not syllables:
        return ""
    initials = "".join(syllable[0] for syllable in syllables)
    return f"{''.join(syllables)} {initials}"


def normalise_query(query: str | None) -> str:
    """Query as it is compared with folded names and pinyin keys."""
    return fold(query)


def matches(query: str | None, *names: str | None, key: str | None = None) -> bool:
    """Whether ``query`` finds any of ``names`` or the pinyin search ``key``.

    An empty query matches everything. Chinese queries are compared with the Chinese
    characters directly; Latin queries with the folded names and with the pinyin key
    (computed from the names when ``key`` is not given).
    """
    folded_query = normalise_query(query)
    if not folded_query:
        return True
    for name in names:
        if name and folded_query in fold(name):
            return True
    if has_han(folded_query):
        return False
    if key is None:
        key = " ".join(pinyin_search_terms(name) for name in names if has_han(name))
    return any(folded_query in part for part in key.split())


def like_pattern(query: str) -> str:
    """SQL ``LIKE`` pattern (escape character ``\\``) for a folded query."""
    escaped = query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def search_key(*names: str | None) -> str:
    """What list searches match: folded names, Chinese characters and their pinyin."""
    parts = [fold(name) for name in names if name]
    parts += [pinyin_search_terms(name) for name in names if name]
    return " ".join(part for part in parts if part)[:400]
