"""A small programme with one user per role, for the route matrix and the XSS walk.

Liuzhou's city staff member owns ``liuzhou_event`` / ``mission`` and not
``chengdu_event`` / ``chengdu_mission``; the delegate is linked to ``delegate_participant``,
invited to both events (``own_invitation`` is theirs, ``other_invitation`` is not).

Add objects here when your routes need them, and map URL arguments in
:data:`DEFAULT_ARGS` (``"<blueprint>:<arg>"`` before ``"<arg>"``).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from flask import current_app

from accounts.models import ApiToken, User
from accounts.passwords import hash_password
from accounts.services import token_digest
from actionplans.models import Activity
from core.extensions import db
from events.models import Event
from followup.models import ActionItem, Attachment
from invitations.models import Invitation
from missions.models import DelegationMember, HotelStay, Mission, TravelLeg
from organisations.models import Organisation
from outcomes.models import Outcome
from participants.models import Participant
from programme.models import City, Partnership, Theme

PASSWORD = "correct horse battery staple"
DELEGATE_TOKEN = "world-delegate-token-read-write"
"""The secret of the delegate's read-and-write API token (``World.token_id``)."""
_HASH: list[str] = []


@dataclass
class World:
    """The objects of the test programme and a user per role (``users["admin"]`` …)."""

    liuzhou: City
    chengdu: City
    barcelona: City
    theme: Theme
    partnership: Partnership
    organisation: Organisation
    delegate_participant: Participant
    other_participant: Participant
    mission: Mission
    chengdu_mission: Mission
    liuzhou_event: Event
    chengdu_event: Event
    own_invitation: Invitation
    other_invitation: Invitation
    outcome: Outcome
    users: dict[str, User] = field(default_factory=dict)
    member: DelegationMember | None = None
    leg: TravelLeg | None = None
    stay: HotelStay | None = None
    activity_id: int | None = None
    token_id: int | None = None
    attachment_id: int | None = None
    action_item_id: int | None = None

    @property
    def public_event(self) -> Event:
        """The public event (in Liuzhou)."""
        return self.liuzhou_event

    @property
    def internal_event(self) -> Event:
        """The internal event (in Chengdu)."""
        return self.chengdu_event


def _city(slug: str, name_en: str, name_zh: str, country: str, tz: str, side: str) -> City:
    return City(slug=slug, name_en=name_en, name_zh=name_zh, name_pinyin=slug, country=country,
                latitude=0.0, longitude=0.0, timezone=tz, side=side)


def _event(slug: str, city: City, mission: Mission, visibility: str, day: int) -> Event:
    start = dt.datetime(2030, 5, day, 1, 0, tzinfo=dt.UTC)
    return Event(slug=slug, kind="field_visit", title_en=f"Visit {slug}", title_zh="考察",
                 description_en="About the visit.", starts_at=start,
                 ends_at=start + dt.timedelta(hours=2), timezone=city.timezone, city=city,
                 mission=mission, status="confirmed", visibility=visibility, venue="Hall")


def _user(role: str, **fields: Any) -> User:
    if not _HASH:
        _HASH.append(hash_password(PASSWORD))
    return User(email=f"{role}@world.example.org", role=role, password_hash=_HASH[0], **fields)


def _attachment(event: Event) -> Attachment:
    """A small PDF attached to ``event``, its bytes in the app's attachments folder."""
    stored = f"{uuid.uuid4().hex}.pdf"
    folder = Path(current_app.config["ATTACHMENTS_DIR"])
    folder.mkdir(parents=True, exist_ok=True)
    (folder / stored).write_bytes(b"%PDF-1.4 agenda")
    return Attachment(event=event, filename="agenda.pdf", stored_name=stored, kind="pdf",
                      size=15)


