"""Generate a synthetic programme of N events for the scale benchmark (``make bench-scale``).

Everything grows in proportion to the number of events (participants, organisations,
invitations, missions, delegations), except the handful of cities, themes and partnerships
and the one "bench" participant whose personal feed has a fixed number of invitations, so
that a page which should stay flat can be compared across sizes. Rows go in with bulk
inserts (one ``executemany`` per table and chunk) so 100,000 events take seconds, not hours.

``plan(events)`` is pure (sizes and rows as plain dicts) and tested in ``tests/bench``;
``generate(url, events)`` writes the rows into a migrated database.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

CITIES = 40
THEMES = 6
PARTNERSHIPS = 10
INVITATIONS_PER_EVENT = 5
BENCH_INVITATIONS = 50
SPAN_DAYS = 4 * 365
CHUNK = 5_000
TOKEN = "bench-personal-feed-token"
ZONES = ("Europe/Brussels", "Asia/Shanghai", "Europe/Rome", "Asia/Chongqing")


@dataclass(frozen=True)
class Sizes:
    """Row counts of a generated programme."""

    events: int
    participants: int
    organisations: int
    missions: int
    invitations: int
    members: int = field(default=0)

    @classmethod
    def of(cls, events: int) -> Sizes:
        """Sizes proportional to ``events`` (at least a few of each)."""
        participants = max(20, events // 2)
        missions = max(2, events // 50)
        return cls(
            events=events,
            participants=participants,
            organisations=max(4, participants // 10),
            missions=missions,
            invitations=events * INVITATIONS_PER_EVENT,
            members=missions * 5,
        )


def _city(n: int) -> dict[str, Any]:
    side = "eu" if n % 2 else "china"
    return {"id": n + 1, "slug": f"city-{n}", "name_en": f"City {n}", "name_zh": f"城市{n}",
            "country": "BE" if side == "eu" else "CN", "latitude": 30.0 + n % 20,
            "longitude": 4.0 + n, "timezone": ZONES[n % len(ZONES)], "side": side}


def _event(n: int, sizes: Sizes, origin: datetime, rng: random.Random) -> dict[str, Any]:
    starts = origin + timedelta(minutes=rng.randrange(SPAN_DAYS * 24 * 60))
    starts = starts.replace(second=0, microsecond=0)
    city = n % CITIES
    return {
        "id": n + 1, "kind": "workshop", "title_en": f"Cooperation workshop {n}",
        "title_zh": f"城市合作研讨会第{n}场", "description_en": "Agenda " * 10,
        "description_zh": "议程 " * 10, "starts_at": starts,
        "ends_at": starts + timedelta(hours=1 + n % 4), "timezone": ZONES[city % len(ZONES)],
        "city_id": city + 1, "venue": "City Hall", "theme_id": n % THEMES + 1,
        "mission_id": n % sizes.missions + 1 if n % 3 == 0 else None,
        "partnership_id": n % PARTNERSHIPS + 1, "status": "confirmed",
        "visibility": "public" if n % 5 else "internal", "uid": f"{uuid.UUID(int=n)}@bench",
    }


def plan(events: int, seed: int = 14) -> dict[str, list[dict[str, Any]]]:
    """Every row of a programme of ``events`` events, by table name, in insert order."""
    rng = random.Random(seed)
    sizes = Sizes.of(events)
    midnight = datetime.now(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    origin = midnight - timedelta(days=SPAN_DAYS // 2)
    today = origin.date()
    rows: dict[str, list[dict[str, Any]]] = {
        "city": [_city(n) for n in range(CITIES)],
        "theme": [{"id": n + 1, "slug": f"theme-{n}", "name_en": f"Theme {n}",
                   "name_zh": f"主题{n}"} for n in range(THEMES)],
        "partnership": [{"id": n + 1, "slug": f"partnership-{n}", "stage": "partner"}
                        for n in range(PARTNERSHIPS)],
        "partnership_eu_city": [{"partnership_id": n + 1, "city_id": 2 * n + 2}
                                for n in range(PARTNERSHIPS)],
        "organisation": [{"id": n + 1, "name_en": f"Organisation {n}", "city_id": n % CITIES + 1,
                          "helix_role": "government", "search_key": f"organisation {n}"}
                         for n in range(sizes.organisations)],
    }
    rows["participant"] = [
        {"id": n + 1, "name": f"Participant {n}", "email": f"p{n}@bench.example",
         "organisation_id": n % sizes.organisations + 1, "helix_role": "government",
         "city_id": n % CITIES + 1, "language": "en", "timezone": "Europe/Brussels",
         "feed_token": TOKEN if n == 0 else f"bench-{n}", "search_key": f"participant {n}"}
        for n in range(sizes.participants)]
    rows["mission"] = [
        {"id": n + 1, "kind": "delegation", "title_en": f"Mission {n}",
         "partnership_id": n % PARTNERSHIPS + 1,
         "start_date": today + timedelta(days=(n * 7) % SPAN_DAYS),
         "end_date": today + timedelta(days=(n * 7) % SPAN_DAYS + 5), "status": "confirmed"}
        for n in range(sizes.missions)]
    rows["mission_city"] = [{"mission_id": n + 1, "city_id": c % CITIES + 1}
                            for n in range(sizes.missions) for c in (n, n + 1)]
    rows["delegation_member"] = [
        {"mission_id": n // 5 + 1, "participant_id": (n * 7) % (sizes.participants - 1) + 2,
         "role": "member"} for n in range(sizes.members)]
    rows["event"] = [_event(n, sizes, origin, rng) for n in range(events)]
    rows["event_city"] = [{"event_id": n + 1, "city_id": (n + 1) % CITIES + 1}
                          for n in range(0, events, 2)]
    rows["invitation"] = list(_invitations(sizes, rng))
    return rows


def _invitations(sizes: Sizes, rng: random.Random) -> Iterator[dict[str, Any]]:
    """Five distinct invitees per event; the bench participant (id 1) gets a fixed number."""
    step = max(1, sizes.events // BENCH_INVITATIONS)
    for n in range(sizes.events):
        invitees = set(rng.sample(range(2, sizes.participants + 1), INVITATIONS_PER_EVENT - 1))
        if n % step == 0 and n // step < BENCH_INVITATIONS:
            invitees.add(1)
        while len(invitees) < INVITATIONS_PER_EVENT:
            invitees.add(rng.randrange(2, sizes.participants + 1))
        for person in sorted(invitees):
            yield {"event_id": n + 1, "participant_id": person, "status": "accepted"}


def generate(url: str, events: int) -> Sizes:
    """Create the schema at ``url`` (migrations) and insert a programme of ``events`` events."""
    from flask_migrate import upgrade
    from sqlalchemy import insert, text

    from app import create_app
    from core.extensions import db

    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "CALENDAR_MAIL_ENABLED": False})
    with app.app_context():
        upgrade()
        tables = db.metadata.tables
        for name, table_rows in plan(events).items():
            for start in range(0, len(table_rows), CHUNK):
                db.session.execute(insert(tables[name]), table_rows[start:start + CHUNK])
        if db.engine.dialect.name == "postgresql":  # ids were given: move the sequences on
            for name in ("city", "theme", "partnership", "organisation", "participant",
                         "mission", "delegation_member", "event", "invitation"):
                db.session.execute(text(
                    f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
                    f"(SELECT max(id) FROM {name}))"))
            db.session.commit()
            db.session.execute(text("ANALYZE"))
        db.session.commit()
    return Sizes.of(events)

