"""Matrix entries of the ``missions`` blueprint.

Writes: admins and organisers on any mission, city staff on missions visiting their city
(the world's Liuzhou mission, not the Chengdu one), delegates and visitors never.
"""

from tests.security.route_matrix import everyone, staff


def _chengdu_mission(world):  # noqa: ANN001, ANN202
    return {"mission_id": world.chengdu_mission.id}


ROUTES = {
    "GET missions.index": everyone(),
    "GET missions.search": everyone(note="mission titles are public, as on the index"),
    "GET missions.detail": everyone(),
    "GET missions.printable": everyone(),
    "GET missions.create": staff(),
    "POST missions.create": staff(200, note="empty form: shown again with errors"),
    "GET missions.edit": [staff(), staff(args=_chengdu_mission).but(city_staff=403)],
    "POST missions.edit": staff(200, note="empty form: shown again with errors"),
    "GET missions.new_member": [staff(),
                                staff(args=_chengdu_mission).but(city_staff=403)],
    "POST missions.new_member": staff(200, note="empty form: shown again with errors"),
    "GET missions.edit_member": staff(),
    "POST missions.edit_member": staff(302, note="an empty POST keeps the stored values"),
    "POST missions.delete_member": staff(302),
    "GET missions.new_leg": staff(),
    "POST missions.new_leg": staff(200, note="empty form: shown again with errors"),
    "POST missions.delete_leg": staff(302),
    "GET missions.new_stay": staff(),
    "POST missions.new_stay": staff(200, note="empty form: shown again with errors"),
    "POST missions.delete_stay": staff(302),
}
