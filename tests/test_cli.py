"""The terminal face: every command in every format, its JSON contract, and clean errors with exit code 2."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner

from musclemap.cli import cli

SCHEMAS = Path(__file__).resolve().parents[1] / "docs" / "schemas"


def run(*args: str) -> Any:
    return CliRunner().invoke(cli, list(args))


def run_json(schema: str, *args: str) -> Any:
    result = run(*args, "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    jsonschema.validate(data, json.loads((SCHEMAS / f"{schema}.schema.json").read_text()))
    return data


def test_show_leg_press_json_keeps_the_contract() -> None:
    data = run_json("show", "show", "leg press")
    assert data["exercise"]["id"] == "leg_press"
    assert data["exercise"]["variants"]["foot_placement"] == ["high", "middle", "low"]
    assert data["exercise"]["variant"] == {"foot_placement": "middle", "stance": "hip"}
    assert data["muscles"][0]["role"] == "target"
    assert {m["id"] for m in data["muscles"]} >= {"vastus_lateralis", "gluteus_maximus", "soleus"}


def test_show_echoes_the_chosen_variant_and_format_json_equals_json_flag() -> None:
    a = run_json("show", "show", "leg press", "--variant", "foot_placement=high")
    assert a["exercise"]["variant"]["foot_placement"] == "high"
    b = json.loads(run("show", "leg press", "--format", "json", "--variant", "foot_placement=high").stdout)
    assert a == b


def test_show_text_groups_muscles_with_bars_and_why() -> None:
    result = run("show", "leg press")
    assert result.exit_code == 0
    out = result.stdout
    assert "What muscles does the leg press work?" in out
    assert out.index("Quadriceps") < out.index("Hamstrings")
    assert "Vastus lateralis" in out and "█" in out and "%" in out
    assert "dynamic stabilizer" in out
    assert "Straightens the knee against the sled" in out


@pytest.mark.parametrize(("name", "kind", "expected"), [
    ("gluteus_maximus", "muscle", "gluteus_maximus"),
    ("glute max", "muscle", "gluteus_maximus"),
    ("quadriceps", "group", "quadriceps"),
    ("quads", "group", "quadriceps"),
])
def test_muscle_json(name: str, kind: str, expected: str) -> None:
    data = run_json("muscle", "muscle", name)
    assert (data["kind"], data["id"]) == (kind, expected)
    if kind == "group":
        assert {m["id"] for m in data["members"]} >= {"rectus_femoris", "vastus_lateralis"}
    else:
        assert data["actions"] and data["sources"]


def test_muscle_text_shows_anatomy_and_top_exercises() -> None:
    out = run("muscle", "soleus").stdout
    assert "Soleus" in out and "ankle plantarflexion" in out and "Exercises that work it hardest" in out


def test_exercises_ranked_with_filters() -> None:
    data = run_json("exercises", "exercises", "--muscle", "quads", "--equipment", "machine", "--role", "target",
                    "--limit", "3")
    rows = data["exercises"]
    assert 0 < len(rows) <= 3
    assert [r["involvement"] for r in rows] == sorted((r["involvement"] for r in rows), reverse=True)
    assert all("machine" in r["equipment"] and r["role"] == "target" for r in rows)


def test_list_json_has_every_exercise() -> None:
    data = run_json("list", "list")
    ids = [e["id"] for e in data["exercises"]]
    assert "leg_press" in ids and len(ids) == len(set(ids))


@pytest.mark.parametrize(("text", "match"), [("Leg Press (Machine)", "leg_press"), ("zzqx wobble", None)])
def test_resolve_json(text: str, match: str | None) -> None:
    data = run_json("resolve", "resolve", text)
    assert (data["match"] or {}).get("id") == match


@pytest.mark.parametrize("args", [["show", "leg press"], ["muscle", "soleus"], ["muscle", "calves"], ["exercises"],
                                  ["list"], ["resolve", "squat"]])
def test_every_command_takes_format_text(args: list[str]) -> None:
    result = run(*args, "--format", "text")
    assert result.exit_code == 0, result.output
    assert result.stdout.strip()


@pytest.mark.parametrize(("args", "message"), [
    (["show", "zzqx wobble thing"], "unknown exercise"),
    (["show", "leg pess machine thing"], "did you mean"),
    (["muscle", "zzqx wobble"], "unknown muscle"),
    (["show", "leg press", "--variant", "foot_placement=sideways"], "high, middle, low"),
    (["show", "leg press", "--variant", "grip=wide"], "foot_placement, stance"),
    (["show", "leg press", "--variant", "nonsense"], "KEY=VALUE"),
    (["exercises", "--equipment", "spaceship"], "unknown equipment"),
    (["exercises", "--role", "boss"], "unknown role"),
    (["exercises", "--limit", "0"], "0"),
    (["show"], "Missing argument"),
    (["show", "leg press", "--format", "yaml"], "yaml"),
])
def test_bad_input_exits_2_with_a_message_and_no_traceback(args: list[str], message: str) -> None:
    result = run(*args)
    assert result.exit_code == 2, result.output
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


def test_a_clear_typo_is_taken_and_said_on_stderr() -> None:
    result = run("show", "leg pres", "--json")
    assert result.exit_code == 0
    assert "taking 'leg pres' as 'Leg press'" in result.stderr
    assert json.loads(result.stdout)["exercise"]["id"] == "leg_press"


def test_show_applies_the_variant_a_name_chooses_unless_overridden() -> None:
    a = run_json("show", "show", "wide grip bench press")
    assert a["exercise"]["variant"]["grip"] == "wide"
    b = run_json("show", "show", "wide grip bench press", "--variant", "grip=narrow")
    assert b["exercise"]["variant"]["grip"] == "narrow"
    r = run_json("resolve", "resolve", "wide grip bench press")
    assert r["variant"] == {"grip": "wide"}


@pytest.mark.parametrize(("name", "basis", "at_kg", "one_rm"), [
    ("leg press", "computed", None, True),  # the engine's answer: moments at 75 % of its 1RM
    ("back squat", "curated", 75.0, False),  # a statics description: moments at its stated load, no 1RM
    ("lat pulldown", "curated", None, False),  # neither: no moments
])
def test_show_json_says_where_the_joint_moments_come_from(name: str, basis: str, at_kg: float | None,
                                                          one_rm: bool) -> None:
    data = run_json("show", "show", name)
    assert data["involvement_basis"] == basis
    assert (data["one_rm_kg"] is not None) is one_rm
    if at_kg is not None:
        assert data["moments_at_kg"] == at_kg
    assert bool(data["joint_moments"]) is (data["moments_at_kg"] is not None)
    text = run("show", name).output
    assert ("net joint moments from statics" in text) is (basis == "curated" and at_kg is not None)
