"""The organisations participants belong to (and outcomes name as parties)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, Index, String, event, func
from sqlalchemy.orm import Mapped, mapped_column, relationship

from core.extensions import db
from organisations.search import search_key

if TYPE_CHECKING:
    from participants.models import Participant
    from programme.models import City


class Organisation(db.Model):
    """A government body, company, university or civil-society organisation."""

    __tablename__ = "organisation"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str | None] = mapped_column(String(120), unique=True)
    name_en: Mapped[str] = mapped_column(String(200), index=True)
    name_zh: Mapped[str | None] = mapped_column(String(200))
    city_id: Mapped[int | None] = mapped_column(ForeignKey("city.id"))
    helix_role: Mapped[str] = mapped_column(String(20))
    search_key: Mapped[str | None] = mapped_column(String(400))

    city: Mapped[City | None] = relationship()
    participants: Mapped[list[Participant]] = relationship(back_populates="organisation",
                                                           order_by="Participant.name")


# One organisation per name in any case: the database settles two organisers racing.
Index("uq_organisation_name_en_lower", func.lower(Organisation.name_en), unique=True)


@event.listens_for(Organisation, "before_insert")
@event.listens_for(Organisation, "before_update")
def _organisation_search_key(_mapper: object, _conn: object, target: Organisation) -> None:
    target.search_key = search_key(target.name_en, target.name_zh, target.slug)
