"""Register the API: flask-smorest serves the OpenAPI 3.1.0 document at /api/v1/openapi.json."""

from flask import Flask
from flask_smorest import Api

from api.invitations import bp as invitations_bp
from api.problems import PROBLEM_TYPE
from api.schemas import ProblemSchema
from api.views import bp as events_bp
from core.extensions import csrf


class HelixApi(Api):
    """flask-smorest's Api, with errors handled by the API's blueprints only.

    flask-smorest would register its JSON error handler for the whole app, which would
    turn the HTML pages' error pages into JSON.
    """

    ERROR_SCHEMA = ProblemSchema

    def _register_error_handlers(self) -> None:
        """Leave the app's error handlers alone (see :func:`init_app`)."""

    def _register_responses(self) -> None:
        """Document every error response as the problem+json the API sends."""
        self.DEFAULT_RESPONSE_CONTENT_TYPE = PROBLEM_TYPE
        try:
            super()._register_responses()
        finally:
            del self.DEFAULT_RESPONSE_CONTENT_TYPE


def init_app(app: Flask) -> None:
    """Configure flask-smorest and register the API's blueprints under ``/api/v1``."""
    app.config.setdefault("API_TITLE", "Helix API")
    app.config.setdefault("API_VERSION", "v1")
    app.config.setdefault("OPENAPI_VERSION", "3.1.0")
    app.config.setdefault("OPENAPI_URL_PREFIX", "/api/v1")
    app.config.setdefault("OPENAPI_JSON_PATH", "openapi.json")
    app.config.setdefault("API_SPEC_OPTIONS", {
        "components": {"securitySchemes": {"bearerAuth": {
            "type": "http", "scheme": "bearer",
            "description": "A personal API token from /account/tokens"}}},
        "security": [{"bearerAuth": []}, {}],
    })
    api = HelixApi(app)
    for blueprint, prefix in ((events_bp, "/api/v1/events"),
                              (invitations_bp, "/api/v1/invitations")):
        csrf.exempt(blueprint)  # api.auth asks session writes for the token itself
        api.register_blueprint(blueprint, url_prefix=prefix)
