"""The catalogue generator: families crossed with modifiers, anchors, shifts, rules and names."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from conftest import tiny_data, write_kb
from musclemap.errors import DataError
from musclemap.kb import KnowledgeBase, load_yaml
from musclemap.query import catalogue_stats, exercise_answer
from musclemap.resolve import resolve_exercise

FAMILY: dict[str, Any] = {
    "family": "leg_extension",
    "name": "{technique} {equipment} {base}",
    "base": ["leg extension", "knee extension"],
    "anchors": {"leg_extension": {}},
    "setup": {
        "equipment": {
            "machine": {"names": ["machine", ""], "equipment": ["machine"]},
            "band": {"names": ["band", "banded"], "equipment": ["band"],
                     "shift": {"vastus_lateralis": -0.3}, "note": "Lighter at the bottom."},
            "cable": {"names": ["cable"], "equipment": ["cable"], "shift": {"vastus_lateralis": -0.1},
                      "sources": ["book2000"]},
        },
    },
    "techniques": {
        "single_leg": {"names": ["single-leg", "one-leg"], "same_mechanics": True, "note": "One leg at a time."},
        "paused": {"names": ["paused"], "requires": {"equipment": "machine"}, "note": "A pause at the top."},
        "hamstring": {"names": ["hamstring-assisted"], "note": "Brings the hamstring in.",
                      "adds": [{"muscle": "semitendinosus", "role": "stabilizer", "involvement": 0.2,
                                "why": "Steadies the knee."}]},
    },
    "excludes": [{"equipment": "band", "technique": "hamstring"}],
    "sources": ["book2000"],
}


UNVERIFIED = {"key": "unverified", "authors": "musclemap", "year": None, "title": "Estimate", "where": "here",
              "kind": "estimate", "verified": False}


def _kb(tmp_path: Path, family: dict[str, Any] | None = None, **changes: Any) -> KnowledgeBase:
    data = tiny_data()
    data["sources.yaml"].append(UNVERIFIED)
    fam = dict(family or FAMILY)
    fam.update(changes)
    data["catalogue/legs.yaml"] = [fam]
    return load_yaml(write_kb(tmp_path, data))


def test_every_allowed_point_beyond_the_anchor_becomes_an_exercise(tmp_path: Path) -> None:
    kb = _kb(tmp_path)
    made = sorted(ex.name for ex in kb.exercises.values() if ex.family == "leg_extension")
    # 3 equipment x (none + 3 techniques) = 12 points, less paused on band and cable (requires), less band +
    # hamstring (excludes), less the anchor itself
    assert made == sorted([
        "Band leg extension", "Cable leg extension", "Single-leg machine leg extension",
        "Single-leg band leg extension", "Single-leg cable leg extension", "Paused machine leg extension",
        "Hamstring-assisted machine leg extension", "Hamstring-assisted cable leg extension",
    ])


@pytest.mark.parametrize(("name", "vastus", "role"), [
    ("Band leg extension", 0.5, "target"),  # 0.8 - 0.3
    ("Cable leg extension", 0.7, "target"),
    ("Single-leg machine leg extension", 0.8, "target"),
])
def test_shifts_add_to_the_anchor_and_roles_follow(tmp_path: Path, name: str, vastus: float, role: str) -> None:
    kb = _kb(tmp_path)
    ex = next(e for e in kb.exercises.values() if e.name == name)
    got = {em.muscle: (em.involvement, em.role) for em in ex.muscles}
    assert got["vastus_lateralis"] == (vastus, role)
    assert ex.anchor == "leg_extension"


def test_a_shift_below_the_target_band_demotes_the_role(tmp_path: Path) -> None:
    fam = {**FAMILY, "setup": {"equipment": {**FAMILY["setup"]["equipment"],
                                             "band": {"names": ["band"], "equipment": ["band"],
                                                      "shift": {"vastus_lateralis": -0.75}}}}}
    with pytest.raises(DataError):
        # the only target would fall below every band: the exercise would have no target, which the loader refuses
        _kb(tmp_path, fam)


def test_adds_bring_in_a_muscle_the_anchor_lacks(tmp_path: Path) -> None:
    kb = _kb(tmp_path)
    ex = kb.exercises["hamstring_assisted_cable_leg_extension"]
    assert ("semitendinosus", "stabilizer", 0.2) in {(em.muscle, em.role, em.involvement) for em in ex.muscles}


def test_a_shift_without_a_source_is_marked_unverified(tmp_path: Path) -> None:
    kb = _kb(tmp_path)
    assert "unverified" in kb.exercises["band_leg_extension"].sources
    assert "unverified" not in kb.exercises["cable_leg_extension"].sources  # its shift cites book2000
    assert catalogue_stats(kb).unverified >= 1


def test_the_anchor_gets_the_grid_names_and_generated_exercises_their_synonyms(tmp_path: Path) -> None:
    kb = _kb(tmp_path)
    assert resolve_exercise(kb, "Leg Extension (Machine)").match == "leg_extension"
    assert resolve_exercise(kb, "machine knee extension").match == "leg_extension"
    assert resolve_exercise(kb, "Banded Knee Extension").match == "band_leg_extension"
    assert resolve_exercise(kb, "one-leg cable leg extension").match == "single_leg_cable_leg_extension"


def test_generated_exercise_keeps_the_anchors_variants_and_answers(tmp_path: Path) -> None:
    kb = _kb(tmp_path)
    ans = exercise_answer(kb, "cable_leg_extension", {"range": "partial"})
    assert {w.muscle.id: w.involvement for w in ans.muscles}["vastus_lateralis"] == pytest.approx(0.6)


def test_modifiers_name_what_changed_from_the_anchor(tmp_path: Path) -> None:
    kb = _kb(tmp_path)
    assert kb.exercises["single_leg_band_leg_extension"].modifiers == (
        ("equipment", "band", "Lighter at the bottom."), ("technique", "single_leg", "One leg at a time."))


@pytest.mark.parametrize(("change", "field"), [
    ({"anchors": {"no_such_exercise": {}}}, "anchors.no_such_exercise"),
    ({"anchors": {"leg_extension": {"equipment": "hovercraft"}}}, "anchors.leg_extension.equipment"),
    ({"setup": {"equipment": {"machine": {"shift": {"no_such_muscle": 0.1}}}}}, "equipment.machine.shift"),
    ({"setup": {"equipment": {"machine": {"requires": {"technique": "nope"}}}}}, "equipment.machine.requires"),
    ({"setup": {"equipment": {"machine": {"shift": {"vastus_lateralis": 3}}}}}, "setup.equipment.machine.shift"),
    ({"setup": {"equipment": {"machine": {"equipment": ["hovercraft"]}}}}, "setup.equipment.machine.equipment"),
    ({"colour": "red"}, "colour"),
])
def test_bad_family_data_names_file_record_and_field(tmp_path: Path, change: dict[str, Any], field: str) -> None:
    with pytest.raises(DataError) as exc:
        _kb(tmp_path, **change)
    assert exc.value.file == "catalogue/legs.yaml"
    assert exc.value.record == "leg_extension"
    assert field in (exc.value.field or "")


def test_two_points_with_one_name_are_refused(tmp_path: Path) -> None:
    fam = {**FAMILY, "techniques": {"paused": {"names": ["paused"]}, "pause": {"names": ["paused"]}}}
    with pytest.raises(DataError, match="duplicate id|also names"):
        _kb(tmp_path, fam)


def test_a_value_may_not_change_the_kind_of_the_anchors_description(tmp_path: Path) -> None:
    fam = {**FAMILY, "setup": {"equipment": {**FAMILY["setup"]["equipment"],
                                             "cable": {"names": ["cable"], "mechanics": {"kind": "sled"}}}}}
    with pytest.raises(DataError) as exc:
        _kb(tmp_path, fam)
    assert "equipment.cable.mechanics" in (exc.value.field or "")


@pytest.mark.parametrize(("exercise", "params"), [
    # a value's `mechanics` sets parameters of the anchor's description, and the engine computes the point
    ("donkey_calf_raise", {"hip_deg": 90, "knee_deg": 0, "body_fraction": 0.5}),
    ("leg_press_calf_raise", {"hip_deg": 90, "body_weight": False, "load_factor": 0.71}),
    ("single_leg_dumbbell_calf_raise", {"legs": 1, "knee_deg": 0}),
    ("single_arm_dumbbell_preacher_curl", {"load_unit": "dumbbell", "hands": 1, "shoulder_deg": 45}),
    ("cable_preacher_curl", {"pull_deg": -75, "shoulder_deg": 45}),
    ("incline_dumbbell_hammer_curl", {"trunk_lean_deg": -30, "forearm_deg": 0}),
])
def test_values_with_mechanics_carry_a_description_the_engine_computes(kb: KnowledgeBase, exercise: str,
                                                                     params: dict[str, Any]) -> None:
    import json

    ex = kb.exercises[exercise]
    assert ex.family is not None and ex.mechanics is not None
    block = json.loads(ex.mechanics)
    assert {k: block[k] for k in params} == params
    ans = exercise_answer(kb, exercise)
    assert ans.computed is not None
    assert any(w.basis == "computed" and w.role == "target" for w in ans.muscles)


@pytest.mark.parametrize("exercise", ["band_curl", "kettlebell_curl", "single_arm_machine_preacher_curl"])
def test_a_value_without_mechanics_keeps_the_point_curated(kb: KnowledgeBase, exercise: str) -> None:
    # a band's pull grows as it stretches, a machine's cam shapes the load: neither is described, so the numbers
    # stay curated rather than borrowed from the anchor's mechanics
    assert kb.exercises[exercise].mechanics is None
    assert exercise_answer(kb, exercise).computed is None


def test_one_leg_carries_twice_the_load_per_calf() -> None:
    from musclemap.mechanics import statics

    base = {"kind": "calf", "knee_deg": 0, "hip_deg": 0, "ankle_deg": [15, -25]}
    two, one = statics.phases_for(base), statics.phases_for({**base, "legs": 1})
    sled = statics.phases_for({**base, "load_factor": 0.5})
    for a, b, c in zip(two, one, sled):
        assert b.per_kg["ankle"] == pytest.approx(2 * a.per_kg["ankle"])
        assert c.per_kg["ankle"] == pytest.approx(0.5 * a.per_kg["ankle"])


@pytest.mark.parametrize(("one_limb", "both"), [
    ("single_leg_leg_extension", "leg_extension"),
    ("single_leg_seated_calf_raise", "seated_calf_raise"),
    ("single_arm_cable_curl", "cable_curl"),
])
def test_one_limb_works_as_hard_at_half_the_load(kb: KnowledgeBase, one_limb: str, both: str) -> None:
    one, two = exercise_answer(kb, one_limb), exercise_answer(kb, both)
    assert one.computed is not None and two.computed is not None
    assert one.computed.one_rm_kg == pytest.approx(two.computed.one_rm_kg / 2, rel=0.02)
    assert {w.muscle.id: w.involvement for w in one.muscles if w.basis == "computed"} == pytest.approx(
        {w.muscle.id: w.involvement for w in two.muscles if w.basis == "computed"}, abs=0.01)


def test_a_techniques_safety_notes_replace_the_setups(kb: KnowledgeBase) -> None:
    # the EZ bar replaces the curl's notes with "do not let a body swing take over"; a cheat curl swings on purpose,
    # and its own notes, which come last, win
    notes = " ".join(kb.exercises["ez_bar_cheat_curl"].safety)
    assert "do not let a body swing" not in notes
    assert "Keep the swing small" in notes


def test_a_statics_description_carries_over_to_same_mechanics_variations(kb: KnowledgeBase) -> None:
    paused, anchor = exercise_answer(kb, "barbell_paused_squat"), exercise_answer(kb, "back_squat")
    assert kb.exercises["barbell_paused_squat"].anchor == "back_squat"
    assert paused.moments is not None and anchor.moments is not None
    assert paused.moments.joint_moments == anchor.moments.joint_moments
    assert paused.computed is None  # involvement stays curated
