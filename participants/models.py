"""Participants and the cities they are key contacts for."""

from __future__ import annotations

import secrets
from typing import TYPE_CHECKING

from sqlalchemy import Column, ForeignKey, String, Table, event
from sqlalchemy.orm import Mapped, mapped_column, relationship

from core.extensions import db
from organisations.helix_roles import HelixRole
from organisations.search import search_key

if TYPE_CHECKING:
    from accounts.policy import Target
    from invitations.models import Invitation
    from missions.models import DelegationMember
    from organisations.models import Organisation
    from programme.models import City


def new_feed_token() -> str:
    """A random URL-safe token of 256 bits for a personal calendar feed."""
    return secrets.token_urlsafe(32)


city_key_contact = Table(
    "city_key_contact",
    db.metadata,
    Column("city_id", ForeignKey("city.id", ondelete="CASCADE"), primary_key=True),
    Column("participant_id", ForeignKey("participant.id", ondelete="CASCADE"),
           primary_key=True),
)


class Participant(db.Model):
    """A person who takes part in missions and events."""

    __tablename__ = "participant"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(160), index=True)
    name_zh: Mapped[str | None] = mapped_column(String(160))
    email: Mapped[str] = mapped_column(String(254), unique=True)
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisation.id"),
                                                        index=True)
    position: Mapped[str | None] = mapped_column(String(200))
    helix_role: Mapped[str] = mapped_column(String(20))
    city_id: Mapped[int | None] = mapped_column(ForeignKey("city.id"), index=True)
    #: Europe, China or international (``programme.models.Side``); set from the city when
    #: not chosen, but the person's own: IUC office staff in Beijing are "international".
    side: Mapped[str | None] = mapped_column(String(16))
    language: Mapped[str] = mapped_column(String(5), default="en")
    timezone: Mapped[str] = mapped_column(String(64), default="UTC")
    feed_token: Mapped[str] = mapped_column(String(64), unique=True, default=new_feed_token)
    search_key: Mapped[str | None] = mapped_column(String(400))

    organisation: Mapped[Organisation | None] = relationship(back_populates="participants")
    city: Mapped[City | None] = relationship()
    invitations: Mapped[list[Invitation]] = relationship(back_populates="participant",
                                                         cascade="all, delete-orphan")
    key_contact_for: Mapped[list[City]] = relationship(secondary=city_key_contact,
                                                       order_by="City.name_en")
    delegation_memberships: Mapped[list[DelegationMember]] = relationship(viewonly=True)

    def permission_target(self) -> Target:
        """Permission facts: the participant's city (else their organisation's) and self."""
        from accounts.policy import Target

        city_id = self.city_id or (self.organisation.city_id if self.organisation else None)
        return Target(city_ids=frozenset({city_id}) if city_id else frozenset(),
                      participant_ids=frozenset({self.id}) if self.id else frozenset())

    @property
    def helix(self) -> HelixRole:
        """The participant's helix role as an enum."""
        return HelixRole(self.helix_role)


@event.listens_for(Participant, "before_insert")
@event.listens_for(Participant, "before_update")
def _participant_search_key(_mapper: object, _conn: object, target: Participant) -> None:
    target.search_key = search_key(target.name, target.name_zh, target.email)
