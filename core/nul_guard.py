"""Refuse NUL bytes in a request's path, query or form with a 400 (no database sees them).

PostgreSQL rejects NUL in any text parameter, so one in a slug, a search box or a form
field used to end in a 500; no Helix value can legitimately contain one.
"""

from __future__ import annotations

from flask import Flask, abort, request


def refuse_nul() -> None:
    """``before_request``: 400 when the path, a query value or a form value holds NUL."""
    # ``next`` never reaches the database: core.safe_url turns a bad one into "/", so a
    # sign-in with a mangled link still signs in.
    query = [value for key, value in request.args.items(multi=True) if key != "next"]
    values = [request.path, *query, *request.form.values()]
    if any("\x00" in value for value in values):
        abort(400)


def register(app: Flask) -> None:
    """Install the guard before every other request hook."""
    app.before_request_funcs.setdefault(None, []).insert(0, refuse_nul)
