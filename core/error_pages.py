"""Error pages (400, 404, 405, 500 …) in the Helix layout and the reader's language.

Nothing of the request is repeated: not the path (a feed URL carries its secret token),
not the query, not the Host header. The layout's language links become ``?lang=…``
(``g.helix_error_page``). Calendar feeds (``*.ics``) answer a bare, fixed text body,
which is what calendar clients show.
"""

from __future__ import annotations

from flask import Flask, Response, g, render_template, request
from flask_babel import lazy_gettext as _l
from werkzeug.exceptions import HTTPException, InternalServerError, SecurityError

from core.extensions import db

#: code → (title, explanation); other codes use :data:`FALLBACK`.
MESSAGES = {
    400: (_l("Bad request"), _l("The request could not be understood, so nothing was "
                                "changed.")),
    404: (_l("Page not found"), _l("There is no page at this address. It may have been "
                                   "moved, or the link may be mistyped.")),
    405: (_l("Not possible here"), _l("This address does not accept this kind of request, "
                                      "so nothing was changed.")),
    413: (_l("Too large"), _l("What was sent is too large, so nothing was saved.")),
    500: (_l("Something went wrong"), _l("Helix could not finish this request, so nothing "
                                         "was saved. Please try again later.")),
}
FALLBACK = (_l("Something went wrong"), _l("This request could not be answered."))


def mark_error_page() -> None:
    """Tell the layout not to repeat the request (see :func:`core.templating.lang_switch_url`)."""
    g.helix_error_page = True


def _is_feed() -> bool:
    return request.path.endswith(".ics")


def error_page(error: HTTPException) -> Response | tuple[str, int]:
    """Render ``error`` in the layout (a bare body for calendar feeds)."""
    code = error.code or 500
    if _is_feed():
        return Response(f"{code}\n", status=code, mimetype="text/plain")
    if isinstance(error, SecurityError):  # a foreign Host: no URL can be built for it
        title, text = MESSAGES[400]
        return Response(f"{title}\n{text}\n", status=400, mimetype="text/plain")
    mark_error_page()
    title, text = MESSAGES.get(code, FALLBACK)
    response = Response(render_template("core/error.html", code=code, title=title, text=text),
                        status=code)
    if code == 405 and error.valid_methods:
        response.headers["Allow"] = ", ".join(error.valid_methods)
    return response


def server_error(error: Exception) -> Response | tuple[str, int]:
    """An unexpected exception (production): the 500 page.

    A failed flush leaves the session unusable; it is rolled back first, or the layout's
    first lazy load (the signed-in user's zone) would fail the error page itself.
    """
    db.session.rollback()
    return error_page(InternalServerError())


def register(app: Flask) -> None:
    """Install the handlers (specific ones, like 403 and CSRF, keep precedence)."""
    app.register_error_handler(HTTPException, error_page)
    app.register_error_handler(InternalServerError, server_error)
