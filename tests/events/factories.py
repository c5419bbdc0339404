"""Small factories for scheduling tests (plain functions; they commit)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from core.extensions import db
from events.models import Event
from missions.models import DelegationMember, Mission
from participants.models import Participant
from programme.models import City

CITIES = {
    "rome": ("Rome", "罗马", "IT", 41.9028, 12.4964, "Europe/Rome", "eu"),
    "liuzhou": ("Liuzhou", "柳州", "CN", 24.3264, 109.4281, "Asia/Shanghai", "china"),
    "chengdu": ("Chengdu", "成都", "CN", 30.5728, 104.0668, "Asia/Shanghai", "china"),
    "beijing": ("Beijing", "北京", "CN", 39.9042, 116.4074, "Asia/Shanghai", "china"),
    "yantai": ("Yantai", "烟台", "CN", 37.4638, 121.4479, "Asia/Shanghai", "china"),
}


def city(slug: str) -> City:
    """The city ``slug`` (created on first use)."""
    found = db.session.scalar(db.select(City).where(City.slug == slug))
    if found:
        return found
    name_en, name_zh, country, lat, lon, tz, side = CITIES[slug]
    found = City(slug=slug, name_en=name_en, name_zh=name_zh, country=country, latitude=lat,
                 longitude=lon, timezone=tz, side=side)
    db.session.add(found)
    db.session.commit()
    return found


def utc(month: int, day: int, hour: int, minute: int = 0, year: int = 2018) -> datetime:
    """An aware UTC instant."""
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


def event(title: str = "Meeting", *, at: City | None = None, start: datetime | None = None,
          end: datetime | None = None, **fields: Any) -> Event:
    """An in-person event (default: Beijing, 2 July 2018 09:00–11:00 CST)."""
    place = at or city("beijing")
    made = Event(kind=fields.pop("kind", "delegation_meeting"), title_en=title,
                 title_zh=fields.pop("title_zh", None), starts_at=start or utc(7, 2, 1),
                 ends_at=end or utc(7, 2, 3), timezone=fields.pop("timezone", place.timezone),
                 city=place, status=fields.pop("status", "confirmed"), **fields)
    db.session.add(made)
    db.session.commit()
    return made


def participant(name: str) -> Participant:
    """A participant with a unique e-mail address."""
    made = Participant(name=name, email=f"{name.lower().replace(' ', '.')}@example.org",
                       helix_role="government")
    db.session.add(made)
    db.session.commit()
    return made


def mission(*members: Participant, start: date = date(2018, 7, 1),
            end: date = date(2018, 7, 8), **fields: Any) -> Mission:
    """An outgoing mission with the given delegation members."""
    made = Mission(kind="outgoing", title_en=fields.pop("title_en", "EU mission to China"),
                   title_zh=fields.pop("title_zh", "欧盟城市中国考察团"), start_date=start,
                   end_date=end, status=fields.pop("status", "planned"), **fields)
    made.members = [DelegationMember(participant=p, role="member") for p in members]
    db.session.add(made)
    db.session.commit()
    return made
