"""Matrix entries of the ``programme`` blueprint."""

from tests.security.route_matrix import everyone

ROUTES = {
    "GET programme.cities": everyone(),
    "GET programme.city": everyone(),
    "GET programme.partnerships": everyone(),
    "GET programme.partnership": everyone(),
}
