"""Matrix entries of the ``organisations`` blueprint (the world's organisation is in Liuzhou)."""

from tests.security.route_matrix import signed_in, staff

ROUTES = {
    "GET organisations.index": signed_in(),
    "GET organisations.search": signed_in(note="the participants filter's organisation picker"),
    "GET organisations.detail": signed_in(),
    "GET organisations.create": staff(),
    "POST organisations.create": staff(200, note="empty form: errors"),
    "GET organisations.edit": staff(),
    "POST organisations.edit": staff(302, note="empty POST keeps the values"),
    "POST organisations.remove": staff(302, note="refused: it has participants"),
}
