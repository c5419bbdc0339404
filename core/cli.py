"""The ``helix`` command group: ``flask --app app helix …``.

The domains add their commands through :meth:`core.registry.Registry.add_command`.
"""

from datetime import datetime

import click
from flask import Flask
from flask.cli import with_appcontext

from core.registry import current_registry, registry_of
from core.services import database_is_empty, load_demo_programme


@click.group()
def helix() -> None:
    """Helix administration commands."""


@helix.command("load-demo")
@click.option("--if-empty", is_flag=True, help="Only load when the database has no city yet.")
@click.option("--accounts/--no-accounts", default=True, show_default=True,
              help="Also create the demo accounts (random passwords, printed).")
@click.option("--sample-season/--no-sample-season", default=True, show_default=True,
              help="Add the sample season of the coming months to the historical programme.")
@click.option("--today", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="Date the sample season from this day (YYYY-MM-DD; default: today, UTC).")
@with_appcontext
def load_demo(if_empty: bool, accounts: bool, sample_season: bool,
              today: datetime | None) -> None:
    """Load the IUC demo programme and a sample season of the coming months (safe to run
    twice: nothing is duplicated)."""
    if if_empty and not database_is_empty():
        click.echo("Database already holds data; demo programme not loaded.")
        return
    counts = load_demo_programme(today=today.date() if today else None,
                                 sample_season=sample_season)
    click.echo("Demo programme loaded: " + ", ".join(f"{n} {k}" for k, n in counts.items()))
    if accounts:
        current_registry().provided("demo.print_accounts")()


def init_app(app: Flask) -> None:
    """Add the ``helix`` group, with every command the domains registered, to the app."""
    for command in registry_of(app).commands:
        helix.add_command(command)
    app.cli.add_command(helix)
