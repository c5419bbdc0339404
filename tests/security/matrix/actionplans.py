"""Matrix entries of the ``actionplans`` blueprint: signed-in people read plans; organisers
and the staff of the partnership's cities (Liuzhou's staff: Barcelona–Liuzhou) edit them."""

from tests.security.route_matrix import signed_in, staff

ROUTES = {
    "GET actionplans.plan": signed_in(),
    "GET actionplans.printable": signed_in(),
    "GET actionplans.export": signed_in(),
    "GET actionplans.create": staff(),
    "POST actionplans.create": staff(200, note="empty form: errors"),
}


def _activity(world: object) -> dict[str, int]:
    return {"partnership_id": world.partnership.id,  # type: ignore[attr-defined]
            "activity_id": world.activity_id}  # type: ignore[attr-defined]


ROUTES.update({
    "GET actionplans.edit": staff(args=_activity),
    "POST actionplans.edit": staff(302, args=_activity, note="empty POST keeps the values"),
    "POST actionplans.drop": staff(302, args=_activity),
})
