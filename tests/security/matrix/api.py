"""Matrix entries of the ``api`` package (the JSON API under ``/api/v1/``)."""

from tests.security.route_matrix import everyone, expect

ROUTES = {
    "GET api-docs.openapi_json": everyone(),
    "GET api_events.EventList": everyone(),
    "GET api_events.EventItem": [
        everyone(args=lambda w: {"event_id": w.public_event.id}, note="a public event"),
        expect(admin=200, organiser=200, city_staff=200, delegate=200, anonymous=404,
               args=lambda w: {"event_id": w.internal_event.id},
               note="an internal event the delegate is invited to: hidden from visitors"),
    ],
}
