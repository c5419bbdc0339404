"""Matrix entries of the ``outbox`` blueprint: retrying an event's e-mail is for those who
may edit the event's invitations (city staff only in their own city)."""

from tests.security.route_matrix import staff

_NO_SUCH_MAIL = 2**31 - 1

ROUTES = {
    "POST outbox.retry": [
        staff(404, args=lambda w: {"event_id": w.liuzhou_event.id, "message_id": _NO_SUCH_MAIL},
              note="allowed, but the e-mail does not exist"),
        staff(404, args=lambda w: {"event_id": w.chengdu_event.id,
                                   "message_id": _NO_SUCH_MAIL}).but(city_staff=403),
    ],
}
