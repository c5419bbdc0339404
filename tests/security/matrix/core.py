"""Matrix entries of the ``core`` blueprint."""

from tests.security.route_matrix import everyone

ROUTES = {
    "GET core.home": everyone(),
}
