"""Matrix entries of the ``accounts`` blueprint."""

from tests.security.route_matrix import admins, everyone, expect, signed_in

ROUTES = {
    "GET accounts.login": everyone(),
    "POST accounts.login": everyone(200, note="empty form: shown again with errors"),
    "POST accounts.logout": everyone(302),
    "GET accounts.account": signed_in(),
    "GET accounts.password": signed_in(),
    "POST accounts.password": signed_in(200, note="empty form: shown again with errors"),
    "GET accounts.schedule": signed_in(),
    "GET accounts.users": admins(),
    "GET accounts.user_new": admins(),
    "POST accounts.user_new": admins(200, note="empty form: shown again with errors"),
    "GET accounts.user_edit": admins(),
    "POST accounts.user_edit": admins(302, note="an empty POST keeps the stored values"),
    "POST accounts.respond": [
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
