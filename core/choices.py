"""Small helpers for enumerated string columns."""

from enum import StrEnum


def values(enum: type[StrEnum]) -> list[str]:
    """The stored values of a ``StrEnum``, in declaration order."""
    return [member.value for member in enum]
