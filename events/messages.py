"""Template helpers of the event pages: conflict sentences, safe web links."""

from __future__ import annotations

from datetime import timedelta

from flask_babel import format_decimal, ngettext
from flask_babel import gettext as _

from events.conflicts import Conflict


def _hours(value: timedelta | None) -> str:
    hours = (value or timedelta(0)).total_seconds() / 3600
    return format_decimal(round(hours, 1), format="#,##0.#")


def describe_conflict(conflict: Conflict, people: int = 1) -> str:
    """One warning sentence, e.g. a travel clash with distance and hours."""
    who = ngettext("%(num)d person", "%(num)d people", people)
    if conflict.kind == "overlap":
        return _("“%(first)s” overlaps “%(second)s” (%(who)s).",
                 first=conflict.first.label, second=conflict.second.label, who=who)
    return _("From “%(first)s” to “%(second)s” is %(km)s km: about %(needed)s h of travel, "
             "but only %(available)s h in between (%(who)s).",
             first=conflict.first.label, second=conflict.second.label,
             km=format_decimal(round(conflict.distance_km or 0)),
             needed=_hours(conflict.needed), available=_hours(conflict.available), who=who)


def web_link(url: str | None) -> str | None:
    """``url`` when it is an http(s) address, else ``None`` (never a ``javascript:`` link)."""
    if url and url.strip().lower().startswith(("https://", "http://")):
        return url.strip()
    return None
