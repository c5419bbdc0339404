"""``accounts.permissions``: facts taken from real models, ``require`` and ``ensure``."""

from __future__ import annotations

import pytest
from flask import Flask
from werkzeug.exceptions import NotFound

from accounts.permissions import can, require, scope, subject_of, target_facts
from accounts.policy import Scope, Target
from tests.security.world import build_world


def test_facts_from_models(app: Flask) -> None:
    w = build_world()
    lz, cd = w.liuzhou.id, w.chengdu.id
    assert target_facts(w.liuzhou_event) == Target(frozenset({lz}), frozenset(), public=True)
    assert target_facts(w.chengdu_event).public is False
    assert target_facts(w.mission).city_ids == {lz, w.barcelona.id}
    assert target_facts(w.delegate_participant) == Target(
        frozenset({lz}), frozenset({w.delegate_participant.id}))
    own = target_facts(w.own_invitation)
    assert own.city_ids == {cd} and own.participant_ids == {w.delegate_participant.id}
    assert target_facts(w.organisation).city_ids == {lz}


def test_custom_permission_target() -> None:
    class Special:
        def permission_target(self) -> Target:
            return Target(public=True)

    assert target_facts(Special()) == Target(public=True)


def test_can_with_users(app: Flask) -> None:
    w = build_world()
    staff, delegate = w.users["city_staff"], w.users["delegate"]
    assert can(staff, "events.edit", w.liuzhou_event)
    assert not can(staff, "events.edit", w.chengdu_event)
    assert can(staff, "missions.cancel", w.mission)
    assert not can(staff, "missions.cancel", w.chengdu_mission)
    assert can(delegate, "invitations.respond", w.own_invitation)
    assert not can(delegate, "invitations.respond", w.other_invitation)
    assert not can(None, "events.view", w.chengdu_event)
    assert can(None, "events.view", w.liuzhou_event)
    assert subject_of(None).role == "anonymous"
    assert scope(None, "events") is Scope.PUBLIC
    assert scope(w.users["organiser"], "participants") is Scope.ANY


def test_require_marks_views_and_loads_targets(app: Flask) -> None:
    @require("events.edit", load=lambda event_id: None)
    def view(event_id: int) -> str:
        return "ok"

    assert view.helix_action == "events.edit"  # type: ignore[attr-defined]
    with app.test_request_context("/"), pytest.raises(NotFound):
        view(event_id=1)
