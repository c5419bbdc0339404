"""``helix sample-csv`` writes an importable file with a few bad rows."""

from pathlib import Path

from flask.testing import FlaskCliRunner

from participants.csv_preview import preview


def test_sample_csv_from_the_demo(runner: FlaskCliRunner, demo, tmp_path: Path) -> None:
    target = tmp_path / "people.csv"
    result = runner.invoke(args=["helix", "sample-csv", str(target)])
    assert result.exit_code == 0, result.output
    assert "Wrote 200 rows" in result.output
    checked = preview("participants", target.read_bytes())
    assert len(checked.rows) == 200
    assert len(checked.invalid_rows) == 6


def test_sample_csv_needs_organisations(runner: FlaskCliRunner, tmp_path: Path) -> None:
    result = runner.invoke(args=["helix", "sample-csv", str(tmp_path / "x.csv")])
    assert result.exit_code != 0
    assert "helix load-demo" in result.output
