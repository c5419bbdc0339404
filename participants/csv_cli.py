"""``flask --app app helix sample-csv``: a realistic participants CSV to try the import."""

from __future__ import annotations

from pathlib import Path

import click
from flask.cli import with_appcontext
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from core.extensions import db
from organisations.models import Organisation
from participants.csv_sample import SampleCity, SampleOrganisation, sample_participants_csv


def sample_organisations(limit: int = 12) -> list[SampleOrganisation]:
    """Stored organisations with a city, named as an organiser would type them."""
    rows = db.session.scalars(select(Organisation).where(Organisation.city_id.is_not(None))
                              .options(joinedload(Organisation.city))
                              .order_by(Organisation.id).limit(limit))
    organisations = []
    for org in rows:
        chinese = org.city.side == "china"
        city = SampleCity((org.city.name_zh if chinese else None) or org.city.name_en, chinese)
        name = (org.name_zh if chinese else None) or org.name_en
        organisations.append(SampleOrganisation(name, city, org.helix_role))
    return organisations


@click.command("sample-csv")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--rows", default=200, show_default=True, help="Number of participant rows.")
@with_appcontext
def sample_csv(path: Path, rows: int) -> None:
    """Write PATH: participants of the stored organisations, with a few bad rows."""
    organisations = sample_organisations()
    if not organisations:
        raise click.ClickException("No organisation with a city yet: run `helix load-demo`.")
    data, spoiled = sample_participants_csv(organisations, n=rows)
    path.write_bytes(data)
    click.echo(f"Wrote {rows} rows to {path}; {len(spoiled)} rows are bad on purpose "
               f"(lines {', '.join(str(line) for line in sorted(spoiled))}).")
