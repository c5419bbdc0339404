"""Matrix entries of the ``registrations`` blueprint: the public form and its e-mail links
answer everyone (404 without registration set up or with a forged token); the registrants'
page is for staff (city staff in their own city); delegates never see registrants."""

from tests.security.route_matrix import everyone, staff

_NO_SUCH_REGISTRATION = 2**31 - 1


def _own(w):  # noqa: ANN001, ANN202 - world → URL values
    return {"event_id": w.liuzhou_event.id}


def _other(w):  # noqa: ANN001, ANN202
    return {"event_id": w.chengdu_event.id}


def _forged(_w):  # noqa: ANN001, ANN202
    return {"token": "forged.token.value"}


ROUTES = {
    "GET registrations.register": everyone(404, args=_own, note="registration not set up"),
    "POST registrations.register": everyone(404, args=_own, note="registration not set up"),
    "GET registrations.confirm": everyone(404, args=_forged),
    "POST registrations.confirm": everyone(404, args=_forged),
    "GET registrations.cancel": everyone(404, args=_forged),
    "POST registrations.cancel": everyone(404, args=_forged),
    "GET registrations.manage": [staff(args=_own), staff(args=_other).but(city_staff=403)],
    "POST registrations.manage": [staff(302, args=_own, note="empty form: the defaults saved"),
                                  staff(302, args=_other).but(city_staff=403)],
    "GET registrations.export": [staff(args=_own), staff(args=_other)],
    "POST registrations.approve": everyone(404, args=lambda w: {
        "registration_id": _NO_SUCH_REGISTRATION}),
}
