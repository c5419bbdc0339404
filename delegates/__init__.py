"""Delegates: a signed-in participant's own schedule (invitations, delegations) and answers."""
