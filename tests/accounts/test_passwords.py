"""Pure tests of password rules and hashing."""

from __future__ import annotations

from werkzeug.security import generate_password_hash

from accounts.passwords import (
    MIN_LENGTH,
    generate_password,
    hash_password,
    needs_rehash,
    password_problems,
    verify_password,
)


def test_rules() -> None:
    assert password_problems("correct horse battery") == []
    assert "too_short" in password_problems("short1")
    assert "too_long" in password_problems("x1" * 200)
    assert "too_common" in password_problems("Password1234")
    assert "contains_email" in password_problems("li.wei-secret-99", email="li.wei@example.cn")
    assert "one_character" in password_problems("a" * MIN_LENGTH)
    assert password_problems("zz-secret-99-long", email="zz@example.cn") == []


def test_argon2_round_trip() -> None:
    stored = hash_password("correct horse battery")
    assert stored.startswith("$argon2id$")
    assert verify_password(stored, "correct horse battery")
    assert not verify_password(stored, "correct horse batterY")
    assert not needs_rehash(stored)


def test_legacy_werkzeug_hash_verifies_and_needs_rehash() -> None:
    legacy = generate_password_hash("correct horse battery")
    assert verify_password(legacy, "correct horse battery")
    assert not verify_password(legacy, "wrong")
    assert needs_rehash(legacy)


def test_garbage_hashes_never_verify() -> None:
    for stored in (None, "", "$argon2id$nonsense", "nonsense"):
        assert not verify_password(stored, "anything at all")


def test_generated_passwords_are_random_and_valid() -> None:
    first, second = generate_password(), generate_password()
    assert first != second
    assert len(first) == 20
    assert password_problems(first) == []
