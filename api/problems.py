"""RFC 9457 problem details (``application/problem+json``) in the reader's language."""

from typing import Any

from flask import Blueprint, Response, jsonify
from flask_babel import lazy_gettext as _l
from werkzeug.exceptions import HTTPException

from core.i18n import get_lang

PROBLEM_TYPE = "application/problem+json"

TITLES = {
    400: _l("Bad request"),
    401: _l("Authentication required"),
    403: _l("You may not do this"),
    404: _l("Not found"),
    405: _l("Method not allowed"),
    409: _l("The resource has changed since you read it"),
    412: _l("The resource has changed since you read it"),
    413: _l("The request is too large"),
    415: _l("Send JSON (Content-Type: application/json)"),
    422: _l("Some parameters are invalid"),
    428: _l("Send If-Match with the ETag or version you read"),
    429: _l("Too many requests"),
}


def problem(error: HTTPException) -> Response:
    """Turn an HTTP error raised in an API view into a problem+json response."""
    status = error.code or 500
    body: dict[str, Any] = {"type": "about:blank",
                            "title": str(TITLES.get(status, error.name)),
                            "status": status}
    data = getattr(error, "data", None) or {}
    if data.get("message"):
        body["detail"] = str(data["message"])
    if data.get("messages"):
        body["errors"] = data["messages"]
    response = jsonify(body)
    response.status_code = status
    response.content_type = PROBLEM_TYPE
    response.headers["Content-Language"] = get_lang()
    for name, value in (data.get("headers") or {}).items():
        response.headers[name] = value
    return response



def answer_with_problems(blueprint: Blueprint) -> None:
    """Send every HTTP error of ``blueprint``'s views as a problem; the codes the pages
    handle app-wide (400, 403, 429 …) are named too, else the pages' handler would win."""
    blueprint.register_error_handler(HTTPException, problem)
    for status in TITLES:
        blueprint.register_error_handler(status, problem)
