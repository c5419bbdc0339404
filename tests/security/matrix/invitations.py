"""Matrix entries of the ``invitations`` blueprint.

The delegate's own invitation is to the Chengdu event, the other one to Liuzhou's: city
staff (of Liuzhou) may change only the latter, and import attendance reports only for the
Liuzhou event.
"""

from tests.security.route_matrix import LOGIN, expect, staff


def _liuzhou_invitation(w):
    return {"invitation_id": w.other_invitation.id}


def _chengdu_event(w):
    return {"event_id": w.chengdu_event.id}


ROUTES = {
    "GET invitations.invite_people": staff(),
    "POST invitations.invite_people": staff(200, note="empty form: errors"),
    "GET invitations.search": [
        *(staff(args=lambda w, kind=kind: {"kind": kind}, note=f"{kind} picker")
          for kind in ("participants", "targets", "organisations")),
        expect(admin=404, organiser=404, city_staff=404, delegate=403, anonymous=LOGIN,
               args=lambda w: {"kind": "nothing"}, note="no such picker"),
    ],
    "GET invitations.for_event": staff(),
    "GET invitations.attendance": staff(),
    "GET invitations.import_attendance": [
        staff(note="the Liuzhou event"),
        staff(args=_chengdu_event, note="the Chengdu event").but(city_staff=403),
    ],
    "POST invitations.import_attendance": [
        staff(200, note="no file: the form with its error"),
        staff(200, args=_chengdu_event, note="the Chengdu event").but(city_staff=403),
    ],
    "POST invitations.confirm_attendance": [
        staff(302, note="no payload: back to the upload form"),
        staff(302, args=_chengdu_event, note="the Chengdu event").but(city_staff=403),
    ],
    "POST invitations.change_status": [
        expect(admin=302, organiser=302, city_staff=403, delegate=403, anonymous=LOGIN,
               note="an invitation to the Chengdu event"),
        staff(302, args=_liuzhou_invitation, note="an invitation to the Liuzhou event"),
    ],
    "POST invitations.withdraw_invitation": [
        expect(admin=302, organiser=302, city_staff=403, delegate=403, anonymous=LOGIN,
               note="an invitation to the Chengdu event"),
        staff(302, args=_liuzhou_invitation, note="an invitation to the Liuzhou event"),
    ],
}
