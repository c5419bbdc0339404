"""Matrix entries of the ``participants`` blueprint.

City staff (of Liuzhou in the world) read everything and write what belongs to their city:
the delegate participant is in Liuzhou, the other participant in Chengdu. Delegates see
their own participant page.
"""

from tests.security.route_matrix import LOGIN, expect, organisers, staff


def _other(w):
    return {"participant_id": w.other_participant.id}


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
    "GET participants.import_upload": staff(),
    "POST participants.import_upload": staff(200, note="empty form: errors"),
    "POST participants.import_confirm": staff(302, note="no file: back to the upload page"),
}
