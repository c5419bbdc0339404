"""The 200-row sample participants CSV and what the importer makes of it."""

from organisations.helix_roles import HelixRole
from participants.csv_common import Problem
from participants.csv_import import CityRef, Lookups, OrganisationRef, lookup_key
from participants.csv_import import parse_participants as parse
from participants.csv_sample import SampleCity, SampleOrganisation, sample_participants_csv

BARCELONA = SampleCity("Barcelona", chinese=False)
CHENGDU = SampleCity("成都", chinese=True)
ORGANISATIONS = [
    SampleOrganisation("Barcelona City Council", BARCELONA),
    SampleOrganisation("电子科技大学", CHENGDU),
    SampleOrganisation("Chengdu Tianfu Software Park", CHENGDU),
]


def lookups():
    return Lookups(
        cities={
            lookup_key("Barcelona"): CityRef(1, "Europe/Madrid", "eu"),
            lookup_key("成都"): CityRef(2, "Asia/Shanghai", "china"),
        },
        organisations={
            lookup_key("Barcelona City Council"): OrganisationRef(1, HelixRole.GOVERNMENT, 1),
            lookup_key("电子科技大学"): OrganisationRef(2, HelixRole.ACADEMIA, 2),
            lookup_key("Chengdu Tianfu Software Park"): OrganisationRef(3, HelixRole.INDUSTRY, 2),
        },
    )


def test_sample_has_200_rows_and_the_planned_bad_ones():
    data, spoiled = sample_participants_csv(ORGANISATIONS)
    assert data.startswith(b"\xef\xbb\xbf")
    preview = parse(data, lookups())
    assert preview.file_errors == []
    assert len(preview.rows) == 200
    found = {row.line: [e.problem for e in row.errors] for row in preview.invalid_rows}
    assert found == {line: [problem] for line, problem in spoiled.items()}
    assert set(spoiled.values()) >= {
        Problem.MISSING_EMAIL,
        Problem.INVALID_EMAIL,
        Problem.UNKNOWN_CITY,
        Problem.UNKNOWN_HELIX_ROLE,
        Problem.UNKNOWN_ORGANISATION,
        Problem.DUPLICATE_IN_FILE,
    }
    assert len(preview.valid_rows) == 194


def test_sample_is_deterministic_and_keeps_chinese():
    first, _ = sample_participants_csv(ORGANISATIONS, n=30, seed=1)
    second, spoiled = sample_participants_csv(ORGANISATIONS, n=30, seed=1)
    assert first == second
    assert spoiled == {}
    names = [row.values["name_zh"] for row in parse(first, lookups()).rows]
    assert any(name and len(name) >= 2 for name in names)


def test_sample_emails_are_ascii_and_roles_match_the_organisation():
    from participants.csv_sample import ascii_local_part, sample_rows

    assert ascii_local_part("François.Sánchez") == "francois.sanchez"
    assert ascii_local_part("Lü.Wei") == "lv.wei"
    council = SampleOrganisation("Barcelona City Council", BARCELONA, "government")
    rows, _spoiled = sample_rows([council], n=40)
    assert {row["helix_role"] for row in rows} <= {"", "government", "Government", "政府"}
    assert all(row["email"].isascii() for row in rows)
