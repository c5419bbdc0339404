"""Matrix entries of the ``calendars`` blueprint: public feeds, the secret personal feed,
and the organisers' page to see or regenerate a participant's feed address."""

from tests.security.route_matrix import everyone, staff

ROUTES = {
    "GET calendars.programme": everyone(),
    "GET calendars.event": everyone(),
    "GET calendars.mission": everyone(),
    "GET calendars.city": everyone(),
    "GET calendars.theme": everyone(args=lambda w: {"slug": w.theme.slug}),
    # The token is the credential: whoever holds the URL gets the feed, nobody else.
    "GET calendars.personal": everyone(),
    "GET calendars.subscribe": everyone(),
    "GET calendars.participant_feed": staff(),
    "POST calendars.regenerate": staff(302),
}
