"""Demo accounts: an organiser, a Liuzhou city staff member and a delegate.

Passwords are random on every call and only ever printed; no fixed password exists.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from accounts.models import User
from accounts.passwords import generate_password, hash_password
from core.extensions import db
from invitations.models import Invitation
from participants.models import Participant
from programme.models import City

DEMO_DOMAIN = "demo.example.org"


@dataclass(frozen=True)
class DemoAccount:
    """A demo account and its freshly generated password."""

    email: str
    role: str
    password: str
    note: str


def _delegate_participant() -> Participant | None:
    """The demo participant with the most invitations (so the schedule is not empty)."""
    query = (
        select(Participant)
        .join(Invitation, Invitation.participant_id == Participant.id)
        .group_by(Participant.id)
        .order_by(func.count(Invitation.id).desc(), Participant.id)
        .limit(1)
    )
    return db.session.scalar(query) or db.session.scalar(
        select(Participant).order_by(Participant.id).limit(1)
    )


def _upsert(email: str, role: str, password: str, **fields: object) -> User:
    """Create the account or reset it to ``role``/``fields`` with the new password."""
    user = db.session.scalar(select(User).where(User.email == email))
    if user is None:
        user = User(email=email, role=role)
        db.session.add(user)
    user.role = role
    user.password_hash = hash_password(password)
    for name, value in fields.items():
        setattr(user, name, value)
    return user


def ensure_demo_accounts() -> list[DemoAccount]:
    """Create (or reset) the demo accounts with new random passwords and commit."""
    accounts: list[DemoAccount] = []
    password = generate_password()
    _upsert(f"organiser@{DEMO_DOMAIN}", "organiser", password)
    accounts.append(DemoAccount(f"organiser@{DEMO_DOMAIN}", "organiser", password, ""))

    liuzhou = db.session.scalar(select(City).where(City.slug == "liuzhou"))
    if liuzhou is not None:
        password = generate_password()
        _upsert(f"liuzhou@{DEMO_DOMAIN}", "city_staff", password, city_id=liuzhou.id)
        accounts.append(DemoAccount(f"liuzhou@{DEMO_DOMAIN}", "city_staff", password,
                                    liuzhou.name_en))

    participant = _delegate_participant()
    if participant is not None:
        password = generate_password()
        _upsert(f"delegate@{DEMO_DOMAIN}", "delegate", password, participant_id=participant.id)
        accounts.append(DemoAccount(f"delegate@{DEMO_DOMAIN}", "delegate", password,
                                    participant.name))
    db.session.commit()
    return accounts


def sign_in_help(accounts: list[DemoAccount], url: str) -> str:
    """The text ``make run`` prints: where to sign in and with which accounts."""
    lines = [f"Sign in at {url.rstrip('/')}/login with one of these demo accounts:"]
    for account in accounts:
        note = f"  ({account.note})" if account.note else ""
        lines.append(
            f"  {account.role:<11} {account.email:<32} {account.password}{note}"
        )
    lines.append("New passwords on every start: `flask --app app helix demo-accounts`.")
    return "\n".join(lines)
