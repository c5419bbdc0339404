"""``flask --app app helix create-user`` and ``helix demo-accounts``."""

from __future__ import annotations

import click
from flask import current_app
from flask.cli import with_appcontext

from accounts.demo import sign_in_help
from accounts.policy import ROLES
from accounts.services import AccountError, create_user, ensure_demo_accounts
from core.registry import provided


def _lookup(kind: str, column: str, value: str | None) -> int | None:
    """Id of the ``kind`` record (city, participant) whose ``column`` equals ``value``
    (``None`` when no value given), through the lookup its package registered."""
    if not value:
        return None
    found = provided(f"lookup.{kind}")().find(value)
    if found is None:
        raise click.BadParameter(f"no {kind} with {column} {value!r}")
    return int(found[0])


@click.command("create-user")
@click.option("--email", prompt=True, help="The user's e-mail address (their sign-in name).")
@click.option("--role", type=click.Choice(ROLES), default="delegate", show_default=True)
@click.option("--city", "city_slug", help="City slug (city staff: the city they edit).")
@click.option("--participant", "participant_email", help="E-mail of the participant to link.")
@click.password_option(help="Prompted (hidden, twice) when not given.")
@with_appcontext
def create_user_command(
    email: str, role: str, city_slug: str | None, participant_email: str | None, password: str
) -> None:
    """Create a user, e.g. the first admin: ``helix create-user --role admin``."""
    if role == "city_staff" and not city_slug:
        raise click.UsageError("city staff need --city")
    fields = {
        "city_id": _lookup("city", "slug", city_slug),
        "participant_id": _lookup("participant", "email", participant_email),
    }
    try:
        user = create_user(email, password, role, **fields)
    except AccountError as error:
        raise click.ClickException(f"{error} ({error.detail})") from error
    click.echo(f"Created {user.role} {user.email}.")


def print_demo_accounts() -> None:
    """Create or reset the demo accounts and print how to sign in (not in production)."""
    if current_app.config.get("HELIX_ENV") == "production":
        click.echo("Demo accounts are never created in production.")
        return
    accounts = ensure_demo_accounts()
    click.echo(sign_in_help(accounts, current_app.config.get("PUBLIC_URL", "")))


@click.command("demo-accounts")
@with_appcontext
def demo_accounts_command() -> None:
    """Create or reset the demo accounts with new random passwords and print them."""
    print_demo_accounts()
