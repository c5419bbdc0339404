"""Matrix entries of the ``outcomes`` blueprint: outcomes are recorded by organisers only."""

from tests.security.route_matrix import organisers

ROUTES = {
    "GET outcomes.create": organisers(),
    "POST outcomes.create": organisers(200, note="empty form: errors"),
    "GET outcomes.edit": organisers(),
    "POST outcomes.edit": organisers(302, note="empty POST keeps the values"),
    "POST outcomes.remove": organisers(302),
}
