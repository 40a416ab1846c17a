"""Names to ids: normalisation, exact lookup, fuzzy matching and suggestions."""

from __future__ import annotations

import pytest

from musclemap.errors import UnknownExercise, UnknownMuscle
from musclemap.kb import KnowledgeBase
from musclemap.resolve import name_key, require_exercise, require_muscle, resolve_exercise, resolve_muscle, singular


@pytest.mark.parametrize(("word", "expected"), [
    ("presses", "press"), ("press", "press"), ("squats", "squat"), ("raises", "raise"), ("crunches", "crunch"),
    ("flyes", "fly"), ("flies", "fly"), ("calves", "calf"), ("gluteus", "gluteus"), ("abdominis", "abdominis"),
    ("lats", "lat"), ("abs", "ab"), ("ups", "up"), ("deadlifts", "deadlift"), ("pushups", "pushup"), ("biceps", "bicep"),
])
def test_singular_folds_plurals(word: str, expected: str) -> None:
    assert singular(word) == expected


@pytest.mark.parametrize("text", ["Leg press", "leg presses", "LEG-PRESS", "press, leg", "Leg Press (Machine)",
                                  "the leg press", "leg   press!", "legpress", "Leg Presses"])
def test_leg_press_names_resolve_exactly(kb: KnowledgeBase, text: str) -> None:
    res = resolve_exercise(kb, text)
    assert (res.match, res.method, res.confidence) == ("leg_press", "exact", 1.0)


def test_word_order_is_ignored() -> None:
    assert name_key("Bench Press (Barbell)") == name_key("barbell bench press")


@pytest.mark.parametrize(("typo", "expected"), [
    ("leg pres", "leg_press"),
    ("leg prass", "leg_press"),
    ("horizantal leg press", "horizontal_leg_press"),
])
def test_clear_typos_resolve_fuzzily_with_lower_confidence(kb: KnowledgeBase, typo: str, expected: str) -> None:
    res = resolve_exercise(kb, typo)
    assert res.match == expected
    assert res.method == "fuzzy"
    assert 0.5 < res.confidence < 1.0


def test_gibberish_does_not_match_and_raises_with_no_wild_guess(kb: KnowledgeBase) -> None:
    res = resolve_exercise(kb, "zzqx wobble thing")
    assert res.match is None
    with pytest.raises(UnknownExercise):
        require_exercise(kb, "zzqx wobble thing")


def test_ambiguous_name_is_not_guessed_but_suggested(kb: KnowledgeBase) -> None:
    with pytest.raises(UnknownExercise) as info:
        require_exercise(kb, "chest fly")  # dumbbell, cable or machine
    assert info.value.suggestions


@pytest.mark.parametrize(("text", "kind", "expected"), [
    ("quads", "group", "quadriceps"),
    ("Quadriceps", "group", "quadriceps"),
    ("hamstrings", "group", "hamstrings"),
    ("glutes", "group", "gluteals"),
    ("calves", "group", "calves"),
    ("gluteus_maximus", "muscle", "gluteus_maximus"),
    ("Gluteus Maximus", "muscle", "gluteus_maximus"),
    ("VMO", "muscle", "vastus_medialis"),
    ("lats", "muscle", "latissimus_dorsi"),
    ("rear delt", "muscle", "deltoid_posterior"),
    ("soleus", "muscle", "soleus"),
])
def test_muscle_and_group_names(kb: KnowledgeBase, text: str, kind: str, expected: str) -> None:
    res = resolve_muscle(kb, text)
    assert (res.kind, res.match) == (kind, expected)


def test_unknown_muscle_suggests(kb: KnowledgeBase) -> None:
    with pytest.raises(UnknownMuscle) as info:
        require_muscle(kb, "hamstrung muscle group")
    assert "Hamstrings" in info.value.suggestions


@pytest.mark.parametrize(("text", "exercise", "variant"), [
    ("wide grip lat pulldown", "lat_pulldown", {"grip": "wide"}),
    ("Lat Pulldown - Underhand (Cable)", "lat_pulldown", {"grip": "underhand"}),
    ("EZ bar curl", "barbell_curl", {"bar": "ez_bar"}),
    ("single leg glute bridge", "glute_bridge", {"legs": "single"}),
    ("lat pulldown", "lat_pulldown", {}),
])
def test_a_variant_name_chooses_the_variant(kb: KnowledgeBase, text: str, exercise: str, variant: dict[str, str]) -> None:
    res = resolve_exercise(kb, text)
    assert (res.match, res.preset()) == (exercise, variant)


def test_a_typo_two_exercises_are_equally_close_to_is_asked_about(kb: KnowledgeBase) -> None:
    res = resolve_exercise(kb, "lag press")  # one letter from the leg press and from the log press
    assert res.match is None
    assert {"leg_press", "log_press"} <= {c.id for c in res.alternatives}


@pytest.mark.parametrize(("text", "expected"), [
    ("DB RDL", "romanian_deadlift"),
    ("BB OHP", "overhead_press"),
    ("Leg Press (Machine)", "leg_press"),
    ("Lat Pulldown (Cable)", "lat_pulldown"),
    ("Incline Bench Press (Dumbbell)", "incline_dumbbell_press"),
    ("Seated Cable Row - V Grip (Cable)", "seated_cable_row"),
    ("Flat Barbell Bench Press", "bench_press"),
    ("dumbell bicep curl", "dumbbell_curl"),
    ("Barbell Shoulder Press/Military Press", "overhead_press"),
    ("Triceps Pushdown (Cable - Straight Bar)", "triceps_pushdown"),
])
def test_app_style_names_abbreviations_and_typos_resolve(kb: KnowledgeBase, text: str, expected: str) -> None:
    assert resolve_exercise(kb, text).match == expected


@pytest.mark.parametrize(("text", "why"), [
    ("Decline Hammer Curl", "no decline hammer curl: a decline crunch or a hammer curl would be another movement"),
    ("Spider Hammer Curl", "no spider hammer curl: the spider curl and the hammer curl are other movements"),
    ("Planche Push Up", "an unknown word may be the very feature that makes it another exercise"),
    ("Curl", "several curls are equally close"),
    ("Row", "the barbell, cable and machine rows and the rowing machine"),
])
def test_names_that_could_mean_another_movement_are_not_guessed(kb: KnowledgeBase, text: str, why: str) -> None:
    assert resolve_exercise(kb, text).match is None, why


def test_direction_words_keep_their_order() -> None:
    assert name_key("high to low cable fly") != name_key("low to high cable fly")
