"""`ask`: plain-English questions, read by a table of question shapes (no language model)."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from musclemap.ask import ask, similarity, substitutes
from musclemap.cli import cli
from musclemap.errors import BadQuery, NotFound
from musclemap.kb import KnowledgeBase

ROOT = Path(__file__).resolve().parents[1]


def _what(kb: KnowledgeBase, question: str) -> tuple[str, str]:
    a = ask(kb, question)
    got = {
        "exercise": lambda: a.exercise.exercise.id,  # type: ignore[union-attr]
        "muscle": lambda: a.muscle.muscle.id,  # type: ignore[union-attr]
        "group": lambda: a.group.group.id,  # type: ignore[union-attr]
        "compare": lambda: f"{a.compare.first.exercise.id}|{a.compare.second.exercise.id}",  # type: ignore[union-attr]
        "substitutes": lambda: a.substitutes.exercise.exercise.id,  # type: ignore[union-attr]
        "exercises": lambda: a.exercises_title,
    }[a.intent]()
    return a.intent, got


PHRASINGS = [
    # an exercise's muscles
    ("what muscles does the leg press work?", "exercise", "leg_press"),
    ("What muscles does leg press work", "exercise", "leg_press"),
    ("which muscles do squats work?", "exercise", "back_squat"),
    ("what muscles are worked by the deadlift?", "exercise", "conventional_deadlift"),
    ("what muscles are used in a pull-up", "exercise", "pull_up"),
    ("which muscle groups does the bench press train?", "exercise", "bench_press"),
    ("what does the hip thrust work?", "exercise", "hip_thrust"),
    ("what does a lateral raise target", "exercise", "lateral_raise"),
    ("muscles worked in the romanian deadlift", "exercise", "romanian_deadlift"),
    ("bulgarian split squat muscles worked", "exercise", "bulgarian_split_squat"),
    ("what muscles get worked by face pulls?", "exercise", "face_pull"),
    ("what muscles for the seated calf raise", "exercise", "seated_calf_raise"),
    ("How hard does the leg extension work the quads?", "exercise", "leg_extension"),
    ("what muscles does Incline Bench Press (Dumbbell) work?", "exercise", "incline_dumbbell_press"),
    ("what muscles does the DB RDL work", "exercise", "romanian_deadlift"),
    ("which muscles does the paused dumbbell bench press hit?", "exercise", "paused_dumbbell_bench_press"),
    ("what muscles does the hamer curl work", "exercise", "hammer_curl"),
    ("hey, what muscles does the plank use?", "exercise", "plank"),
    # exercises for a muscle or group
    ("which exercises work the hamstrings with dumbbells?", "exercises", "Exercises that target the Hamstrings with dumbbell"),
    ("what exercises work the glutes?", "exercises", "Exercises that target the Gluteals"),
    ("which exercises target the rear delts", "exercises", "Exercises that target the Deltoid, posterior part"),
    ("best exercises for biceps", "exercises", "Exercises that target the Biceps"),
    ("what is the best exercise for the lats?", "exercises", "Exercises that target the Latissimus dorsi"),
    ("what are good exercises for calves", "exercises", "Exercises that target the Calves"),
    ("exercises for the quads with a barbell", "exercises", "Exercises that target the Quadriceps with barbell"),
    ("how do I train my triceps", "exercises", "Exercises that target the Triceps"),
    ("how can I build my chest with a machine?", "exercises", "Exercises that target the Chest with machine"),
    ("what exercises are good for the obliques", "exercises", "Exercises that target the Obliques"),
    ("which dumbbell exercises work the chest", "exercises", "Exercises that target the Chest with dumbbell"),
    ("kettlebell exercises for glutes", "exercises", "Exercises that target the Gluteals with kettlebell"),
    ("exercises to strengthen the soleus", "exercises", "Exercises that target the Soleus"),
    ("which exercises work the abs using bodyweight", "exercises", "Exercises that target the Abdominals with body weight"),
    ("what exercises hit the traps with cables?", "exercises", "Exercises that target the Trapezius with cable"),
    # a muscle or group
    ("what does the soleus do?", "muscle", "soleus"),
    ("what does the gluteus medius do", "muscle", "gluteus_medius"),
    ("what is the vastus lateralis?", "muscle", "vastus_lateralis"),
    ("where is the rectus femoris", "muscle", "rectus_femoris"),
    ("tell me about the brachialis", "muscle", "brachialis"),
    ("what is the serratus anterior for?", "muscle", "serratus_anterior"),
    ("what are the hamstrings", "group", "hamstrings"),
    ("describe the rotator cuff", "group", "rotator_cuff"),
    ("what do the quads do?", "group", "quadriceps"),
    ("what is the tibialis anterior's function", "muscle", "tibialis_anterior"),
    # comparisons
    ("leg press vs squat", "compare", "leg_press|back_squat"),
    ("Leg press versus hack squat?", "compare", "leg_press|hack_squat"),
    ("compare the deadlift and the romanian deadlift", "compare", "conventional_deadlift|romanian_deadlift"),
    ("bench press or dumbbell bench press for chest?", "compare", "bench_press|dumbbell_bench_press"),
    ("what is the difference between a chin-up and a pull-up", "compare", "chin_up|pull_up"),
    ("hip thrust compared to glute bridge", "compare", "hip_thrust|glute_bridge"),
    # substitutes
    ("what can I do instead of the hack squat?", "substitutes", "hack_squat"),
    ("alternatives to the bench press", "substitutes", "bench_press"),
    ("substitute for lat pulldown", "substitutes", "lat_pulldown"),
    ("what's a good replacement for barbell rows", "substitutes", "barbell_row"),
    ("how can I replace the leg extension", "substitutes", "leg_extension"),
    ("instead of the nordic curl", "substitutes", "nordic_curl"),
]


@pytest.mark.parametrize(("question", "intent", "expected"), PHRASINGS, ids=[p[0] for p in PHRASINGS])
def test_a_phrasing_is_read_as_its_question(kb: KnowledgeBase, question: str, intent: str, expected: str) -> None:
    assert _what(kb, question) == (intent, expected)


def test_there_are_at_least_50_phrasings() -> None:
    assert len(PHRASINGS) >= 50


@pytest.mark.parametrize("question", ["", "how do I fly to the moon", "tell", "12345", "why?"])
def test_an_unreadable_question_gets_examples(kb: KnowledgeBase, question: str) -> None:
    with pytest.raises((BadQuery, NotFound)):
        ask(kb, question)


def test_an_unreadable_question_exits_2_with_examples_and_no_traceback() -> None:
    result = CliRunner().invoke(cli, ["ask", "how do I fly to the moon"])
    assert result.exit_code == 2
    assert "what muscles does the leg press work?" in result.output
    assert "Traceback" not in result.output


def test_ask_json_follows_its_schema() -> None:
    schema = json.loads((ROOT / "docs" / "schemas" / "ask.schema.json").read_text(encoding="utf-8"))
    for question in ("what muscles does the leg press work?", "leg press vs squat", "what does the soleus do?",
                     "substitute for lat pulldown", "best exercises for biceps"):
        result = CliRunner().invoke(cli, ["ask", question, "--json"])
        assert result.exit_code == 0, result.output
        jsonschema.validate(json.loads(result.output), schema)


def test_substitutes_leave_out_the_exercises_own_variations(kb: KnowledgeBase) -> None:
    ranked = substitutes(kb, "hack_squat")
    assert ranked and all(ex.anchor != "hack_squat" and ex.family != "machine_squat" for ex, _s in ranked)
    assert all(not any(axis == "technique" for axis, _v, _n in ex.modifiers) for ex, _s in ranked)
    assert [s for _e, s in ranked] == sorted((s for _e, s in ranked), reverse=True)


@pytest.mark.parametrize(("a", "b", "expected"), [
    ({"x": 1.0}, {"x": 0.5}, 1.0),
    ({"x": 1.0}, {"y": 1.0}, 0.0),
    ({"x": 1.0, "y": 1.0}, {"x": 1.0}, 2 ** -0.5),
    ({}, {"x": 1.0}, 0.0),
])
def test_similarity_is_the_cosine_of_involvement(a: dict[str, float], b: dict[str, float], expected: float) -> None:
    assert similarity(a, b) == pytest.approx(expected)


def test_compare_sets_the_joint_moments_side_by_side_with_their_loads() -> None:
    result = CliRunner().invoke(cli, ["ask", "leg press vs back squat", "--json"])
    assert result.exit_code == 0, result.output
    answer = json.loads(result.output)["answer"]
    press_load, squat_load = answer["moments_at_kg"]
    assert press_load > 100 and squat_load == 75.0  # 75 % of the press's 1RM; the squat's stated bar
    rows = {r["joint"]: r for r in answer["joint_moments"]}
    assert rows["knee"]["direction"] == ["extension", "extension"]
    assert rows["lumbar_spine"]["peak_nm"][0] is None and rows["lumbar_spine"]["peak_nm"][1] > 0
    text = CliRunner().invoke(cli, ["ask", "leg press vs back squat"]).output
    assert "Net joint moments" in text and "75 kg" in text


def test_compare_without_moments_has_no_moment_table() -> None:
    text = CliRunner().invoke(cli, ["ask", "lat pulldown vs seated cable row"]).output
    assert "Net joint moments" not in text
