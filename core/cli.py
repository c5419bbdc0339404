"""The ``helix`` command group: ``flask --app app helix …``."""

import click
from flask.cli import with_appcontext


@click.group()
def helix() -> None:
    """Helix administration commands."""


@helix.command("load-demo")
@click.option("--if-empty", is_flag=True, help="Only load when the database has no city yet.")
@click.option("--accounts/--no-accounts", default=True, show_default=True,
              help="Also create the demo accounts (random passwords, printed).")
@with_appcontext
def load_demo(if_empty: bool, accounts: bool) -> None:
    """Load the IUC demo programme (safe to run twice: nothing is duplicated)."""
    from programme.demo import database_is_empty, load_demo_programme

    if if_empty and not database_is_empty():
        click.echo("Database already holds data; demo programme not loaded.")
        return
    counts = load_demo_programme()
    click.echo("Demo programme loaded: " + ", ".join(f"{n} {k}" for k, n in counts.items()))
    if accounts:
        from accounts.cli import print_demo_accounts

        print_demo_accounts()
