"""Matrix entries of the ``participants`` blueprint."""

from tests.security.route_matrix import staff

ROUTES = {
    "GET participants.index": staff(),
}
