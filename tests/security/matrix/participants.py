"""Matrix entries of the ``participants`` blueprint.

City staff (of Liuzhou in the world) read everything and write what belongs to their city:
the delegate participant and the organisation are in Liuzhou, the other participant in
Chengdu; the delegate's own invitation is to the Chengdu event, the other to Liuzhou's.
Outcomes are recorded by organisers only. Delegates see their own participant page.
"""

from tests.security.route_matrix import LOGIN, expect, organisers, signed_in, staff


def _other(w):
    return {"participant_id": w.other_participant.id}


def _liuzhou_invitation(w):
    return {"invitation_id": w.other_invitation.id}


ROUTES = {
    "GET participants.index": staff(),
    "GET participants.export": staff(),
    "GET participants.contacts": staff(),
    "GET participants.detail": [
        expect(admin=200, organiser=200, city_staff=200, delegate=200, anonymous=LOGIN,
               note="the delegate's own page, with their schedule"),
        staff(args=_other),
    ],
    "GET participants.create": staff(),
    "POST participants.create": staff(200, note="empty form: shown again with errors"),
    "GET participants.edit": [staff(), organisers(args=_other, note="a Chengdu participant")],
    "POST participants.edit": [
        staff(302, note="an empty POST keeps the stored values"),
        organisers(302, args=_other, note="a Chengdu participant"),
    ],
    "POST participants.delete": [
        staff(302, note="refused with a message: a delegation member"),
        organisers(302, args=_other, note="a Chengdu participant"),
    ],
    "GET participants.organisations": signed_in(),
    "GET participants.organisation": signed_in(),
    "GET participants.create_organisation": staff(),
    "POST participants.create_organisation": staff(200, note="empty form: errors"),
    "GET participants.edit_organisation": staff(),
    "POST participants.edit_organisation": staff(302, note="empty POST keeps the values"),
    "POST participants.remove_organisation": staff(302, note="refused: it has participants"),
    "GET participants.import_upload": staff(),
    "POST participants.import_upload": staff(200, note="empty form: errors"),
    "POST participants.import_confirm": staff(302, note="no file: back to the upload page"),
    "GET participants.invite_people": staff(),
    "POST participants.invite_people": staff(200, note="empty form: errors"),
    "GET participants.invitations": staff(),
    "GET participants.attendance": staff(),
    "POST participants.change_status": [
        expect(admin=302, organiser=302, city_staff=403, delegate=403, anonymous=LOGIN,
               note="an invitation to the Chengdu event"),
        staff(302, args=_liuzhou_invitation, note="an invitation to the Liuzhou event"),
    ],
    "POST participants.withdraw_invitation": [
        expect(admin=302, organiser=302, city_staff=403, delegate=403, anonymous=LOGIN,
               note="an invitation to the Chengdu event"),
        staff(302, args=_liuzhou_invitation, note="an invitation to the Liuzhou event"),
    ],
    "GET participants.create_outcome": organisers(),
    "POST participants.create_outcome": organisers(200, note="empty form: errors"),
    "GET participants.edit_outcome": organisers(),
    "POST participants.edit_outcome": organisers(302, note="empty POST keeps the values"),
    "POST participants.remove_outcome": organisers(302),
}
