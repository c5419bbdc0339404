"""Matrix entries of the ``events`` blueprint."""

from tests.security.route_matrix import everyone

ROUTES = {
    "GET events.index": everyone(),
    "GET events.detail": [
        everyone(args=lambda w: {"event_id": w.public_event.id}),
        everyone(args=lambda w: {"event_id": w.internal_event.id}).but(anonymous=404),
    ],
}
