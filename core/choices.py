"""Small helpers for enumerated string columns."""

from collections.abc import Iterable
from enum import StrEnum
from typing import Any

from wtforms import SelectChoice


def values(enum: type[StrEnum]) -> list[str]:
    """The stored values of a ``StrEnum``, in declaration order."""
    return [member.value for member in enum]


def select_choices(pairs: Iterable[tuple[Any, Any]]) -> list[SelectChoice]:
    """WTForms 3.3 choices (``SelectChoice``) from ``(value, label)`` pairs."""
    return [SelectChoice(value, label) for value, label in pairs]
