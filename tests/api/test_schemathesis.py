"""Property-based run of Schemathesis against the OpenAPI document (SQLite and PostgreSQL).

A bounded number of examples per operation: no server error, every response as documented.
"""

from __future__ import annotations

import schemathesis
from flask import Flask
from hypothesis import HealthCheck, given, settings
from schemathesis.config import SchemathesisConfig

from tests.security.world import build_world

EXAMPLES = 25
#: The event list refuses a date window the schema cannot describe (date_to before
#: date_from, longer than the list's limit) with a 400 problem: valid there, too.
CONFIG = SchemathesisConfig.from_str("""
[[operations]]
include-name = "GET /api/v1/events/"
checks.positive_data_acceptance.expected-statuses = ["2xx", "3xx", "400", "401", "403", "404",
                                                     "409", "429"]
""")


def test_api_conforms_to_its_document(app: Flask) -> None:
    build_world()
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app, config=CONFIG)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 2
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
                  suppress_health_check=list(HealthCheck))
        def check(case: schemathesis.Case) -> None:
            case.call_and_validate()

        check()
