"""Matrix entries of the ``api`` package (the JSON API under ``/api/v1/``)."""

from tests.security.route_matrix import everyone, expect

ROUTES = {
    "GET api-docs.openapi_json": everyone(),
    "GET api_events.EventList": everyone(),
    "PATCH api_events.EventUpdate": expect(
        admin=422, organiser=422, city_staff=422, delegate=403, anonymous=401,
        note="the Liuzhou event, a form body instead of JSON texts: 422 once allowed"),
    "POST api_events.EventCancel": expect(
        admin=428, organiser=428, city_staff=428, delegate=403, anonymous=401,
        note="the Liuzhou event, its city staff's: allowed, but If-Match is missing"),
    "POST api_invitations.InvitationAnswer": [
        expect(admin=422, organiser=422, city_staff=403, delegate=422, anonymous=401,
               note="the delegate's own invitation, no JSON status: 422 once allowed"),
        expect(admin=422, organiser=422, city_staff=422, delegate=404, anonymous=401,
               args=lambda w: {"invitation_id": w.other_invitation.id},
               note="someone else's invitation (Liuzhou): hidden from the delegate"),
    ],
    "GET api_events.EventItem": [
        everyone(args=lambda w: {"event_id": w.public_event.id}, note="a public event"),
        expect(admin=200, organiser=200, city_staff=200, delegate=200, anonymous=404,
               args=lambda w: {"event_id": w.internal_event.id},
               note="an internal event the delegate is invited to: hidden from visitors"),
    ],
}
