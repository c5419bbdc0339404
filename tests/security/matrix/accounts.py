"""Matrix entries of the ``accounts`` blueprint."""

from tests.security.route_matrix import admins, everyone, signed_in

ROUTES = {
    "GET accounts.login": everyone(),
    "POST accounts.login": everyone(200, note="empty form: shown again with errors"),
    "POST accounts.logout": everyone(302),
    "GET accounts.account": signed_in(),
    "GET accounts.password": signed_in(),
    "POST accounts.password": signed_in(200, note="empty form: shown again with errors"),
    "POST accounts.settings": signed_in(200, note="empty form: shown again with errors"),
    "GET accounts.users": admins(),
    "GET accounts.user_new": admins(),
    "POST accounts.user_new": admins(200, note="empty form: shown again with errors"),
    "GET accounts.user_edit": admins(),
    "POST accounts.user_edit": admins(302, note="an empty POST keeps the stored values"),
}
