"""Demo accounts: an organiser, a Liuzhou city staff member and a delegate.

Passwords are random on every call and only ever printed; no fixed password exists.
"""

from __future__ import annotations

from dataclasses import dataclass

DEMO_DOMAIN = "demo.example.org"


@dataclass(frozen=True)
class DemoAccount:
    """A demo account and its freshly generated password."""

    email: str
    role: str
    password: str
    note: str


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
