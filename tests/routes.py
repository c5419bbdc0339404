"""Walk every route of the app with real arguments taken from the demo programme.

Used by the tests that visit every page (Chinese rendering, permissions). A route whose
URL arguments have no sample here fails those tests with a message saying what to add.
"""

from collections.abc import Callable, Iterator
from typing import Any

from flask import Flask
from sqlalchemy import select
from werkzeug.routing import Rule

from core.extensions import db


def _first_id(model_path: str) -> Callable[[], Any]:
    def load() -> Any:
        module, name = model_path.rsplit(".", 1)
        model = getattr(__import__(module, fromlist=[name]), name)
        return db.session.scalar(select(model.id).order_by(model.id).limit(1))

    return load


def _first_slug(model_path: str) -> Callable[[], Any]:
    def load() -> Any:
        module, name = model_path.rsplit(".", 1)
        model = getattr(__import__(module, fromlist=[name]), name)
        return db.session.scalar(select(model.slug).order_by(model.id).limit(1))

    return load


def _first_feed_token() -> Any:
    from participants.models import Participant

    return db.session.scalar(
        select(Participant.feed_token).order_by(Participant.id).limit(1))


#: Sample values by URL argument name.
BY_ARGUMENT: dict[str, Callable[[], Any]] = {
    "event_id": _first_id("events.models.Event"),
    "mission_id": _first_id("missions.models.Mission"),
    "participant_id": _first_id("participants.models.Participant"),
    "organisation_id": _first_id("organisations.models.Organisation"),
    "partnership_id": _first_id("programme.models.Partnership"),
    "outcome_id": _first_id("outcomes.models.Outcome"),
    "city_id": _first_id("programme.models.City"),
    "theme_id": _first_id("programme.models.Theme"),
    "invitation_id": _first_id("invitations.models.Invitation"),
    "member_id": _first_id("missions.models.DelegationMember"),
    # The demo has one travel leg (the July 2018 mission's flight home), maybe not on the
    # first mission, and no hotel stays: a 404 (id 0 or another mission's) is skipped.
    "leg_id": lambda: _first_id("missions.models.TravelLeg")() or 0,
    "stay_id": lambda: _first_id("missions.models.HotelStay")() or 0,
    "user_id": _first_id("accounts.models.User"),
    "token_id": lambda: 1,  # the demo has no API tokens: someone's token id, or a 404
    # The demo's events are over, so no e-mail is queued: id 0 answers 404.
    "message_id": lambda: _first_id("outbox.models.OutboxMessage")() or 0,
    "registration_id": lambda: _first_id("registrations.models.Registration")() or 0,
    # An activity of the first partnership, if its plan has one; id 0 answers 404.
    "activity_id": lambda: _first_activity() or 0,
    # The demo has no follow-up yet: id 0 answers 404 and is skipped.
    "item_id": lambda: _first_id("followup.models.ActionItem")() or 0,
    "attachment_id": lambda: _first_id("followup.models.Attachment")() or 0,
}


def _first_activity() -> Any:
    from actionplans.models import Activity

    return db.session.scalar(select(Activity.id).where(
        Activity.partnership_id == BY_ARGUMENT["partnership_id"]()).order_by(Activity.id))


def _registration_token(action: str) -> Callable[[], Any]:
    def load() -> Any:
        from registrations.models import Registration
        from registrations.tokens import make_token

        first = db.session.scalar(select(Registration.id).order_by(Registration.id).limit(1))
        return make_token(first or 0, action)

    return load


def _first_member_mission() -> Any:
    from missions.models import DelegationMember

    return db.session.scalar(select(DelegationMember.mission_id)
                             .order_by(DelegationMember.id).limit(1))


#: Sample values by endpoint and argument, where the name alone is ambiguous.
BY_ENDPOINT: dict[tuple[str, str], Callable[[], Any]] = {
    ("programme.city", "slug"): _first_slug("programme.models.City"),
    ("programme.city_edit", "slug"): _first_slug("programme.models.City"),
    ("programme.theme_edit", "slug"): _first_slug("programme.models.Theme"),
    ("programme.city_archive", "slug"): _first_slug("programme.models.City"),
    ("programme.city_restore", "slug"): _first_slug("programme.models.City"),
    ("programme.theme_archive", "slug"): _first_slug("programme.models.Theme"),
    ("programme.theme_restore", "slug"): _first_slug("programme.models.Theme"),
    ("missions.edit_member", "mission_id"): _first_member_mission,
    ("missions.delete_member", "mission_id"): _first_member_mission,
    ("calendars.city", "slug"): _first_slug("programme.models.City"),
    ("calendars.theme", "slug"): _first_slug("programme.models.Theme"),
    ("calendars.personal", "token"): _first_feed_token,
    ("registrations.confirm", "token"): _registration_token("confirm"),
    ("registrations.cancel", "token"): _registration_token("cancel"),
    ("invitations.search", "kind"): lambda: "participants",
}

#: Endpoints no page walk visits (static files are not pages).
SKIPPED = {"static"}


def sample_arguments(rule: Rule) -> dict[str, Any]:
    """Real values for the rule's URL arguments, from the loaded demo programme."""
    values = {}
    for name in sorted(rule.arguments):
        loader = BY_ENDPOINT.get((rule.endpoint, name)) or BY_ARGUMENT.get(name)
        if loader is None:
            raise LookupError(
                f"no sample value for <{name}> of {rule.endpoint} ({rule.rule}): "
                "add one to tests/routes.py")
        values[name] = loader()
    return values


def walk(app: Flask, method: str = "GET") -> Iterator[tuple[Rule, str]]:
    """Every (rule, concrete path) that answers ``method``, with sample arguments."""
    for rule in sorted(app.url_map.iter_rules(), key=lambda r: r.rule):
        if rule.endpoint in SKIPPED or method not in (rule.methods or set()):
            continue
        path = app.url_map.bind("localhost").build(
            rule.endpoint, sample_arguments(rule), method=method)
        yield rule, path
