"""The home page: the programme's introduction and the sections the domains registered."""

from flask import render_template

from core.registry import current_registry


def home() -> str:
    """The introduction, then each registered section (e.g. upcoming and recent events)."""
    sections = [(section.template, section.build())
                for section in current_registry().home_sections]
    return render_template("core/home.html", sections=sections)
