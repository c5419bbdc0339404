"""Recording indicator values (the only place that commits them), audited."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask_babel import gettext as _

from audit.services import record
from core.errors import HelixError
from core.extensions import db
from core.integrity import commit_or_fail
from indicators.catalogue import BY_CODE
from indicators.models import IndicatorValue


class IndicatorError(HelixError):
    """A refused indicator write."""


def record_value(actor: Any, partnership_id: int, data: Mapping[str, Any]) -> IndicatorValue:
    """Store one value of a catalogue indicator for a partnership and year."""
    if data.get("code") not in BY_CODE:
        raise IndicatorError(_("Choose one of the options in the list."), field="code")
    value = IndicatorValue(code=data["code"], partnership_id=partnership_id,
                           year=data["year"], value=data["value"],
                           source=(data.get("source") or "").strip() or None)
    db.session.add(value)
    record(actor, "created", value)
    commit_or_fail(IndicatorError(_("The value could not be saved.")))
    return value
