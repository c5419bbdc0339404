"""Users who sign in to Helix, with their role."""

from __future__ import annotations

import hashlib
from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING

from flask_login import UserMixin
from sqlalchemy import Boolean, ForeignKey, Integer, String, true
from sqlalchemy.orm import Mapped, mapped_column, relationship

from accounts.passwords import hash_password, verify_password
from core.extensions import db
from core.types import UTCDateTime, utcnow

if TYPE_CHECKING:
    from participants.models import Participant
    from programme.models import City


class Role(StrEnum):
    """What a user may do (see ``accounts/permissions.py``)."""

    ADMIN = "admin"
    ORGANISER = "organiser"
    CITY_STAFF = "city_staff"
    DELEGATE = "delegate"


class User(UserMixin, db.Model):
    """A person who signs in: admin, organiser, city staff or delegate."""

    __tablename__ = "user_account"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    password_hash: Mapped[str] = mapped_column(String(256))
    role: Mapped[str] = mapped_column(String(12), default=Role.DELEGATE.value)
    city_id: Mapped[int | None] = mapped_column(ForeignKey("city.id"))
    participant_id: Mapped[int | None] = mapped_column(ForeignKey("participant.id"))
    language: Mapped[str | None] = mapped_column(String(5))
    timezone: Mapped[str | None] = mapped_column(String(64))
    active: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())
    last_login_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    session_generation: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    """Raised at sign-out: every session cookie issued before stops working."""

    city: Mapped[City | None] = relationship()
    participant: Mapped[Participant | None] = relationship()

    def get_id(self) -> str:
        """Flask-Login's session id: ``<id>:<password fingerprint>``.

        Changing the password or signing out (:meth:`end_sessions`) changes the
        fingerprint, which ends every other session of the user, even a copied cookie
        (see ``accounts.views.load_user``).
        """
        return f"{self.id}:{self.session_fingerprint()}"

    def session_fingerprint(self) -> str:
        """A short digest of the password hash and session generation, stored in the
        (signed) session cookie."""
        material = f"{self.password_hash or ''}:{self.session_generation or 0}"
        return hashlib.sha256(material.encode()).hexdigest()[:16]

    def end_sessions(self) -> None:
        """Revoke every session issued so far (the caller commits)."""
        self.session_generation = (self.session_generation or 0) + 1

    @property
    def is_active(self) -> bool:  # type: ignore[override]
        """Flask-Login: a deactivated account cannot sign in or use its session."""
        return bool(self.active)

    def set_password(self, password: str) -> None:
        """Store an Argon2id hash of the password (rules are checked by the caller)."""
        self.password_hash = hash_password(password)

    def check_password(self, password: str) -> bool:
        """True when the password matches the stored hash (Argon2id or legacy)."""
        return verify_password(self.password_hash, password)


TOKEN_SCOPES: tuple[str, ...] = ("read", "write")
"""What a personal API token may be allowed: reading, and writing too."""


class ApiToken(db.Model):
    """A personal API token: a user's credential for ``Authorization: Bearer …``.

    Only the SHA-256 of the token is stored (``token_hash``) and its first characters
    (``prefix``) so the owner can tell tokens apart; the token itself is shown once.
    """

    __tablename__ = "api_token"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"),
                                         index=True)
    name: Mapped[str] = mapped_column(String(80))
    prefix: Mapped[str] = mapped_column(String(12))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    scopes: Mapped[str] = mapped_column(String(40))
    """Space-separated :data:`TOKEN_SCOPES`."""
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    last_used_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    user: Mapped[User] = relationship()

    def allows(self, scope: str) -> bool:
        """Whether the token was given ``scope`` (``"read"`` or ``"write"``)."""
        return scope in self.scopes.split()

    @property
    def is_active(self) -> bool:
        """Not revoked."""
        return self.revoked_at is None
