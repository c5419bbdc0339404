"""Matrix entries of the ``delegates`` blueprint."""

from tests.security.route_matrix import expect, signed_in

ROUTES = {
    "GET delegates.schedule": signed_in(),
    "POST delegates.respond": [
        expect(admin=302, organiser=302, city_staff=403, delegate=302, anonymous="login",
               args=lambda w: {"invitation_id": w.own_invitation.id},
               data=lambda w: {"status": "accepted"},
               note="the delegate's own invitation (to the Chengdu event)"),
        expect(admin=302, organiser=302, city_staff=302, delegate=403, anonymous="login",
               args=lambda w: {"invitation_id": w.other_invitation.id},
               data=lambda w: {"status": "accepted"},
               note="someone else's invitation to the Liuzhou event"),
    ],
}
