"""Creating users and changing passwords (used by views, CLI and demo loader)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from accounts.models import User
from accounts.passwords import hash_password, needs_rehash, password_problems, verify_password
from accounts.policy import ROLES
from audit.services import record, tracking
from core.extensions import db
from core.types import utcnow


class AccountError(ValueError):
    """A user cannot be created or changed; ``code`` says why."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code
        self.detail = detail


def find_user(email: str) -> User | None:
    """The user with this e-mail (case-insensitive), if any."""
    normalised = email.strip().lower()
    return db.session.scalar(select(User).where(func.lower(User.email) == normalised))


def authenticate(email: str, password: str) -> User | None:
    """The user whose e-mail and password match, else ``None``.

    A legacy hash is upgraded to Argon2id after a successful check. When no user has
    the e-mail a dummy hash is still verified, so timing does not reveal accounts.
    """
    user = find_user(email)
    if user is None:
        verify_password(_DUMMY_HASH, password)
        return None
    if not verify_password(user.password_hash, password):
        return None
    if needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
        db.session.commit()
    return user


def record_sign_in(user: User) -> None:
    """Remember when the user last signed in."""
    user.last_login_at = utcnow()
    db.session.commit()


def create_user(
    email: str,
    password: str,
    role: str,
    *,
    actor: Any = None,
    **fields: Any,
) -> User:
    """Create and commit a user after checking role, uniqueness and password rules."""
    email = email.strip().lower()
    if role not in ROLES:
        raise AccountError("bad_role", role)
    if find_user(email) is not None:
        raise AccountError("exists", email)
    problems = password_problems(password, email)
    if problems:
        raise AccountError("weak_password", ", ".join(problems))
    user = User(email=email, role=role, password_hash=hash_password(password), **fields)
    db.session.add(user)
    record(actor, "created", user)
    db.session.commit()
    return user


def update_user(user: User, *, actor: Any = None, **fields: Any) -> None:
    """Change a user's fields (not the password), log what changed, and commit."""
    if "email" in fields:
        fields["email"] = str(fields["email"]).strip().lower()
    if fields.get("role") not in (None, *ROLES):
        raise AccountError("bad_role", str(fields["role"]))
    with tracking(actor, user):
        for name, value in fields.items():
            setattr(user, name, value)
    db.session.commit()


def set_password(user: User, password: str, *, actor: Any = None) -> None:
    """Replace the user's password (rules already checked) and log it (without the hash)."""
    user.password_hash = hash_password(password)
    record(actor if actor is not None else user, "changed", user, {"password": ("***", "***")})
    db.session.commit()


_DUMMY_HASH = hash_password("helix-dummy-password-for-timing")
