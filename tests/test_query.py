"""Questions over the knowledge base: an exercise's muscles by role, variants, rankings, details."""

from __future__ import annotations

import pytest

from musclemap.errors import BadQuery, BadVariant
from musclemap.kb import KnowledgeBase
from musclemap.query import exercise_answer, exercises_for, group_info, muscle_info, parse_variant_pairs


def inv(kb: KnowledgeBase, exercise: str, muscle: str, **variant: str) -> float:
    """A muscle's involvement; 0 where the answer leaves it out (the engine finds it idle)."""
    ans = exercise_answer(kb, exercise, variant)
    return next((w.involvement for w in ans.muscles if w.muscle.id == muscle), 0.0)


def role(kb: KnowledgeBase, exercise: str, muscle: str) -> str:
    return next(w.role for w in exercise_answer(kb, exercise).muscles if w.muscle.id == muscle)


def test_answer_lists_muscles_most_involved_first_and_groups_each_once(kb: KnowledgeBase) -> None:
    ans = exercise_answer(kb, "leg_press")
    values = [w.involvement for w in ans.muscles]
    assert values == sorted(values, reverse=True)
    grouped = [w.muscle.id for g in ans.groups for w in g.muscles]
    assert sorted(grouped) == sorted(w.muscle.id for w in ans.muscles)
    assert ans.groups[0].group.id == "quadriceps"


def test_default_variant_is_filled_in(kb: KnowledgeBase) -> None:
    ans = exercise_answer(kb, "leg_press")
    assert {c.key: c.value for c in ans.variant} == {"foot_placement": "middle", "stance": "hip"}


@pytest.mark.parametrize(("variant", "muscle", "direction"), [
    ({"foot_placement": "high"}, "gluteus_maximus", +1),
    ({"foot_placement": "high"}, "vastus_lateralis", -1),
    ({"foot_placement": "high"}, "rectus_femoris", -1),
    ({"foot_placement": "low"}, "vastus_lateralis", +1),
    ({"foot_placement": "low"}, "rectus_femoris", +1),
    ({"foot_placement": "low"}, "gastrocnemius_medial_head", +1),
    ({"foot_placement": "low"}, "soleus", +1),
    ({"foot_placement": "low"}, "gluteus_maximus", -1),
    ({"stance": "wide"}, "adductor_longus", +1),
    ({"stance": "wide"}, "adductor_magnus", +1),
])
def test_leg_press_variants_shift_work_as_the_studies_report(
    kb: KnowledgeBase, variant: dict[str, str], muscle: str, direction: int
) -> None:
    base = inv(kb, "leg_press", muscle)
    changed = inv(kb, "leg_press", muscle, **variant)
    assert (changed - base) * direction > 0


@pytest.mark.parametrize(("pairs", "message"), [
    (["foot_placement=sideways"], "high, middle, low"),
    (["grip=wide"], "foot_placement, stance"),
])
def test_bad_variant_names_what_is_allowed(kb: KnowledgeBase, pairs: list[str], message: str) -> None:
    with pytest.raises(BadVariant, match=message):
        exercise_answer(kb, "leg_press", parse_variant_pairs(pairs))


@pytest.mark.parametrize("pairs", [["foot_placement"], ["=high"], ["a=1", "a=2"]])
def test_malformed_variant_pairs(pairs: list[str]) -> None:
    with pytest.raises(BadVariant):
        parse_variant_pairs(pairs)


def test_variant_keys_and_values_are_case_and_dash_insensitive() -> None:
    assert parse_variant_pairs(["Foot-Placement=HIGH"]) == {"foot_placement": "high"}


def test_exercises_for_a_muscle_are_ranked_by_involvement(kb: KnowledgeBase) -> None:
    rows = exercises_for(kb, "gluteus_maximus")
    values = [r.involvement for r in rows]
    assert values == sorted(values, reverse=True)
    ids = [r.exercise.id for r in rows]
    assert ids.index("hip_thrust") < ids.index("back_squat")


def test_exercises_for_a_group_use_its_busiest_member(kb: KnowledgeBase) -> None:
    rows = exercises_for(kb, "hamstrings", limit=5)
    assert all(r.muscle.id in kb.groups["hamstrings"].members for r in rows)
    assert "leg_press" not in [r.exercise.id for r in rows]


def test_filters_equipment_role_and_limit(kb: KnowledgeBase) -> None:
    rows = exercises_for(kb, "quadriceps", equipment="dumbbell", roles=["target"], limit=3)
    assert 0 < len(rows) <= 3
    assert all("dumbbell" in r.exercise.equipment and r.role == "target" for r in rows)


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"equipment": "spaceship"}, "unknown equipment"),
    ({"roles": ["prime"]}, "unknown role"),
    ({"limit": 0}, "at least 1"),
])
def test_bad_filters_raise(kb: KnowledgeBase, kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(BadQuery, match=message):
        exercises_for(kb, "quadriceps", **kwargs)  # type: ignore[arg-type]


def test_muscle_and_group_details(kb: KnowledgeBase) -> None:
    info = muscle_info(kb, "vastus_lateralis", limit=3)
    assert [g.id for g in info.groups][0] == "quadriceps"
    assert len(info.top) == 3
    ginfo = group_info(kb, "quadriceps")
    assert {m.id for m in ginfo.members} == {"rectus_femoris", "vastus_lateralis", "vastus_medialis",
                                             "vastus_intermedius"}


def test_tiny_kb_variant_shift_is_clamped(tiny_kb: KnowledgeBase) -> None:
    assert inv(tiny_kb, "leg_extension", "vastus_lateralis", range="partial") == pytest.approx(0.7)


def test_rankings_fold_technique_variations_unless_asked(kb: KnowledgeBase) -> None:
    from musclemap.query import exercises_for

    folded = {r.exercise.id for r in exercises_for(kb, "hamstrings")}
    full = {r.exercise.id for r in exercises_for(kb, "hamstrings", variations=True)}
    assert "paused_dumbbell_romanian_deadlift" in full - folded
    assert "romanian_deadlift" in folded


@pytest.mark.parametrize(("text", "expected"), [
    ("dumbbell", "dumbbell"), ("Dumbbells", "dumbbell"), ("DB", "dumbbell"), ("smith machine", "smith_machine"),
    ("smith_machine", "smith_machine"), ("EZ-bar", "ez_bar"), ("body weight", "body_weight"), ("bands", "band"),
    ("hex bar", "trap_bar"),
])
def test_equipment_words_name_their_ids(text: str, expected: str) -> None:
    from musclemap.query import equipment_id

    assert equipment_id(text) == expected


def test_unknown_equipment_is_a_bad_query() -> None:
    from musclemap.query import equipment_id

    with pytest.raises(BadQuery, match="unknown equipment 'spoon'"):
        equipment_id("spoon")
