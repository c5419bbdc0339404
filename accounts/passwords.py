"""Password rules, hashing and generation (pure; no Flask import).

Hashes use Argon2id (argon2-cffi, OWASP's first choice). Hashes made earlier with
Werkzeug's ``generate_password_hash`` (scrypt/pbkdf2) still verify, and
:func:`needs_rehash` tells the caller to upgrade them after a successful sign-in.

:func:`password_problems` returns *codes*, not sentences, so that the form layer can
translate them (see ``accounts.forms``).
"""

from __future__ import annotations

import secrets
import string

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from werkzeug.security import check_password_hash

MIN_LENGTH = 12
MAX_LENGTH = 256

COMMON_PASSWORDS: frozenset[str] = frozenset(
    {
        "123456789012",
        "1234567890ab",
        "administrator",
        "changeme1234",
        "iloveyou1234",
        "letmein12345",
        "passw0rdpassw0rd",
        "password1234",
        "password12345",
        "password123456",
        "qwertyuiop12",
        "qwertyuiopasdf",
        "welcome12345",
        "helixhelixhelix",
        "helix1234567",
    }
)
"""A tiny deny-list of guessable passwords that would pass the length rule."""

_hasher = PasswordHasher()


def password_problems(password: str, email: str | None = None) -> list[str]:
    """Return the rule codes ``password`` violates (empty list when acceptable).

    Codes: ``too_short``, ``too_long``, ``too_common``, ``contains_email``,
    ``one_character``.
    """
    problems: list[str] = []
    if len(password) < MIN_LENGTH:
        problems.append("too_short")
    if len(password) > MAX_LENGTH:
        problems.append("too_long")
    lowered = password.lower()
    if lowered in COMMON_PASSWORDS:
        problems.append("too_common")
    if email:
        local = email.split("@", 1)[0].lower()
        if len(local) >= 4 and local in lowered:
            problems.append("contains_email")
    if password and len(set(password)) == 1:
        problems.append("one_character")
    return problems


def hash_password(password: str) -> str:
    """Hash ``password`` with Argon2id."""
    return _hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    """Check ``password`` against a stored hash (Argon2 or legacy Werkzeug format).

    An empty or unparseable hash never verifies.
    """
    if not password_hash:
        return False
    if password_hash.startswith("$argon2"):
        try:
            return _hasher.verify(password_hash, password)
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            return False
    try:
        return check_password_hash(password_hash, password)
    except ValueError:
        return False


def needs_rehash(password_hash: str) -> bool:
    """True when the hash is not Argon2id with the current parameters."""
    if not password_hash.startswith("$argon2"):
        return True
    return _hasher.check_needs_rehash(password_hash)


def generate_password(length: int = 20) -> str:
    """Return a random password (letters and digits) that satisfies the rules."""
    alphabet = string.ascii_letters + string.digits
    while True:
        candidate = "".join(secrets.choice(alphabet) for _ in range(length))
        if not password_problems(candidate):
            return candidate
