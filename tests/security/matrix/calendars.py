"""Matrix entries of the ``calendars`` blueprint: public feeds, the secret personal feed,
and the organisers' page to see or regenerate a participant's feed address."""

from tests.security.route_matrix import everyone, organisers, staff


def _chengdu_participant(w):
    return {"participant_id": w.other_participant.id}


ROUTES = {
    "GET calendars.programme": everyone(),
    "GET calendars.event": everyone(),
    "GET calendars.mission": everyone(),
    "GET calendars.city": everyone(),
    "GET calendars.theme": everyone(args=lambda w: {"slug": w.theme.slug}),
    # The token is the credential: whoever holds the URL gets the feed, nobody else.
    "GET calendars.personal": everyone(),
    "GET calendars.subscribe": everyone(),
    # The feed address is a credential: seeing or replacing it is an edit of the participant.
    "GET calendars.participant_feed": [staff(), organisers(args=_chengdu_participant)],
    "POST calendars.regenerate": [staff(302), organisers(302, args=_chengdu_participant)],
}
