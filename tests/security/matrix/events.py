"""Matrix entries of the ``events`` blueprint.

Writes: admins and organisers anywhere, city staff on events in their own city (the
world's city staff member is in Liuzhou), delegates and visitors never.
"""

from tests.security.route_matrix import everyone, staff

_LIUZHOU = {"note": "the Liuzhou event (city staff's own city)"}


def _chengdu(case):  # noqa: ANN001, ANN202 - small local helper
    return case.but(city_staff=403)


def _in_chengdu(world):  # noqa: ANN001, ANN202
    return {"event_id": world.chengdu_event.id}


ROUTES = {
    "GET events.index": everyone(),
    "GET events.detail": [
        everyone(args=lambda w: {"event_id": w.public_event.id}),
        everyone(args=lambda w: {"event_id": w.internal_event.id}).but(anonymous=404),
    ],
    "GET events.calendar": everyone(),
    "GET events.search": everyone(note="only events the viewer may see are found"),
    "GET events.feed": [
        everyone(args=lambda w: {"start": "2030-05-01T00:00:00Z",
                                 "end": "2030-06-01T00:00:00Z", "tz": "Asia/Shanghai"}),
        everyone(400, note="no range: refused"),
    ],
    "GET events.create": staff(),
    "POST events.create": staff(200, note="empty form: shown again with errors"),
    "GET events.slots": staff(),
    "GET events.edit": [staff(**_LIUZHOU), _chengdu(staff(args=_in_chengdu))],
    "POST events.edit": [
        staff(200, note="empty form: shown again with errors"),
        _chengdu(staff(200, args=_in_chengdu)),
    ],
    "POST events.cancel": [staff(302, **_LIUZHOU), _chengdu(staff(302, args=_in_chengdu))],
    "POST events.duplicate": [staff(302, **_LIUZHOU),
                              _chengdu(staff(302, args=_in_chengdu))],
    "POST events.delete": [
        staff(302, note="not a draft: refused with a message, nothing deleted"),
        _chengdu(staff(302, args=_in_chengdu)),
    ],
}
