"""Matrix entries of the ``accounts`` blueprint."""

from tests.security.route_matrix import admins, everyone, expect, signed_in

ROUTES = {
    "GET accounts.login": everyone(),
    "POST accounts.login": everyone(200, note="empty form: shown again with errors"),
    "POST accounts.logout": everyone(302),
    "GET accounts.account": signed_in(),
    "GET accounts.password": signed_in(),
    "POST accounts.password": signed_in(200, note="empty form: shown again with errors"),
    "GET accounts.tokens": signed_in(),
    "POST accounts.tokens": signed_in(200, note="empty form: shown again with errors"),
    "POST accounts.token_revoke": expect(
        admin=404, organiser=404, city_staff=404, delegate=302, anonymous="login",
        note="the delegate's token: nobody else's to revoke"),
    "POST accounts.settings": signed_in(200, note="empty form: shown again with errors"),
    "GET accounts.users": admins(),
    "GET accounts.user_new": admins(),
    "POST accounts.user_new": admins(200, note="empty form: shown again with errors"),
    "GET accounts.user_edit": admins(),
    "POST accounts.user_edit": admins(302, note="an empty POST keeps the stored values"),
}