def build_world() -> World:
    """Create and commit the test programme; returns its objects."""
    liuzhou = _city("liuzhou", "Liuzhou", "柳州", "CN", "Asia/Shanghai", "china")
    chengdu = _city("chengdu", "Chengdu", "成都", "CN", "Asia/Shanghai", "china")
    barcelona = _city("barcelona", "Barcelona", "巴塞罗那", "ES", "Europe/Madrid", "eu")
    theme = Theme(slug="mobility", name_en="Sustainable mobility", name_zh="可持续交通")
    partnership = Partnership(slug="barcelona-liuzhou", eu_cities=[barcelona],
                              china_cities=[liuzhou], themes=[theme], stage="plan",
                              summary_en="Pairing.")
    organisation = Organisation(slug="liuzhou-drc", name_en="Liuzhou DRC", city=liuzhou,
                                helix_role="government")
    mine = Participant(name="Wei Delegate", email="wei@world.example.org",
                       organisation=organisation, helix_role="government", city=liuzhou)
    other = Participant(name="Ana Other", email="ana@world.example.org",
                        helix_role="academia", city=chengdu)
    mission = Mission(slug="liuzhou-mission", kind="outgoing", title_en="Mission to Liuzhou",
                      start_date=dt.date(2030, 5, 1), end_date=dt.date(2030, 5, 9),
                      status="planned", cities=[liuzhou, barcelona], partnership=partnership,
                      themes=[theme])
    chengdu_mission = Mission(slug="chengdu-mission", kind="incoming",
                              title_en="Mission from Chengdu", start_date=dt.date(2030, 6, 1),
                              end_date=dt.date(2030, 6, 5), status="draft", cities=[chengdu])
    liuzhou_event = _event("liuzhou-visit", liuzhou, mission, "public", 3)
    chengdu_event = _event("chengdu-visit", chengdu, chengdu_mission, "internal", 4)
    own = Invitation(event=chengdu_event, participant=mine)
    theirs = Invitation(event=liuzhou_event, participant=other)
    extra = Invitation(event=liuzhou_event, participant=mine, status="accepted")
    outcome = Outcome(slug="mou", kind="mou", title_en="MoU", event_id=None,
                      partnership=partnership, parties=[organisation])
    activity = Activity(partnership=partnership, title_en="Pilot", status="planned")
    attachment = _attachment(liuzhou_event)
    action_item = ActionItem(event=liuzhou_event, title="Send the minutes", status="open",
                             owner_name="Liuzhou DRC")
    members = [DelegationMember(mission=mission, participant=mine, role="member")]
    leg = TravelLeg(mission=mission, mode="flight", from_city=barcelona, to_city=liuzhou,
                    departs_at=dt.datetime(2030, 5, 1, 10, 0, tzinfo=dt.UTC),
                    departure_timezone="Europe/Madrid",
                    arrives_at=dt.datetime(2030, 5, 2, 4, 0, tzinfo=dt.UTC),
                    arrival_timezone="Asia/Shanghai", carrier="Air", number="AB1",
                    note="Window seats")
    stay = HotelStay(mission=mission, city=liuzhou, hotel="Liuzhou Hotel", address="1 Road",
                     check_in=dt.date(2030, 5, 2), check_out=dt.date(2030, 5, 5))
    db.session.add_all([liuzhou, chengdu, barcelona, theme, partnership, organisation, mine,
                        other, mission, chengdu_mission, liuzhou_event, chengdu_event, own,
                        theirs, extra, outcome, activity, attachment, action_item, *members,
                        leg, stay])
    db.session.flush()
    users = {
        "admin": _user("admin"),
        "organiser": _user("organiser"),
        "city_staff": _user("city_staff", city_id=liuzhou.id),
        "delegate": _user("delegate", participant_id=mine.id),
    }
    db.session.add_all(users.values())
    token = ApiToken(user=users["delegate"], name="Script", prefix=DELEGATE_TOKEN[:8],
                     token_hash=token_digest(DELEGATE_TOKEN), scopes="read write")
    db.session.add(token)
    db.session.commit()
    return World(liuzhou=liuzhou, chengdu=chengdu, barcelona=barcelona, theme=theme,
                 partnership=partnership, organisation=organisation, delegate_participant=mine,
                 other_participant=other, mission=mission, chengdu_mission=chengdu_mission,
                 liuzhou_event=liuzhou_event, chengdu_event=chengdu_event, own_invitation=own,
                 other_invitation=theirs, outcome=outcome, users=users, member=members[0],
                 leg=leg, stay=stay, activity_id=activity.id, token_id=token.id,
                 attachment_id=attachment.id, action_item_id=action_item.id)


DEFAULT_ARGS: Mapping[str, Callable[[World], Any]] = {
    "event_id": lambda w: w.liuzhou_event.id,
    "mission_id": lambda w: w.mission.id,
    "participant_id": lambda w: w.delegate_participant.id,
    "organisation_id": lambda w: w.organisation.id,
    "invitation_id": lambda w: w.own_invitation.id,
    "partnership_id": lambda w: w.partnership.id,
    "outcome_id": lambda w: w.outcome.id,
    "attachment_id": lambda w: w.attachment_id,
    "followup:item_id": lambda w: w.action_item_id,
    "city_id": lambda w: w.liuzhou.id,
    "theme_id": lambda w: w.theme.id,
    "user_id": lambda w: w.users["delegate"].id,
    "token_id": lambda w: w.token_id,
    "token": lambda w: w.delegate_participant.feed_token,
    "feed_token": lambda w: w.delegate_participant.feed_token,
    "uid": lambda w: w.liuzhou_event.uid,
    "programme:slug": lambda w: w.liuzhou.slug,
    "calendars:slug": lambda w: w.liuzhou.slug,
    "events:slug": lambda w: w.liuzhou_event.slug,
    "missions:slug": lambda w: w.mission.slug,
    "member_id": lambda w: w.member.id,
    "leg_id": lambda w: w.leg.id,
    "stay_id": lambda w: w.stay.id,
    "participants:slug": lambda w: w.organisation.slug,
}
"""URL argument → value, looked up as ``"<blueprint>:<arg>"`` then ``"<arg>"``."""


def default_args(endpoint: str, arguments: set[str], world: World) -> dict[str, Any]:
    """URL values for a route whose matrix entry gives no ``args``."""
    blueprint = endpoint.partition(".")[0]
    values: dict[str, Any] = {}
    for name in sorted(arguments):
        resolver = DEFAULT_ARGS.get(f"{blueprint}:{name}") or DEFAULT_ARGS.get(name)
        if resolver is None:
            raise LookupError(
                f"no value for <{name}> of {endpoint}: give the matrix entry args=… or add "
                f"'{blueprint}:{name}' to DEFAULT_ARGS in tests/security/world.py"
            )
        values[name] = resolver(world)
    return values
