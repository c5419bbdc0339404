"""CSV import: decoding, header mapping and per-row errors."""

from organisations.helix_roles import HelixRole
from participants.csv_common import MAX_BYTES, MAX_ROWS, Problem, RowError, decode
from participants.csv_import import (
    CityRef,
    Lookups,
    OrganisationRef,
    lookup_key,
    parse_organisations,
    parse_participants,
)

BARCELONA = CityRef(1, "Europe/Madrid", "eu")
CHENGDU = CityRef(2, "Asia/Shanghai", "china")
CITY_COUNCIL = OrganisationRef(10, HelixRole.GOVERNMENT, 1)
UESTC = OrganisationRef(11, HelixRole.ACADEMIA, 2)


def lookups(emails=()):
    cities = {}
    for names, ref in (
        (("barcelona", "Barcelona", "巴塞罗那"), BARCELONA),
        (("chengdu", "Chengdu", "成都"), CHENGDU),
    ):
        cities.update({lookup_key(name): ref for name in names})
    organisations = {
        lookup_key("Barcelona City Council"): CITY_COUNCIL,
        lookup_key("barcelona-city-council"): CITY_COUNCIL,
        lookup_key("电子科技大学"): UESTC,
        lookup_key("UESTC"): UESTC,
    }
    return Lookups(cities, organisations, set(emails))


def problems(row):
    return [error.problem for error in row.errors]


def csv_bytes(text, bom=False):
    return (("\ufeff" if bom else "") + text).encode("utf-8")


def test_valid_rows_with_bom_keep_chinese_and_defaults():
    data = csv_bytes(
        "Name,Chinese name,E-mail,Organisation,Position,Helix role,City,Language,Time zone\n"
        "Marta Puig,,marta.puig@bcn.cat,Barcelona City Council,Director,,,,\n"
        "Zhang Wei,张伟,Zhang.Wei@UESTC.edu.cn,电子科技大学,教授,,,中文,\n",
        bom=True,
    )
    preview = parse_participants(data, lookups())
    assert preview.file_errors == []
    assert preview.columns[:3] == ["name", "name_zh", "email"]
    assert [row.line for row in preview.rows] == [2, 3]
    marta, zhang = preview.valid_rows
    assert marta.values["helix_role"] is HelixRole.GOVERNMENT
    assert marta.values["city_id"] == 1
    assert marta.values["organisation_id"] == 10
    assert marta.values["language"] == "en"
    assert zhang.values["name_zh"] == "张伟"
    assert zhang.values["email"] == "Zhang.Wei@uestc.edu.cn"
    assert zhang.values["helix_role"] is HelixRole.ACADEMIA
    assert zhang.values["language"] == "zh"
    assert zhang.values["position"] == "教授"


def test_without_bom_and_with_semicolons():
    data = csv_bytes("email;name;city;helix_role\r\na@example.org;Anna;Chengdu;industry\r\n")
    preview = parse_participants(data, lookups())
    (row,) = preview.valid_rows
    assert row.values["city_id"] == 2
    assert row.values["timezone"] == "Asia/Shanghai"
    assert row.values["language"] == "zh"
    assert row.values["helix_role"] is HelixRole.INDUSTRY


def test_every_error_of_every_row_is_listed():
    data = csv_bytes(
        "name,email,organisation,helix_role,city,language,timezone\n"
        ",,Nowhere Inc,astrology,Atlantis,klingon,Mars/Base\n"
        "Bob,bob@@example,,industry,,,\n"
        "Carl,carl@example.org,,industry,,,\n"
        "Carl again,CARL@example.org,,industry,,,\n"
        "Dora,dora@example.org,,industry,,,\n"
        "Eve,eve@example.org,,,,,\n"
    )
    preview = parse_participants(data, lookups(emails={"dora@example.org"}))
    first, bob, carl, carl2, dora, eve = preview.rows
    assert problems(first) == [
        Problem.MISSING_NAME,
        Problem.MISSING_EMAIL,
        Problem.UNKNOWN_ORGANISATION,
        Problem.UNKNOWN_HELIX_ROLE,
        Problem.UNKNOWN_CITY,
        Problem.UNKNOWN_LANGUAGE,
        Problem.UNKNOWN_TIMEZONE,
    ]
    assert first.errors[2].params == {"value": "Nowhere Inc"}
    assert problems(bob) == [Problem.INVALID_EMAIL]
    assert carl.ok
    assert problems(carl2) == [Problem.DUPLICATE_IN_FILE]
    assert carl2.errors[0].params == {"line": 4}
    assert problems(dora) == [Problem.ALREADY_EXISTS]
    assert problems(eve) == [Problem.MISSING_HELIX_ROLE]
    assert preview.valid_rows == [carl]
    assert len(preview.invalid_rows) == 5


