"""Creating users, changing passwords (used by views, CLI and demo loader) and personal API
tokens."""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterable
from datetime import timedelta
from typing import Any

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from accounts.demo import DEMO_DOMAIN, DemoAccount
from accounts.models import TOKEN_SCOPES, ApiToken, User
from accounts.passwords import (
    generate_password,
    hash_password,
    needs_rehash,
    password_problems,
    verify_password,
)
from accounts.policy import ROLES
from audit.services import record, tracking
from core.errors import HelixError
from core.extensions import db
from core.registry import provided
from core.types import utcnow


class AccountError(HelixError):
    """A user cannot be created or changed; the subclass says why, ``detail`` what."""

    def __init__(self, detail: str = "") -> None:
        super().__init__()
        self.detail = detail


class UnknownRoleError(AccountError):
    """The role is not one of :data:`accounts.policy.ROLES`."""

    message = _l("Choose a role from the list.")
    field = "role"


class AccountExistsError(AccountError):
    """Another user already has the e-mail address."""

    message = _l("A user with this e-mail address already exists.")
    field = "email"


class WeakPasswordError(AccountError):
    """The password breaks the rules of :func:`accounts.passwords.password_problems`."""

    message = _l("This password is too weak.")
    field = "password"


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
        raise UnknownRoleError(role)
    if find_user(email) is not None:
        raise AccountExistsError(email)
    problems = password_problems(password, email)
    if problems:
        raise WeakPasswordError(", ".join(problems))
    user = User(email=email, role=role, password_hash=hash_password(password), **fields)
    try:  # a parallel request may create the same e-mail between our check and our write
        db.session.add(user)
        record(actor, "created", user)
        db.session.commit()
    except IntegrityError as exc:
        db.session.rollback()
        raise AccountExistsError(email) from exc
    return user


def update_user(user: User, *, actor: Any = None, **fields: Any) -> None:
    """Change a user's fields (not the password), log what changed, and commit."""
    if "email" in fields:
        fields["email"] = str(fields["email"]).strip().lower()
    if fields.get("role") not in (None, *ROLES):
        raise UnknownRoleError(str(fields["role"]))
    with tracking(actor, user):
        for name, value in fields.items():
            setattr(user, name, value)
    db.session.commit()


def set_password(user: User, password: str, *, actor: Any = None) -> None:
    """Replace the user's password (rules already checked) and log it (without the hash)."""
    user.password_hash = hash_password(password)
    record(actor if actor is not None else user, "changed", user, {"password": ("***", "***")})
    db.session.commit()


def _reset_demo_account(email: str, role: str, password: str, **fields: object) -> User:
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
    _reset_demo_account(f"organiser@{DEMO_DOMAIN}", "organiser", password)
    accounts.append(DemoAccount(f"organiser@{DEMO_DOMAIN}", "organiser", password, ""))

    liuzhou = provided("lookup.city")().find("liuzhou")
    if liuzhou is not None:
        password = generate_password()
        _reset_demo_account(f"liuzhou@{DEMO_DOMAIN}", "city_staff", password, city_id=liuzhou[0])
        accounts.append(DemoAccount(f"liuzhou@{DEMO_DOMAIN}", "city_staff", password,
                                    liuzhou[1]))

    delegate = provided("demo.delegate")()
    if delegate is not None:
        password = generate_password()
        _reset_demo_account(f"delegate@{DEMO_DOMAIN}", "delegate", password,
                            participant_id=delegate[0])
        accounts.append(DemoAccount(f"delegate@{DEMO_DOMAIN}", "delegate", password,
                                    delegate[1]))
    db.session.commit()
    return accounts


_DUMMY_HASH = hash_password("helix-dummy-password-for-timing")


TOKEN_PREFIX_LENGTH = 8
"""Characters of a token kept in clear, so its owner can tell tokens apart."""
TOKEN_TOUCH_INTERVAL = timedelta(minutes=1)
"""A token's last use is written at most this often (not on every request)."""


def token_digest(secret: str) -> str:
    """The SHA-256 (hex) under which a token is stored and looked up."""
    return hashlib.sha256(secret.encode("utf-8", "surrogatepass")).hexdigest()


def create_token(user: User, name: str, scopes: Iterable[str], *,
                 actor: Any = None) -> tuple[ApiToken, str]:
    """Create a token for ``user`` and commit; returns it and the secret, which is stored
    nowhere (only its digest and first characters) and must be shown once."""
    wanted = set(scopes)
    secret = secrets.token_urlsafe(32)
    token = ApiToken(user=user, name=name.strip(), prefix=secret[:TOKEN_PREFIX_LENGTH],
                     token_hash=token_digest(secret),
                     scopes=" ".join(s for s in TOKEN_SCOPES if s in wanted))
    db.session.add(token)
    record(actor, "created", token, {"name": (None, token.name), "scopes": (None, token.scopes)})
    db.session.commit()
    return token, secret


def tokens_of(user: User) -> list[ApiToken]:
    """The user's tokens, newest first (revoked ones included, marked so)."""
    query = (select(ApiToken).where(ApiToken.user_id == user.id)
             .order_by(ApiToken.created_at.desc(), ApiToken.id.desc()))
    return list(db.session.scalars(query))


def revoke_token(token: ApiToken, *, actor: Any = None) -> None:
    """Revoke the token for good (kept in the list, marked revoked) and commit."""
    if token.revoked_at is not None:
        return
    token.revoked_at = utcnow()
    record(actor, "changed", token, {"revoked_at": (None, token.revoked_at)})
    db.session.commit()


def token_bearer(secret: str) -> tuple[User, ApiToken] | None:
    """The active user and token a bearer secret stands for, else ``None`` (unknown,
    revoked, or the user deactivated). Notes the use, at most once a minute."""
    token = db.session.scalar(select(ApiToken).where(ApiToken.token_hash == token_digest(secret)))
    if token is None or not token.is_active or not token.user.is_active:
        return None
    now = utcnow()
    if token.last_used_at is None or now - token.last_used_at >= TOKEN_TOUCH_INTERVAL:
        token.last_used_at = now
        db.session.commit()
    return token.user, token
