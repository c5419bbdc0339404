"""Matrix entries of the ``followup`` blueprint: organisers and the staff of the event's
cities (Liuzhou's staff: the Liuzhou event) write the follow-up; those who may see the event
download its files; the open action items list is for staff."""

from tests.security.route_matrix import signed_in, staff


def _other(world: object) -> dict[str, int]:
    return {"event_id": world.chengdu_event.id}  # type: ignore[attr-defined]


ROUTES = {
    "GET followup.actions": staff(),
    "GET followup.minutes": [staff(), staff(args=_other).but(city_staff=403)],
    "POST followup.minutes": [staff(302, note="empty minutes are saved empty"),
                              staff(302, args=_other).but(city_staff=403)],
    "GET followup.upload": [staff(), staff(args=_other).but(city_staff=403)],
    "POST followup.upload": [staff(200, note="no file: error"),
                             staff(200, args=_other).but(city_staff=403)],
    "GET followup.new_action": [staff(), staff(args=_other).but(city_staff=403)],
    "POST followup.new_action": staff(200, note="empty form: errors"),
    "GET followup.edit_action": staff(),
    "POST followup.edit_action": staff(302, note="empty POST keeps the values"),
    # A public event's file: every signed-in role may see the event; visitors sign in.
    "GET followup.download": signed_in(),
    "POST followup.remove_attachment": staff(302),
}