def test_gbk_and_utf16_files_are_read_like_utf8():
    text = "email,name,organisation\r\nzhang.wei@uestc.edu.cn,张伟,电子科技大学\r\n"
    for data in (text.encode("gbk"), text.encode("gb18030"), text.encode("utf-16"),
                 text.encode("utf-16-le"), ("\ufeff" + text).encode("utf-8")):
        preview = parse_participants(data, lookups())
        assert preview.file_errors == [], data[:8]
        assert preview.valid_rows[0].values["name"] == "张伟"
        assert preview.valid_rows[0].values["organisation_id"] == UESTC.id


def test_decode_refuses_what_is_not_text():
    assert decode("名字".encode("gb18030")) == "名字"
    assert decode(b"\xff\xfe") == RowError(Problem.EMPTY_FILE)
    assert decode(b" \r\n ") == RowError(Problem.EMPTY_FILE)
    assert decode(b"\x00\x01\x02\x03" * 50) == RowError(Problem.NOT_TEXT)
    assert decode(b"\xff" * 10) == RowError(Problem.NOT_TEXT)
    assert decode(b"a" * (MAX_BYTES + 1)) == RowError(Problem.TOO_LARGE,
                                                     params={"limit": MAX_BYTES})


def test_blank_lines_are_skipped_but_line_numbers_stay_true():
    data = csv_bytes('email,name,role\n\n"x@example.org","Multi\nline",ngo\ny@example.org,Y,ngo\n')
    preview = parse_participants(data, lookups())
    assert [row.line for row in preview.rows] == [3, 5]
    assert preview.rows[0].values["name"] == "Multi\nline"


def test_file_level_errors():
    assert parse_participants(b"", lookups()).file_errors[0].problem is Problem.EMPTY_FILE
    binary = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20
    assert parse_participants(binary, lookups()).file_errors[0].problem is Problem.NOT_TEXT
    missing = parse_participants(b"name,city\nA,Chengdu\n", lookups())
    assert [(e.problem, e.column) for e in missing.file_errors] == [
        (Problem.MISSING_COLUMN, "email")
    ]
    assert missing.rows == [] and missing.valid_rows == []


def test_too_many_rows_and_extra_cells_and_unknown_columns():
    body = "".join(f"p{i}@example.org,media\n" for i in range(MAX_ROWS + 1))
    big = parse_participants(csv_bytes("email,role\n" + body), lookups())
    assert big.file_errors[0].problem is Problem.TOO_MANY_ROWS
    extra = parse_participants(
        csv_bytes("email,name,shoe size,role\na@b.org,A,42,media,oops\n"), lookups()
    )
    assert extra.unknown_columns == ["shoe size"]
    assert problems(extra.rows[0]) == [Problem.EXTRA_CELLS]


def test_too_long_values_and_formula_guard():
    data = csv_bytes(f"email,name,position,role\na@example.org,{'x' * 161},'=cmd,gov\n")
    (row,) = parse_participants(data, lookups()).rows
    assert problems(row) == [Problem.TOO_LONG]
    assert row.values["position"] == "=cmd"


def test_organisations_import():
    data = csv_bytes(
        "name_en,name_zh,city,helix_role\n"
        "Tuscia University,图西亚大学,,academia\n"
        "Yantai University,烟台大学,Atlantis,学术界\n"
        "tuscia university,,,academia\n"
        "UESTC,,,academia\n"
        ",,,\n"
        ",某公司,,\n"
        "Rome Chamber,,,guild\n",
        bom=True,
    )
    preview = parse_organisations(data, lookups())
    rows = preview.rows
    assert rows[0].ok and rows[0].values["name_zh"] == "图西亚大学"
    assert rows[0].values["helix_role"] is HelixRole.ACADEMIA
    assert problems(rows[1]) == [Problem.UNKNOWN_CITY]
    assert problems(rows[2]) == [Problem.DUPLICATE_IN_FILE]
    assert problems(rows[3]) == [Problem.ALREADY_EXISTS]
    assert problems(rows[4]) == [Problem.MISSING_HELIX_ROLE]
    assert rows[4].values["name_en"] == "某公司"
    assert problems(rows[5]) == [Problem.UNKNOWN_HELIX_ROLE]
    assert len(rows) == 6


def test_a_cell_over_the_csv_limit_is_a_row_error_not_a_crash() -> None:
    from participants.csv_common import Problem, read_table
    data = ("name,email\nAda,ada@example.org\n" + "x" * 131_073 + ",b@example.org\n"
            "Bo,bo@example.org\n").encode()
    table = read_table(data, {"name": "name", "email": "email"}, ("name", "email"))
    assert [e.problem for e in table.errors] == [Problem.TOO_LONG]
    assert [r["name"] for _, r in table.records] == ["Ada", "Bo"]
