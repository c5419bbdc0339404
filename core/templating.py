"""Jinja filters and globals shared by every area: bilingual text and times."""

from datetime import date, datetime
from typing import Any
from urllib.parse import quote, urlencode

from flask import Flask, g, request
from flask_babel import format_date, format_datetime, format_decimal, format_time, gettext
from markupsafe import Markup, escape

from core.i18n import get_lang, html_lang, localized
from core.labels import template_helpers
from core.timefmt import to_local, zone_abbreviation
from core.viewer import viewer_timezone, viewer_timezone_source


def loc(obj: Any, field: str) -> Markup:
    """Bilingual text in the page language; a fallback is marked for organisers."""
    text, is_fallback = localized(obj, field)
    if not is_fallback:
        return Markup(escape(text))
    other = "EN" if get_lang() == "zh" else "中文"
    title = gettext("Not yet translated; shown in the other language")
    return Markup(
        '<span class="needs-translation" lang="{lang}" title="{title}">{text}'
        ' <span class="badge text-bg-warning">{other}</span></span>'
    ).format(lang="en" if get_lang() == "zh" else "zh-CN", title=title, text=text,
             other=other)


#: Date-time patterns per page language and length (24-hour clock in both).
DATETIME_PATTERNS = {
    ("zh", "long"): "y年M月d日 EEEE HH:mm",
    ("zh", "short"): "y年M月d日 HH:mm",
    ("en", "long"): "EEE d MMM y, HH:mm",
    ("en", "short"): "d MMM y, HH:mm",
}


def local_time(instant: datetime | None, tz_name: str, length: str = "long") -> str:
    """Date and time of an instant at the zone, in the page locale, with its abbreviation:
    ``2017年3月15日 星期三 15:00 CST`` or ``Wed 15 Mar 2017, 15:00 CST``."""
    if instant is None:
        return ""
    local = to_local(instant, tz_name).replace(tzinfo=None)
    pattern = DATETIME_PATTERNS[(get_lang(), "short" if length == "short" else "long")]
    text = format_datetime(local, pattern, rebase=False)
    return f"{text} {zone_abbreviation(instant, tz_name)}"


def clock(instant: datetime | None, tz_name: str) -> str:
    """Only the wall-clock time (24 h) at the zone, with its abbreviation: ``10:00 CET``."""
    if instant is None:
        return ""
    local = to_local(instant, tz_name).replace(tzinfo=None)
    return f"{format_time(local, 'HH:mm', rebase=False)} {zone_abbreviation(instant, tz_name)}"


DATE_PATTERNS = {
    ("zh", "long"): "y年M月d日 EEEE", ("zh", "short"): "y年M月d日",
    ("en", "long"): "EEEE d MMMM y", ("en", "short"): "d MMM y",
}


def local_date(value: date | datetime | None, length: str = "short",
               tz_name: str | None = None) -> str:
    """A date in the page locale (``2017年3月15日`` / ``15 Mar 2017``); an instant is first
    taken to ``tz_name``'s local date."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = to_local(value, tz_name or "UTC").date()
    return format_date(value, DATE_PATTERNS[(get_lang(), "long" if length == "long" else "short")])


def lang_switch_url(lang: str) -> str:
    """The current page's URL with ``lang`` set, so switching keeps the user's place.

    Built from the request's path and query (only ``lang`` replaced), as a path without
    host: no query argument reaches ``url_for`` and no Host header reaches the link.
    Error pages repeat nothing of the request (a feed token in a URL): there the link
    is ``?lang=…``, which the browser resolves against the same path.
    """
    if g.get("helix_error_page"):
        return f"?{urlencode([('lang', lang)])}"
    query = urlencode([*((k, v) for k, v in request.args.items(multi=True) if k != "lang"),
                       ("lang", lang)])
    return f"{quote(request.script_root + request.path)}?{query}"


def register(app: Flask) -> None:
    """Install the filters and globals on the app's Jinja environment."""
    app.jinja_env.filters.update(
        local_time=local_time, clock=clock, local_date=local_date, number=format_decimal,
    )
    app.jinja_env.globals.update(
        loc=loc, get_lang=get_lang, html_lang=html_lang, lang_switch_url=lang_switch_url,
        viewer_timezone=viewer_timezone,
        viewer_timezone_source=viewer_timezone_source,
    )
    app.jinja_env.globals.update(template_helpers())
