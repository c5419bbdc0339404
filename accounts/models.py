"""Users who sign in to Helix, with their role."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from flask_login import UserMixin
from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship
from werkzeug.security import check_password_hash, generate_password_hash

from core.extensions import db

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

    city: Mapped[City | None] = relationship()
    participant: Mapped[Participant | None] = relationship()

    def set_password(self, password: str) -> None:
        """Store a salted scrypt hash of the password."""
        self.password_hash = generate_password_hash(password, method="scrypt")

    def check_password(self, password: str) -> bool:
        """True when the password matches the stored hash."""
        return check_password_hash(self.password_hash, password)
