"""The open-data export: JSON that loads again with the same answers, CSV tables, the licence, and `stats`."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from musclemap.cli import cli
from musclemap.errors import DataError
from musclemap.export import JSON_FILE, export_files, load_export
from musclemap.kb import KnowledgeBase
from musclemap.query import catalogue_stats, exercise_answer

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def exported(kb: KnowledgeBase) -> dict[str, str]:
    return export_files(kb, "json")


def test_json_export_round_trips_to_the_same_answers(kb: KnowledgeBase, exported: dict[str, str]) -> None:
    again = load_export(exported[JSON_FILE])
    assert sorted(again.exercises) == sorted(kb.exercises)
    for ex_id in kb.exercises:
        assert exercise_answer(again, ex_id) == exercise_answer(kb, ex_id)
    variant = {"foot_placement": "high"}
    assert exercise_answer(again, "leg_press", variant) == exercise_answer(kb, "leg_press", variant)


def test_json_export_follows_its_schema_and_carries_the_licence(exported: dict[str, str]) -> None:
    doc = json.loads(exported[JSON_FILE])
    schema = json.loads((ROOT / "docs" / "schemas" / "export.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(doc, schema)
    assert doc["licence"]["name"] == "CC BY 4.0"
    assert "CC BY 4.0" in exported["LICENSE.txt"]


def test_csv_export_rows_match_the_answers(kb: KnowledgeBase) -> None:
    files = export_files(kb, "csv")
    assert set(files) == {"muscles.csv", "groups.csv", "exercises.csv", "involvement.csv", "sources.csv",
                          "LICENSE.txt"}
    exercises = list(csv.DictReader(io.StringIO(files["exercises.csv"])))
    assert len(exercises) == len(kb.exercises)
    rows = [r for r in csv.DictReader(io.StringIO(files["involvement.csv"])) if r["exercise"] == "leg_press"]
    expected = exercise_answer(kb, "leg_press").muscles
    assert [(r["muscle"], r["role"], float(r["involvement"])) for r in rows] == [
        (w.muscle.id, w.role, w.involvement) for w in expected]


@pytest.mark.parametrize(("text", "message"), [
    ("{not json", "not valid JSON"),
    ('{"schema_version": "0.1"}', "not a musclemap export"),
    ('{"schema_version": "1.0", "sources": {}}', "missing or not a mapping"),
])
def test_a_broken_export_is_a_data_error(text: str, message: str) -> None:
    with pytest.raises(DataError, match=message):
        load_export(text)


def test_export_command_writes_every_file_into_the_folder(tmp_path: Path) -> None:
    out = tmp_path / "open-data"
    result = CliRunner().invoke(cli, ["export", "--format", "csv", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == sorted(
        ["muscles.csv", "groups.csv", "exercises.csv", "involvement.csv", "sources.csv", "LICENSE.txt"])


def test_csv_export_without_a_folder_is_refused_with_exit_code_2() -> None:
    result = CliRunner().invoke(cli, ["export", "--format", "csv"])
    assert result.exit_code == 2
    assert "-o DIR" in result.output


def test_export_into_a_file_path_is_refused_with_exit_code_2(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("keep me", encoding="utf-8")
    result = CliRunner().invoke(cli, ["export", "-o", str(blocker / "sub")])
    assert result.exit_code == 2
    assert blocker.read_text(encoding="utf-8") == "keep me"


def test_stats_shows_no_exercise_without_a_target_and_follows_its_schema(kb: KnowledgeBase) -> None:
    st = catalogue_stats(kb)
    assert st.without_target == ()
    assert st.total == len(kb.exercises) == len(st.computed) + len(st.curated)
    assert "leg_press" in st.computed and "plank" in st.curated
    result = CliRunner().invoke(cli, ["stats", "--json"])
    assert result.exit_code == 0
    schema = json.loads((ROOT / "docs" / "schemas" / "stats.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(json.loads(result.output), schema)
