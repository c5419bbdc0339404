"""Missions chosen by search: the mission picker of the event form and the events filter
(a select of every mission grew to 2,000 options and 100 KB at 100,000 events)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, or_, select

from core.extensions import db
from core.i18n import localized
from core.templating import local_date
from missions.models import Mission
from organisations.search import like_pattern


def title_holds(model: Any, text: str) -> ColumnElement[bool]:
    """Whether the title (either language) or the slug of ``model`` rows holds ``text``."""
    pattern = like_pattern(text.casefold())
    return or_(model.title_en.ilike(pattern, escape="\\"),
               model.title_zh.like(pattern, escape="\\"),
               model.slug.ilike(pattern, escape="\\"))


def mission_label(mission: Mission) -> str:
    """``Title (first day)`` in the page language."""
    return f"{localized(mission, 'title')[0]} ({local_date(mission.start_date)})"


def mission_labels(ids: Sequence[int]) -> dict[int, str]:
    """Labels of the missions with these ids that exist (one query)."""
    return {m.id: mission_label(m)
            for m in db.session.scalars(select(Mission).where(Mission.id.in_(ids)))}


def mission_matches(text: str, limit: int) -> list[tuple[int, str]]:
    """At most ``limit`` missions whose title or slug holds ``text``, newest first."""
    return [(m.id, mission_label(m)) for m in db.session.scalars(
        select(Mission).where(title_holds(Mission, text))
        .order_by(Mission.start_date.desc(), Mission.id.desc()).limit(limit))]
