"""CSV export and the round trip through the importer."""

from participants.csv_export import attendance_csv, guard_cell, participants_csv
from participants.csv_import import Lookups, parse_participants


def test_export_has_bom_crlf_and_chinese():
    data = participants_csv([{"name": "Zhang Wei", "name_zh": "张伟", "email": "z@example.cn"}])
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    lines = text.split("\r\n")
    assert lines[0] == "name,name_zh,email,organisation,position,helix_role,city,language,timezone"
    assert lines[1] == "Zhang Wei,张伟,z@example.cn,,,,,,"


def test_formula_cells_are_guarded_and_round_trip():
    assert guard_cell("=HYPERLINK(1)") == "'=HYPERLINK(1)"
    assert guard_cell("+86 10") == "'+86 10"
    assert guard_cell(None) == ""
    assert guard_cell(3) == "3"
    data = participants_csv(
        [{"name": "-Dash", "email": "d@example.org", "position": "@boss", "helix_role": "industry"}]
    )
    (row,) = parse_participants(data, Lookups()).rows
    assert row.ok
    assert row.values["name"] == "-Dash"
    assert row.values["position"] == "@boss"


def test_attendance_has_status_and_minutes_columns():
    data = attendance_csv([{"name": "A", "email": "a@example.org", "status": "attended",
                            "minutes": 59}, {"name": "B", "status": "invited"}])
    header, first, second = data.decode("utf-8-sig").split("\r\n")[:3]
    assert header.endswith(",status,minutes")
    assert first.endswith(",attended,59") and second.endswith(",invited,")
