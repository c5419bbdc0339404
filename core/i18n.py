"""Interface language and bilingual content.

The language comes from ``?lang=`` (remembered in a cookie), then the signed-in user's
preference, then the browser's Accept-Language, then English.
"""

from collections.abc import Iterable
from typing import Any

from babel import Locale
from babel.dates import get_day_names
from flask import current_app, has_request_context, request
from flask_login import current_user

LANG_COOKIE = "helix_lang"
SUPPORTED = ("en", "zh")


def _from_accept_language() -> str | None:
    preferred = [lang.replace("_", "-") for lang, _q in request.accept_languages]
    if not preferred:
        return None
    found = Locale.negotiate(preferred, list(SUPPORTED), sep="-")
    return str(found) if found else None


def select_locale() -> str:
    """Flask-Babel locale selector: the page's language code, ``en`` or ``zh``; English
    outside a request (CLI commands, e.g. a service error's message)."""
    if not has_request_context():
        return "en"
    cached = request.environ.get("helix.lang")
    if cached:
        return cached
    lang = request.args.get("lang")
    if lang not in SUPPORTED:
        lang = request.cookies.get(LANG_COOKIE)
    if lang not in SUPPORTED:
        user_lang = getattr(current_user, "language", None) if current_user else None
        lang = user_lang if user_lang in SUPPORTED else None
    if lang not in SUPPORTED:
        lang = _from_accept_language()
    lang = lang if lang in SUPPORTED else "en"
    request.environ["helix.lang"] = lang
    return lang


def select_timezone() -> str | None:
    """Flask-Babel time-zone selector: the viewer's zone name."""
    from core.viewer import viewer_timezone

    return viewer_timezone()


def get_lang() -> str:
    """The current page language (``en`` or ``zh``)."""
    return select_locale()


def weekday_names(days: Iterable[int | str], width: str = "abbreviated") -> list[str]:
    """Names of weekdays (Monday = 0, as numbers or digits) in the page language, in week
    order: ``Mon, Tue`` / ``周一, 周二``."""
    names = get_day_names(width, locale=get_lang())
    return [names[day] for day in sorted({int(day) for day in days})]


def html_lang() -> str:
    """The BCP 47 tag for ``<html lang>``: ``zh-CN`` keeps Chinese glyph shapes."""
    return "zh-CN" if get_lang() == "zh" else "en"


def localized(obj: Any, field: str, lang: str | None = None) -> tuple[str, bool]:
    """The value of ``<field>_<lang>``, falling back to the other language.

    Returns ``(text, is_fallback)``; ``is_fallback`` is True when the page language's
    value was missing and the other one was used.
    """
    lang = lang or get_lang()
    other = "en" if lang == "zh" else "zh"
    value = getattr(obj, f"{field}_{lang}", None)
    if value:
        return value, False
    fallback = getattr(obj, f"{field}_{other}", None) or ""
    return fallback, bool(fallback)


def remember_language(response: Any) -> Any:
    """After a request with ``?lang=``, keep the choice in a cookie for a year.

    A response whose language was negotiated (no ``?lang=`` in its URL) varies on the
    language cookie and the browser's Accept-Language: say so, so that no shared cache
    hands a Chinese page to an English reader.
    """
    lang = request.args.get("lang")
    if "helix.lang" in request.environ and lang not in SUPPORTED:
        response.vary.update(("Accept-Language", "Cookie"))
    if lang in SUPPORTED and request.cookies.get(LANG_COOKIE) != lang:
        keep_language(response, lang)
    return response


def keep_language(response: Any, lang: str | None) -> Any:
    """Remember ``lang`` in the language cookie for a year; with None, forget the cookie,
    so that the user's saved preference (then the browser's) chooses the language."""
    secure = current_app.config.get("SESSION_COOKIE_SECURE", False)
    if lang in SUPPORTED:
        response.set_cookie(LANG_COOKIE, lang, max_age=365 * 24 * 3600, samesite="Lax",
                            secure=secure, httponly=True)
    else:
        response.delete_cookie(LANG_COOKIE, samesite="Lax", secure=secure, httponly=True)
    return response
