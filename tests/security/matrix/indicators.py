"""Matrix entries of the ``indicators`` blueprint: signed-in people read; organisers and the
staff of the partnership's cities record values."""

from tests.security.route_matrix import signed_in, staff

ROUTES = {
    "GET indicators.index": signed_in(),
    "GET indicators.partnership": signed_in(),
    "POST indicators.record": staff(200, note="empty form: errors"),
}
