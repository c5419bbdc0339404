"""The ``SECRET_KEY``: strength check for production, a stable key for development.

Pure apart from the file system (no Flask import).
"""

from __future__ import annotations

import math
import os
import secrets
from collections import Counter
from pathlib import Path

MIN_LENGTH = 32
MIN_BITS = 100
"""A key must be this long and carry this much estimated entropy outside development
(the estimate undercounts: a random 32-digit hex key of 128 bits scores about 115)."""

DEV_KEY_FILE = "secret_key"


def estimated_bits(key: str) -> float:
    """Shannon entropy of the key's characters × its length: ``" " * 16`` is 0 bits,
    ``secrets.token_hex(32)`` about 250."""
    if not key:
        return 0.0
    counts = Counter(key)
    per_char = -sum(n / len(key) * math.log2(n / len(key)) for n in counts.values())
    return per_char * len(key)


def weakness(key: object) -> str | None:
    """Why ``key`` is not fit for production, or ``None`` when it is."""
    if not isinstance(key, str | bytes) or not key:
        return "SECRET_KEY is not set"
    text = key.decode("latin-1") if isinstance(key, bytes) else key
    if len(text) < MIN_LENGTH:
        return f"SECRET_KEY has {len(text)} characters; at least {MIN_LENGTH} are needed"
    if estimated_bits(text) < MIN_BITS:
        return (f"SECRET_KEY is too predictable (about {estimated_bits(text):.0f} bits; at "
                f"least {MIN_BITS} needed): make one with "
                "python3 -c 'import secrets; print(secrets.token_hex(32))'")
    return None


def development_key(instance: Path) -> str:
    """The development key kept in ``instance/secret_key`` (mode 0600), made on first use.

    Every worker and restart reads the same key, so sessions survive both. Creation is
    atomic (a hard link that fails if another process was first).
    """
    path = instance / DEV_KEY_FILE
    if not path.exists():
        instance.mkdir(parents=True, exist_ok=True)
        scratch = instance / f".{DEV_KEY_FILE}.{os.getpid()}.{secrets.token_hex(4)}"
        descriptor = os.open(scratch, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w") as handle:
            handle.write(secrets.token_hex(32))
        try:
            os.link(scratch, path)
        except FileExistsError:
            pass
        finally:
            scratch.unlink()
    return path.read_text().strip()
