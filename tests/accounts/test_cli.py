"""``helix create-user``, ``helix demo-accounts`` and the accounts made by ``load-demo``."""

from __future__ import annotations

import re

from flask import Flask
from flask.testing import FlaskCliRunner
from sqlalchemy import select

from accounts.models import User
from core.extensions import db
from participants.models import Participant

GOOD = "a long enough secret phrase"


def _user(email: str) -> User | None:
    return db.session.scalar(select(User).where(User.email == email))


def test_create_first_admin(runner: FlaskCliRunner) -> None:
    result = runner.invoke(args=["helix", "create-user", "--role", "admin",
                                 "--email", "Root@Example.org"], input=f"{GOOD}\n{GOOD}\n")
    assert result.exit_code == 0, result.output
    assert "Created admin root@example.org." in result.output
    user = _user("root@example.org")
    assert user is not None and user.role == "admin"
    assert user.password_hash.startswith("$argon2id$") and user.check_password(GOOD)


def test_create_user_refuses_weak_duplicate_and_incomplete(runner: FlaskCliRunner) -> None:
    weak = runner.invoke(args=["helix", "create-user", "--email", "a@example.org",
                               "--password", "short"])
    assert weak.exit_code != 0 and "too weak" in weak.output
    args = ["helix", "create-user", "--email", "b@example.org", "--password", GOOD]
    assert runner.invoke(args=args).exit_code == 0
    again = runner.invoke(args=args)
    assert again.exit_code != 0 and "already exists" in again.output
    staff = runner.invoke(args=["helix", "create-user", "--email", "c@example.org",
                                "--role", "city_staff", "--password", GOOD])
    assert staff.exit_code != 0 and "--city" in staff.output
    nowhere = runner.invoke(args=["helix", "create-user", "--email", "c@example.org",
                                  "--role", "city_staff", "--city", "atlantis",
                                  "--password", GOOD])
    assert nowhere.exit_code != 0 and "no city" in nowhere.output


def test_create_city_staff_and_linked_delegate(runner: FlaskCliRunner,
                                               demo: dict[str, int]) -> None:
    result = runner.invoke(args=["helix", "create-user", "--email", "lz@example.org", "--role",
                                 "city_staff", "--city", "liuzhou", "--password", GOOD])
    assert result.exit_code == 0, result.output
    assert _user("lz@example.org").city.slug == "liuzhou"
    participant = db.session.scalars(select(Participant)).first()
    linked = runner.invoke(args=["helix", "create-user", "--email", "d@example.org",
                                 "--participant", participant.email, "--password", GOOD])
    assert linked.exit_code == 0, linked.output
    assert _user("d@example.org").participant_id == participant.id


def _passwords(output: str) -> dict[str, str]:
    return dict(re.findall(r"^\s+\w+\s+(\S+@demo\.example\.org)\s+(\S+)", output, re.M))


def test_load_demo_prints_demo_accounts_with_random_passwords(runner: FlaskCliRunner,
                                                              app: Flask) -> None:
    first = runner.invoke(args=["helix", "load-demo"])
    assert first.exit_code == 0, first.output
    assert "Sign in at http://" in first.output
    accounts = _passwords(first.output)
    assert set(accounts) == {"organiser@demo.example.org", "liuzhou@demo.example.org",
                             "delegate@demo.example.org"}
    organiser = _user("organiser@demo.example.org")
    assert organiser.role == "organiser"
    assert organiser.check_password(accounts["organiser@demo.example.org"])
    assert _user("liuzhou@demo.example.org").city.slug == "liuzhou"
    assert _user("delegate@demo.example.org").participant is not None
    again = _passwords(runner.invoke(args=["helix", "demo-accounts"]).output)
    assert again["organiser@demo.example.org"] != accounts["organiser@demo.example.org"]
    db.session.expire_all()
    assert not organiser.check_password(accounts["organiser@demo.example.org"])


def test_no_demo_accounts_in_production(runner: FlaskCliRunner, app: Flask) -> None:
    app.config["HELIX_ENV"] = "production"
    result = runner.invoke(args=["helix", "demo-accounts"])
    assert "never created in production" in result.output
    assert _user("organiser@demo.example.org") is None
    quiet = runner.invoke(args=["helix", "load-demo", "--no-accounts"])
    assert "Sign in" not in quiet.output
