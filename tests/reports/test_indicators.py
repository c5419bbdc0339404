"""Measure indicators and chart payloads."""

from organisations.helix_roles import HelixRole
from reports.helix import compose
from reports.indicators import (
    delegations_received,
    helix_chart,
    outcomes_by_kind,
    per_year,
    roles_over_time,
    series_chart,
)

ROLE_LABELS = {role: role.value.title() for role in HelixRole}
SIDE_LABELS = {"eu": "Europe", "china": "China", "other": "Other"}


def test_delegations_received_sums_and_sorts():
    rows = [("Chengdu", 2), ("Barcelona", 1), ("Chengdu", 1), ("Athens", 1)]
    assert delegations_received(rows) == [("Chengdu", 3), ("Athens", 1), ("Barcelona", 1)]


def test_per_year_pivots_with_zeros():
    years, table = per_year([("bcn", 2019), ("bcn", 2020), ("bcn", 2020), ("mlg", 2017)])
    assert years == [2017, 2019, 2020]
    assert table == {"bcn": {2017: 0, 2019: 1, 2020: 2}, "mlg": {2017: 1, 2019: 0, 2020: 0}}


def test_roles_over_time_ignores_unknown_role_but_keeps_year():
    years, series = roles_over_time(
        [(2019, "government"), (2020, HelixRole.ACADEMIA), (2020, None), (2021, None)]
    )
    assert years == [2019, 2020, 2021]
    assert series[HelixRole.GOVERNMENT] == [1, 0, 0]
    assert series[HelixRole.ACADEMIA] == [0, 1, 0]


def test_outcomes_by_kind_lists_every_kind():
    rows = [("mou", 1), ("mou", 1), ("agreement", 1)]
    kinds = ("mou", "agreement", "pilot_project", "joint_study")
    assert outcomes_by_kind(rows, kinds) == {
        "mou": 2,
        "agreement": 1,
        "pilot_project": 0,
        "joint_study": 0,
    }


def test_helix_chart_payload_has_one_dataset_per_side_present():
    helix = compose([("government", "eu"), ("academia", "china"), ("academia", "china")])
    payload = helix_chart(helix, ROLE_LABELS, SIDE_LABELS, title="Who took part")
    assert payload["labels"] == ["Government", "Industry", "Academia", "Civil_Society"]
    assert payload["datasets"] == [
        {"label": "Europe", "data": [1, 0, 0, 0]},
        {"label": "China", "data": [0, 0, 2, 0]},
    ]
    assert payload["stacked"] is True
    empty = helix_chart(compose([]), ROLE_LABELS, SIDE_LABELS)
    assert [d["label"] for d in empty["datasets"]] == ["Europe", "China"]


def test_series_chart():
    payload = series_chart([2019, 2020], {"Barcelona": [1, 4]}, kind="line")
    assert payload == {
        "type": "line",
        "stacked": False,
        "title": "",
        "labels": ["2019", "2020"],
        "datasets": [{"label": "Barcelona", "data": [1, 4]}],
    }
