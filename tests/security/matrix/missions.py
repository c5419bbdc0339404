"""Matrix entries of the ``missions`` blueprint."""

from tests.security.route_matrix import everyone

ROUTES = {
    "GET missions.index": everyone(),
    "GET missions.detail": everyone(),
}
