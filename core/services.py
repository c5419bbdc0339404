"""Core's one write: loading the demo programme through the domains' loaders.

The historical programme is followed by the sample season (:mod:`core.sample_season`).
Each domain registers a :class:`core.registry.DemoLoader` for its sections of
``programme/demo/programme.yaml``; every record is matched on its natural key and updated
in place, so loading twice changes nothing. The whole load is one transaction.
"""

from datetime import date
from pathlib import Path
from typing import Any

from core.demo import DEMO_FILE, read_demo_file
from core.extensions import db
from core.registry import current_registry
from core.sample_season import with_sample_season
from core.types import utcnow


def database_is_empty() -> bool:
    """True when the domains report no stored data yet (the programme: no city)."""
    return bool(current_registry().provided("demo.database_is_empty")())


def load_demo_programme(path: Path = DEMO_FILE, today: date | None = None,
                        sample_season: bool = True) -> dict[str, int]:
    """Load (or refresh) the demo programme in one transaction, with (unless
    ``sample_season`` is false) the sample season of the coming months dated from ``today``
    (default: the current UTC day); returns counts."""
    data = read_demo_file(path)
    if sample_season:
        data = with_sample_season(data, today or utcnow().date())
    counts: dict[str, int] = {}
    try:
        refs: dict[str, dict[str, Any]] = {}
        for loader in current_registry().demo_loaders:
            counts.update(loader.load(data, refs))
            db.session.flush()
        db.session.commit()
    except Exception:
        db.session.rollback()
        raise
    return counts
