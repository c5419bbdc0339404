"""Pure tests of the permission policy (no app)."""

from __future__ import annotations

import pytest

from accounts.policy import (
    ALL_ROLES,
    ANONYMOUS,
    POLICY,
    Grant,
    Scope,
    Subject,
    Target,
    decide,
    is_read,
    read_scope,
    rule_for,
    split_action,
)

LIUZHOU, CHENGDU = 7, 8
admin = Subject("admin")
organiser = Subject("organiser")
liuzhou_staff = Subject("city_staff", city_id=LIUZHOU)
cityless_staff = Subject("city_staff")
delegate = Subject("delegate", participant_id=42)
unlinked_delegate = Subject("delegate")
anonymous = Subject(ANONYMOUS)

liuzhou_event = Target(city_ids=frozenset({LIUZHOU}), public=True)
chengdu_internal = Target(city_ids=frozenset({CHENGDU}), public=False)
mission_both = Target(city_ids=frozenset({LIUZHOU, CHENGDU}))
own_invitation = Target(city_ids=frozenset({CHENGDU}), participant_ids=frozenset({42}))
other_invitation = Target(participant_ids=frozenset({43}))


def test_split_action_and_verbs() -> None:
    assert split_action("events.edit") == ("events", "edit")
    assert is_read("events.view") and is_read("missions.list")
    assert not is_read("events.cancel")
    assert not is_read("events.frobnicate"), "unknown verbs count as writes"
    for bad in ("events", ".view", "events.", "a.b.c"):
        with pytest.raises(ValueError):
            split_action(bad)


def test_admin_may_do_everything() -> None:
    for action in ("users.create", "events.delete", "anything.whatever"):
        assert decide(admin, action, chengdu_internal)


def test_organiser_everything_but_users() -> None:
    assert decide(organiser, "events.edit", chengdu_internal)
    assert decide(organiser, "participants.view", other_invitation)
    assert decide(organiser, "audit.view")
    assert not decide(organiser, "users.list")
    assert not decide(organiser, "users.create")


@pytest.mark.parametrize("area", ["events", "missions", "participants", "invitations"])
def test_city_staff_writes_own_city_only(area: str) -> None:
    assert decide(liuzhou_staff, f"{area}.edit", liuzhou_event)
    assert decide(liuzhou_staff, f"{area}.edit", mission_both)
    assert not decide(liuzhou_staff, f"{area}.edit", chengdu_internal)
    assert not decide(liuzhou_staff, f"{area}.cancel", Target())
    assert decide(liuzhou_staff, f"{area}.view", chengdu_internal), "reads the rest"
    assert decide(liuzhou_staff, f"{area}.create"), "may open the form"
    assert not decide(cityless_staff, f"{area}.create"), "no city, no writes"


def test_city_staff_edit_only_their_own_city_and_no_other_reference_data() -> None:
    assert decide(liuzhou_staff, "cities.view")
    assert decide(liuzhou_staff, "cities.edit", Target(city_ids=frozenset({LIUZHOU})))
    assert not decide(liuzhou_staff, "cities.edit", Target(city_ids=frozenset({CHENGDU})))
    assert not decide(cityless_staff, "cities.edit", Target(city_ids=frozenset({LIUZHOU})))
    assert not decide(liuzhou_staff, "cities.create")
    assert not decide(liuzhou_staff, "themes.create")
    assert not decide(liuzhou_staff, "users.list")


def test_delegate_reads_programme_and_own_data_only() -> None:
    assert decide(delegate, "events.view", chengdu_internal)
    assert decide(delegate, "missions.view", mission_both)
    assert decide(delegate, "schedule.view")
    assert not decide(delegate, "events.edit", liuzhou_event)
    assert decide(delegate, "participants.view", Target(participant_ids=frozenset({42})))
    assert not decide(delegate, "participants.view", other_invitation)
    assert not decide(delegate, "audit.view")
    assert not decide(delegate, "participants.view"), "no participant list for delegates"
    assert not decide(delegate, "reports.view")
    assert not decide(delegate, "events.view_internal"), "only events they take part in"
    assert decide(delegate, "events.view_internal", Target(participant_ids=frozenset({42})))
    assert not decide(delegate, "missions.view_internal", mission_both), "not their delegation"


def test_delegate_answers_only_own_invitations() -> None:
    assert decide(delegate, "invitations.respond", own_invitation)
    assert not decide(delegate, "invitations.respond", other_invitation)
    assert not decide(delegate, "invitations.edit", own_invitation), "respond only"
    assert not decide(unlinked_delegate, "invitations.respond", own_invitation)
    assert not decide(delegate, "invitations.respond"), "SELF needs the target"
    assert not decide(liuzhou_staff, "invitations.respond", own_invitation)


def test_anonymous_reads_public_programme_only() -> None:
    assert decide(anonymous, "events.view", liuzhou_event)
    assert decide(anonymous, "events.list")
    assert not decide(anonymous, "events.view", chengdu_internal)
    assert decide(anonymous, "cities.view")
    assert decide(anonymous, "programme.view")
    assert decide(anonymous, "missions.view"), "missions are part of the public programme"
    assert not decide(anonymous, "events.view_internal")
    assert not decide(anonymous, "missions.view_internal")
    for action in ("participants.view", "audit.view", "schedule.view", "delegations.view",
                   "account.view", "events.create", "invitations.respond"):
        assert not decide(anonymous, action, liuzhou_event), action


def test_read_scope_for_list_filters() -> None:
    assert read_scope(ANONYMOUS, "events") is Scope.PUBLIC
    assert read_scope("delegate", "events") is Scope.ANY
    assert read_scope("delegate", "participants") is Scope.SELF
    assert read_scope(ANONYMOUS, "participants") is Scope.NONE


def test_unknown_role_gets_nothing() -> None:
    assert not decide(Subject("superuser"), "events.view", liuzhou_event)


def test_lookup_order_exact_then_area_then_star() -> None:
    policy = {"r": {"*": Grant(read=Scope.ANY), "a": Grant(), "a.do": Scope.ANY}}
    assert rule_for("r", "a.do", policy) is Scope.ANY
    assert rule_for("r", "a.view", policy) is Scope.NONE
    assert rule_for("r", "b.view", policy) is Scope.ANY
    assert rule_for("r", "b.edit", policy) is Scope.NONE


def test_policy_is_well_formed() -> None:
    assert set(POLICY) == set(ALL_ROLES)
    for rules in POLICY.values():
        for key, rule in rules.items():
            if key != "*" and "." in key:
                split_action(key)
                assert isinstance(rule, Scope)
            else:
                assert isinstance(rule, Grant)
    assert ANONYMOUS not in {r for r in ALL_ROLES[:-1]}
