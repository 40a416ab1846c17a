"""The mechanics engine's parts: moment-arm tables, statics, the optimiser, and its use through the query core."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from conftest import tiny_data, write_kb
from musclemap.kb import load_yaml
from musclemap.mechanics import statics
from musclemap.mechanics.engine import analyse, moments_only
from musclemap.mechanics.muscles import arm_muscles, leg_muscles
from musclemap.mechanics.optimize import solve
from musclemap.query import exercise_answer


@pytest.mark.parametrize(("unit", "joint", "sign"), [
    ("vaslat", "knee", -1), ("vasmed", "knee", -1), ("recfem", "knee", -1), ("recfem", "hip", 1),
    ("bflh", "hip", -1), ("bflh", "knee", 1), ("bfsh", "knee", 1), ("semiten", "hip", -1),
    ("glmax2", "hip", -1), ("iliacus", "hip", 1), ("soleus", "ankle", -1), ("gasmed", "ankle", -1),
    ("gasmed", "knee", 1), ("tibant", "ankle", 1),
])
def test_moment_arm_signs_match_anatomy(unit: str, joint: str, sign: int) -> None:
    # flexion (dorsiflexion) positive: an extensor has a negative moment arm
    ms = leg_muscles()
    i = ms.names.index(unit)
    r = ms.moment_arms({"hip": 30.0, "knee": 30.0, "ankle": 0.0})[("hip", "knee", "ankle").index(joint), i]
    assert r * sign > 0.005


@pytest.mark.parametrize("unit", ["vaslat", "vasmed", "vasint", "glmax1", "soleus", "tibant"])
def test_one_joint_muscles_do_not_cross_the_other_joints(unit: str) -> None:
    ms = leg_muscles()
    i = ms.names.index(unit)
    assert sum(bool(ms.crosses[j][i]) for j in ("hip", "knee", "ankle")) == 1


def test_solver_meets_the_moments_within_bounds() -> None:
    rng = np.random.default_rng(7)
    a_mat = rng.normal(0, 40, size=(3, 12))
    target = a_mat @ rng.uniform(0.1, 0.6, size=12)
    sol = solve(a_mat, target)
    assert np.allclose(a_mat @ sol.activation, target, atol=0.05)
    assert (sol.activation >= 0).all() and (sol.activation <= 1).all()
    floor = np.full(12, 0.2)
    assert (solve(a_mat, target, floor).activation >= 0.2 - 1e-9).all()


def test_solver_hands_an_impossible_moment_to_the_reserves() -> None:
    a_mat = np.array([[10.0, 20.0]])
    sol = solve(a_mat, np.array([100.0]))
    assert np.allclose(sol.activation, 1.0)
    assert sol.reserve[0] > 60


def test_leg_press_feet_higher_demand_more_hip_and_less_knee() -> None:
    def bottom(offset: float) -> statics.Phase:
        return statics.phases_for({"kind": "sled", "rail_deg": 45, "back_deg": 25, "offset_m": offset,
                                   "knee_deg": [90, 10]})[0]
    low, high = bottom(-0.03), bottom(0.13)
    assert high.per_kg["hip"] < low.per_kg["hip"]  # more negative: a larger hip extensor moment
    assert high.per_kg["knee"] > low.per_kg["knee"]  # a smaller knee extensor moment
    assert high.pose["hip"] > low.pose["hip"]


def test_leg_press_hip_moment_per_kg_is_constant_over_the_range() -> None:
    phases = statics.phases_for({"kind": "sled", "rail_deg": 45, "back_deg": 25, "offset_m": 0.1,
                                 "knee_deg": [90, 10]})
    hip = [ph.per_kg["hip"] for ph in phases]
    assert max(hip) - min(hip) < 1e-6  # the plate force's line stays at one distance from the hip


def soleus_share(knee: float) -> float:
    c = analyse({"kind": "calf", "knee_deg": knee, "hip_deg": knee, "ankle_deg": [15, -25]})
    return c.muscles["soleus"][0] / (c.muscles["soleus"][0] + c.muscles["gastrocnemius_medial_head"][0])


def test_bent_knee_shifts_calf_work_to_the_soleus() -> None:
    assert soleus_share(90.0) > soleus_share(0.0)


def test_leg_extension_loads_the_knee_extensors_with_the_hip_free() -> None:
    c = analyse({"kind": "pad", "hip_deg": 90, "knee_deg": [90, 0], "pad_m": 0.33, "direction": "extension"})
    assert c.one_rm_kg > 0
    assert [j[0] for j in c.joint_moments] == ["knee"]
    assert c.muscles["vastus_lateralis"][1] == "target"
    assert c.muscles["rectus_femoris"][0] >= 0.1
    assert "extends the knee" in c.muscles["vastus_lateralis"][2].lower()


def test_computed_involvement_reaches_the_answer(tmp_path: Path) -> None:
    data = tiny_data()
    data["exercises/legs.yaml"][0]["mechanics"] = {
        "kind": "pad", "hip_deg": 90, "knee_deg": [90, 0], "pad_m": 0.33, "direction": "extension",
        "against": "against the pad",
    }
    kb = load_yaml(write_kb(tmp_path, data))
    ans = exercise_answer(kb, "leg_extension")
    assert ans.computed is not None
    vl = next(w for w in ans.muscles if w.muscle.id == "vastus_lateralis")
    assert vl.basis == "computed" and vl.driver and "against the pad" in vl.driver
    partial = exercise_answer(kb, "leg_extension", {"range": "partial"})
    vl_partial = next(w for w in partial.muscles if w.muscle.id == "vastus_lateralis")
    assert vl_partial.involvement == pytest.approx(vl.involvement - 0.1, abs=1e-6)  # non-mechanical shift still applies


def test_mechanics_variants_must_be_declared(tmp_path: Path) -> None:
    from musclemap.errors import DataError

    data = tiny_data()
    data["exercises/legs.yaml"][0]["mechanics"] = {"kind": "pad", "hip_deg": 90, "knee_deg": [90, 0], "pad_m": 0.3,
                                                   "direction": "extension", "variants": {"grip": {"wide": {}}}}
    with pytest.raises(DataError, match="mechanics.variants"):
        load_yaml(write_kb(tmp_path, data))


def test_unknown_mechanics_kind_is_rejected(tmp_path: Path) -> None:
    from musclemap.errors import DataError

    data = tiny_data()
    data["exercises/legs.yaml"][0]["mechanics"] = {"kind": "trampoline"}
    with pytest.raises(DataError, match="mechanics.kind"):
        load_yaml(write_kb(tmp_path, data))


def test_balancing_the_off_plane_hip_moments_curbs_the_adductors() -> None:
    params = {"kind": "sled", "rail_deg": 45, "back_deg": 25, "offset_m": 0.16, "knee_deg": [90, 10]}
    planar = analyse(params).muscles.get("adductor_longus", (0.0, "", ""))[0]
    spatial = analyse({**params, "off_plane": True}).muscles.get("adductor_longus", (0.0, "", ""))[0]
    assert planar > 0.2
    assert spatial < planar / 2


def test_driver_names_the_peak_of_the_moment_arm_in_the_acting_direction() -> None:
    c = analyse({"kind": "sled", "rail_deg": 45, "back_deg": 25, "offset_m": 0.16, "knee_deg": [90, 10]})
    value, _role, driver = c.muscles["adductor_longus"]
    assert driver.startswith("Extends the hip")
    peak = int(driver.split("peaks near ")[1].split(" degrees")[0])
    assert peak >= 90  # the adductor longus extends the hip only when the hip is well flexed


REFERENCE_SQUAT = {"kind": "stand", "load": "high_bar", "phases": [
    {"knee": 120, "ankle": 30}, {"knee": 90, "ankle": 25}, {"knee": 60, "ankle": 15}, {"knee": 30, "ankle": 5},
    {"knee": 5, "ankle": 0}]}


def test_squat_statics_are_in_the_range_of_measured_joint_moments() -> None:
    # Choe et al. 2021 (inverse dynamics, 70-85 % 1RM): peak hip 2.98 and knee 2.14 N m per kg of body mass.
    # Static moments leave out the acceleration out of the bottom, so they should come out somewhat lower:
    # here, with a bar of 1.2 x body mass, between 60 % and 100 % of those peaks.
    from musclemap.mechanics.body import BODY_MASS_KG

    phases = statics.phases_for(REFERENCE_SQUAT)
    load = 1.2 * BODY_MASS_KG
    hip = max(-(ph.per_kg["hip"] * load + ph.body["hip"]) for ph in phases) / BODY_MASS_KG
    knee = max(-(ph.per_kg["knee"] * load + ph.body["knee"]) for ph in phases) / BODY_MASS_KG
    assert 0.6 * 2.98 <= hip <= 2.98
    assert 0.6 * 2.14 <= knee <= 2.14


def test_squat_demands_extensor_moments_at_hip_and_knee_that_grow_with_depth() -> None:
    phases = statics.phases_for(REFERENCE_SQUAT)
    knee = [-ph.per_kg["knee"] for ph in phases]
    assert knee[0] > knee[2] > 0  # deeper: larger knee extensor moment per kg of bar
    assert all(ph.per_kg["hip"] < 0 for ph in phases)  # always a hip extensor moment


def test_hip_thrust_posture_rests_the_shoulders_on_the_bench_and_needs_hip_extension() -> None:
    phases = statics.phases_for({"kind": "bridge", "bench_m": 0.4, "phases": [
        {"hip": 90}, {"hip": 45}, {"hip": 0}]})
    assert all(ph.per_kg["hip"] < 0 and ph.body["hip"] < 0 for ph in phases)
    knees = [ph.pose["knee"] for ph in phases]
    assert knees[0] > knees[1] > knees[2]  # the hips rise toward the knees' height as the hips extend
    assert 80 <= knees[-1] <= 100  # at lockout, shins vertical and thighs level: a right angle at the knee


ARM = json.loads((Path(__file__).resolve().parents[1] / "src" / "musclemap" / "data" / "mechanics"
                  / "arm_moment_arms.json").read_text())


@pytest.mark.parametrize(("unit", "axis", "sign"), [
    ("BIClong", "elbow", 1), ("BICshort", "elbow", 1), ("BRA", "elbow", 1), ("BRD", "elbow", 1),
    ("TRIlong", "elbow", -1), ("TRIlat", "elbow", -1), ("TRImed", "elbow", -1), ("TRIlong", "shoulder_flexion", -1),
    ("DELT1", "shoulder_flexion", 1), ("DELT3", "shoulder_flexion", -1), ("LAT2", "shoulder_flexion", -1),
    ("DELT2", "shoulder_abduction", 1), ("SUPSP", "shoulder_abduction", 1),
    ("SUP", "forearm", -1), ("BIClong", "forearm", -1), ("PT", "forearm", 1),  # pronation positive
    ("FCR", "wrist", 1), ("ECU", "wrist", -1),
])
def test_arm_moment_arm_signs_match_anatomy(unit: str, axis: str, sign: int) -> None:
    # sampled at the elbow's right angle, the forearm and wrist neutral, and 30 degrees of shoulder elevation
    at = {"elbow": 90, "forearm": 0, "wrist": 0, "shoulder_flexion": 30, "shoulder_abduction": 30}[axis]
    value = ARM["muscles"][unit]["moment_arm_mm"][axis][ARM["grid_deg"][axis].index(at)]
    assert value * sign > 1.0  # mm


def test_mechanics_tables_cite_known_sources(kb: object) -> None:
    from musclemap.kb import KnowledgeBase

    assert isinstance(kb, KnowledgeBase)
    leg = json.loads((Path(__file__).resolve().parents[1] / "src" / "musclemap" / "data" / "mechanics"
                      / "leg_moment_arms.json").read_text())
    for key in (*leg["sources"], *ARM["sources"]):
        assert key in kb.sources


def _computed(kb: object, exercise: str, **variant: str) -> dict[str, float]:
    ans = exercise_answer(kb, exercise, variant)  # type: ignore[arg-type]
    return {w.muscle.id: w.involvement for w in ans.muscles if w.basis == "computed"}


QUADRICEPS = ("vastus_lateralis", "vastus_medialis", "vastus_intermedius", "rectus_femoris")
HAMSTRINGS = ("biceps_femoris_long_head", "semitendinosus", "semimembranosus")


@pytest.mark.parametrize(("more", "less"), [
    *[(v, "rectus_femoris") for v in ("vastus_lateralis", "vastus_medialis", "vastus_intermedius")],
    *[(q, h) for q in QUADRICEPS[:3] for h in HAMSTRINGS],
    ("soleus", "gastrocnemius_medial_head"), ("soleus", "gastrocnemius_lateral_head"),
])
def test_engine_leg_press_orders_the_muscles_as_the_evidence_does(kb: object, more: str, less: str) -> None:
    work = _computed(kb, "leg_press")
    assert work[more] > work.get(less, 0.0)


@pytest.mark.parametrize(("placement", "muscle", "direction"), [
    ("high", "gluteus_maximus", +1), ("high", "vastus_lateralis", -1), ("high", "soleus", -1),
    ("low", "gluteus_maximus", -1), ("low", "vastus_lateralis", +1), ("low", "rectus_femoris", +1),
    ("low", "soleus", +1), ("low", "gastrocnemius_medial_head", +1),
])
def test_engine_foot_placement_shifts_the_work(kb: object, placement: str, muscle: str, direction: int) -> None:
    # feet high: toward the gluteus maximus; feet low: toward the quadriceps and calves (Da Silva et al. 2008)
    middle = _computed(kb, "leg_press").get(muscle, 0.0)
    moved = _computed(kb, "leg_press", foot_placement=placement).get(muscle, 0.0)
    assert (moved - middle) * direction > 0


ARM_EXERCISES = ["barbell_curl", "dumbbell_curl", "hammer_curl", "preacher_curl", "concentration_curl",
                 "incline_dumbbell_curl", "cable_curl", "wrist_curl", "reverse_wrist_curl"]


@pytest.mark.parametrize("exercise", ["leg_press", "horizontal_leg_press", "single_leg_press", "leg_extension",
                                      "standing_calf_raise", "seated_calf_raise", *ARM_EXERCISES])
def test_exercises_with_a_mechanics_description_get_engine_numbers(kb: object, exercise: str) -> None:
    ans = exercise_answer(kb, exercise)  # type: ignore[arg-type]
    assert ans.computed is not None and ans.computed.one_rm_kg > 0
    computed = [w for w in ans.muscles if w.basis == "computed"]
    assert computed and all(w.driver for w in computed)
    assert any(w.role == "target" for w in ans.muscles)


def test_compliant_tendon_lets_the_bent_knee_silence_the_gastrocnemius() -> None:
    # with a rigid tendon the gastrocnemius fibres sit far past optimal length with the knee straight, which made the
    # seated calf raise look as hard for it as the standing one (Hebert-Losier et al. 2012 found it less)
    standing = analyse({"kind": "calf", "knee_deg": 0, "hip_deg": 0, "ankle_deg": [15, -25], "body_weight": True})
    seated = analyse({"kind": "calf", "knee_deg": 90, "hip_deg": 90, "ankle_deg": [15, -25]})
    for head in ("gastrocnemius_medial_head", "gastrocnemius_lateral_head"):
        assert standing.muscles[head][0] > seated.muscles[head][0]


def test_restored_gluteus_maximus_wrap_keeps_it_a_hip_extensor_in_deep_flexion() -> None:
    ms = leg_muscles()
    for unit in ("glmax1", "glmax2", "glmax3"):
        r = ms.moment_arms({"hip": 110.0, "knee": 90.0, "ankle": 0.0})[0, ms.names.index(unit)]
        assert r < -0.01, unit  # at least 1 cm of extension moment arm


def test_sled_range_stops_where_the_hip_reaches_its_limit() -> None:
    phases = statics.phases_for({"kind": "sled", "rail_deg": 45, "back_deg": 20, "offset_m": 0.17,
                                 "knee_deg": [100, 10], "limits_deg": {"hip": 115}})
    assert max(ph.pose["hip"] for ph in phases) == pytest.approx(115.0, abs=0.5)
    assert phases[0].pose["knee"] < 100.0


def test_sled_phases_count_by_the_plates_travel() -> None:
    # equal steps of knee angle move the plate less and less as the leg straightens, so at a steady plate speed
    # the press spends most of its time low in the range
    phases = statics.phases_for({"kind": "sled", "rail_deg": 45, "back_deg": 20, "offset_m": 0.10,
                                 "knee_deg": [100, 10], "limits_deg": {"hip": 115}})
    travel = [ph.travel for ph in phases]
    assert all(b > a for a, b in zip(travel, travel[1:]))  # the plate moves away all the way up
    steps = np.diff(np.array(travel, dtype=float))
    assert all(b < a for a, b in zip(steps, steps[1:]))
    weights = statics.travel_weights(phases)
    assert weights.sum() == pytest.approx(1.0)
    assert weights[1] > 2 * weights[-2]


def test_mean_moment_does_not_hang_on_how_the_phases_are_spaced() -> None:
    def squat(steps: list[tuple[int, int]]) -> dict[str, float]:
        block = {"kind": "stand", "load": "high_bar", "at_kg": 75,
                 "phases": [{"knee": k, "ankle": a} for k, a in steps]}
        return {jm[0]: jm[2] for jm in moments_only(block).joint_moments}

    sparse = squat([(95, 25), (70, 18), (40, 8), (10, 0)])
    dense = squat([(95, 25), (82, 22), (70, 18), (55, 13), (40, 8), (25, 4), (10, 0)])
    for joint in ("hip", "knee", "lumbar_spine"):
        assert dense[joint] == pytest.approx(sparse[joint], rel=0.06)


def test_phases_without_a_load_path_count_alike() -> None:
    phases = statics.phases_for(_curl())
    assert statics.travel_weights(phases) == pytest.approx(np.full(len(phases), 1 / len(phases)))


def _curl(**over: object) -> dict[str, object]:
    return {"kind": "arm", "shoulder_deg": 0, "elbow_deg": [10, 125], "forearm_deg": -80, "hands": 1,
            "active": ["elbow", "forearm", "shoulder_flexion"], "soft": ["shoulder_abduction"], **over}


def test_curl_statics_match_hand_calculation() -> None:
    # at a right angle the load hangs forearm + grip in front of the elbow; with the upper arm vertical the shoulder
    # carries the same moment (the upper arm's own weight acts through the shoulder)
    from musclemap.mechanics import body as b

    ph = statics.phases_for(_curl(elbow_deg=90, phases=2))[0]
    lever = b.SEGMENTS["forearm"].length_m + statics.GRIP_FROM_WRIST
    assert ph.per_kg["elbow"] == pytest.approx(b.G * lever, rel=1e-6)
    assert ph.per_kg["shoulder_flexion"] == pytest.approx(ph.per_kg["elbow"], rel=1e-6)
    assert ph.body["shoulder_flexion"] == pytest.approx(ph.body["elbow"], abs=1e-6)
    two_hands = statics.phases_for(_curl(elbow_deg=90, phases=2, hands=2))[0]
    assert two_hands.per_kg["elbow"] == pytest.approx(ph.per_kg["elbow"] / 2)


@pytest.mark.parametrize(("palm_up", "turned"), [(-80, -40), (-80, 0), (-40, 0)])
def test_turning_the_palm_from_up_toward_the_thumb_quiets_the_biceps(palm_up: int, turned: int) -> None:
    # the biceps also supinates; with the forearm turned toward pronation that side action must be cancelled by the
    # pronators, so the elbow's work shifts to the brachioradialis and brachialis (Coratella et al. 2023)
    more = analyse(_curl(forearm_deg=palm_up)).muscles["biceps_brachii_long_head"][0]
    less = analyse(_curl(forearm_deg=turned)).muscles["biceps_brachii_long_head"][0]
    assert more > less


def test_hanging_the_arm_behind_the_body_lengthens_the_long_head_of_the_biceps() -> None:
    ms = arm_muscles()
    i = ms.names.index("BIClong")
    # MyoArm gives it a 7 mm flexion moment arm at the side, so 30 degrees of extension add about 3.6 mm
    assert ms.lengths({"shoulder_flexion": -30.0})[i] > ms.lengths({"shoulder_flexion": 0.0})[i] + 0.003


def test_braced_upper_arm_leaves_only_the_elbow_moment(kb: object) -> None:
    ans = exercise_answer(kb, "preacher_curl")  # type: ignore[arg-type]
    assert ans.computed is not None
    assert [j for j, *_ in ans.computed.joint_moments] == ["elbow"]
    standing = exercise_answer(kb, "barbell_curl")  # type: ignore[arg-type]
    assert standing.computed is not None
    assert {j for j, *_ in standing.computed.joint_moments} == {"shoulder", "elbow"}


@pytest.mark.parametrize(("exercise", "muscles"), [
    ("wrist_curl", ("flexor_carpi_radialis", "flexor_carpi_ulnaris")),
    ("reverse_wrist_curl", ("extensor_carpi_radialis_brevis",)),
])
def test_wrist_curls_target_the_wrist_movers(kb: object, exercise: str, muscles: tuple[str, ...]) -> None:
    ans = exercise_answer(kb, exercise)  # type: ignore[arg-type]
    targets = {w.muscle.id for w in ans.by_role("target")}
    assert set(muscles) <= targets


def test_dumbbell_answers_give_the_one_rep_max_per_dumbbell(kb: object) -> None:
    ans = exercise_answer(kb, "dumbbell_curl")  # type: ignore[arg-type]
    assert ans.computed is not None and ans.computed.load_unit == "dumbbell" and ans.computed.model == "arm"
    bar = exercise_answer(kb, "barbell_curl")  # type: ignore[arg-type]
    assert bar.computed is not None and bar.computed.load_unit == "load"


@pytest.mark.parametrize(("exercise", "muscle", "curated"), [
    ("barbell_curl", "trapezius_upper", 0.15), ("barbell_curl", "erector_spinae", 0.15),
])
def test_muscles_outside_the_limb_model_keep_their_curated_numbers(kb: object, exercise: str, muscle: str,
                                                                   curated: float) -> None:
    # the arm model computes the arm's muscles; the trunk and scapular muscles it lacks stay as the data gives them
    ans = exercise_answer(kb, exercise)  # type: ignore[arg-type]
    work = {w.muscle.id: w for w in ans.muscles}
    assert work[muscle].basis == "curated" and work[muscle].involvement == curated
    assert work["biceps_brachii_long_head"].basis == "computed"


# --- statics descriptions: joint moments only ------------------------------------------------------------------

REFERENCE_DEADLIFT = {"kind": "stand", "load": "hands_hanging", "phases": [
    {"bar_m": 0.225, "ankle": 12}, {"bar_m": 0.45, "ankle": 8}, {"bar_m": 0.62, "ankle": 5}, {"bar_m": 0.78, "ankle": 2}]}


def test_deadlift_statics_are_in_the_range_of_measured_joint_moments() -> None:
    # Choe et al. 2021 (inverse dynamics, 70-85 % 1RM): peak hip 3.59 and knee 1.18 N m per kg of body mass, both
    # extensor. With a bar of 1.6 x body mass the static moments should come out somewhat below those peaks.
    from musclemap.mechanics.body import BODY_MASS_KG

    phases = statics.phases_for(REFERENCE_DEADLIFT)
    load = 1.6 * BODY_MASS_KG
    hip = max(-(ph.per_kg["hip"] * load + ph.body["hip"]) for ph in phases) / BODY_MASS_KG
    knee = max(-(ph.per_kg["knee"] * load + ph.body["knee"]) for ph in phases) / BODY_MASS_KG
    assert 0.7 * 3.59 <= hip <= 1.1 * 3.59
    assert 0.7 * 1.18 <= knee <= 1.1 * 1.18


def test_deadlift_start_bends_the_knee_as_far_as_measured_and_keeps_the_bar_over_the_midfoot() -> None:
    # Schellenberg et al. 2013: the knee bends 103-108 degrees at the start of a deadlift (SD about 22)
    start = statics.phases_for(REFERENCE_DEADLIFT)[0]
    assert 90 <= start.pose["knee"] <= 125
    assert start.pose["hip"] > start.pose["knee"]


def test_romanian_and_conventional_deadlifts_load_the_knee_oppositely() -> None:
    # Lee et al. 2018: the knee's net moment has opposite signs in the two lifts (extensor in the conventional
    # deadlift, where the knees start bent; flexor in the Romanian, where they stay nearly straight and the hips go
    # back)
    conventional = statics.phases_for(REFERENCE_DEADLIFT)[0]
    romanian = statics.phases_for({"kind": "stand", "load": "hands_hanging", "phases": [{"knee": 20, "trunk": 30}]})[0]
    assert conventional.per_kg["knee"] < 0 < romanian.per_kg["knee"]


@pytest.mark.parametrize(("exercise", "variant", "joints"), [
    ("back_squat", {}, {"hip", "knee", "ankle", "lumbar_spine"}),
    ("back_squat", {"depth": "deep"}, {"hip", "knee", "ankle", "lumbar_spine"}),
    ("conventional_deadlift", {}, {"hip", "knee", "ankle", "lumbar_spine"}),
    ("hip_thrust", {}, {"hip"}),  # the bridge leaves out the ground's friction, so its knee moment is not reported
    ("glute_bridge", {}, {"hip"}),
    ("front_squat", {}, {"hip", "knee", "ankle", "lumbar_spine"}),
    ("goblet_squat", {}, {"hip", "knee", "ankle", "lumbar_spine"}),
    ("good_morning", {}, {"hip", "knee", "ankle", "lumbar_spine"}),
])
def test_statics_descriptions_give_joint_moments_and_leave_the_muscles_curated(
        kb: object, exercise: str, variant: dict[str, str], joints: set[str]) -> None:
    ans = exercise_answer(kb, exercise, variant)  # type: ignore[arg-type]
    assert ans.computed is None and ans.moments is not None and not ans.moments.shares
    assert {j for j, *_ in ans.moments.joint_moments} == joints
    assert all(w.basis == "curated" for w in ans.muscles)
    extension = {j: d for j, _peak, _mean, d in ans.moments.joint_moments}
    assert extension["hip"] == "extension"
    if "lumbar_spine" in extension:
        assert extension["lumbar_spine"] == "extension"  # the back's extensors hold the leaning trunk


def _statics_block(kb: object, exercise: str, **over: object) -> dict[str, object]:
    return {**json.loads(kb.exercises[exercise].statics), **over}  # type: ignore[attr-defined]


def _peaks(block: dict[str, object]) -> dict[str, tuple[float, str]]:
    return {j: (peak, d) for j, peak, _mean, d in moments_only(block).joint_moments}


def test_front_squat_shifts_moment_from_hip_to_knee_at_the_same_bar_load(kb: object) -> None:
    # Krzyszkowski and Kipp 2020: at the same absolute load the back squat needs more hip extensor moment and the
    # front squat more knee extensor moment
    back, front = _peaks(_statics_block(kb, "back_squat")), _peaks(_statics_block(kb, "front_squat", at_kg=75))
    assert front["knee"][0] > back["knee"][0]
    assert back["hip"][0] > front["hip"][0]


def test_good_morning_matches_the_measured_posture_and_moments(kb: object) -> None:
    # Schellenberg et al. 2013, with 25 % of body weight on the bar: the hip bends to about 75 degrees, the knee
    # carries an external extension moment (a flexor moment from the muscles), and the hip's moment is larger than
    # in a deadlift with the same bar
    from musclemap.mechanics.body import BODY_MASS_KG

    bar = 0.25 * BODY_MASS_KG
    block = _statics_block(kb, "good_morning", at_kg=bar)
    assert max(ph.pose["hip"] for ph in statics.phases_for(block)) == pytest.approx(75.3, abs=9.2)
    good_morning = _peaks(block)
    deadlift = _peaks(_statics_block(kb, "conventional_deadlift", at_kg=bar))
    assert good_morning["knee"][1] == "flexion" and deadlift["knee"][1] == "extension"
    assert good_morning["hip"][0] > deadlift["hip"][0]


def test_a_deeper_squat_needs_more_knee_moment_at_the_same_load(kb: object) -> None:
    def knee(depth: str) -> float:
        ans = exercise_answer(kb, "back_squat", {"depth": depth})  # type: ignore[arg-type]
        assert ans.moments is not None
        return next(peak for j, peak, _m, _d in ans.moments.joint_moments if j == "knee")

    assert knee("partial") < knee("parallel") < knee("deep")


def test_curated_shifts_still_apply_with_a_statics_description(kb: object) -> None:
    base = {w.muscle.id: w.involvement for w in exercise_answer(kb, "back_squat").muscles}  # type: ignore[arg-type]
    wide = {w.muscle.id: w.involvement
            for w in exercise_answer(kb, "back_squat", {"stance": "wide"}).muscles}  # type: ignore[arg-type]
    assert wide["gluteus_maximus"] > base["gluteus_maximus"]


@pytest.mark.parametrize(("block", "match"), [
    ({"kind": "sled", "rail_deg": 45}, "statics.kind"),  # statics are for the whole-body stand and bridge kinds
    ({"kind": "stand", "load": "high_bar", "phases": [], "variants": {"grip": {"wide": {}}}}, "statics.variants"),
])
def test_bad_statics_descriptions_are_refused(tmp_path: Path, block: dict[str, object], match: str) -> None:
    from musclemap.errors import DataError

    data = tiny_data()
    data["exercises/legs.yaml"][0]["statics"] = block
    with pytest.raises(DataError, match=match):
        load_yaml(write_kb(tmp_path, data))


def test_an_exercise_has_mechanics_or_statics_not_both(tmp_path: Path) -> None:
    from musclemap.errors import DataError

    data = tiny_data()
    data["exercises/legs.yaml"][0]["mechanics"] = {"kind": "pad", "hip_deg": 90, "knee_deg": [90, 0],
                                                   "pad_m": 0.33, "direction": "extension"}
    data["exercises/legs.yaml"][0]["statics"] = {"kind": "stand", "load": "high_bar", "phases": [{"knee": 90, "ankle": 20}]}
    with pytest.raises(DataError, match="not both"):
        load_yaml(write_kb(tmp_path, data))


@pytest.mark.parametrize(("muscle", "where"), [
    ("vastus_lateralis", "hardest near 90 degrees of knee flexion"),  # the bottom of the press, where the knee's moment peaks
    ("gluteus_maximus", "hardest near 115 degrees of hip flexion"),
])
def test_driver_says_where_in_the_range_the_muscle_works_hardest(kb: object, muscle: str, where: str) -> None:
    ans = exercise_answer(kb, "leg_press")  # type: ignore[arg-type]
    driver = next(w.driver for w in ans.muscles if w.muscle.id == muscle)
    assert driver is not None and where in driver


@pytest.mark.parametrize("exercise", ["barbell_curl", "dumbbell_curl", "hammer_curl", "incline_dumbbell_curl"])
def test_a_muscle_holding_a_still_joint_is_a_stabilizer_however_busy(kb: object, exercise: str) -> None:
    # a strict curl keeps the upper arm still; the anterior deltoid's work holds it there against the load
    ans = exercise_answer(kb, exercise)  # type: ignore[arg-type]
    deltoid = next(w for w in ans.muscles if w.muscle.id == "deltoid_anterior")
    assert deltoid.role == "stabilizer"
    assert deltoid.driver is not None and deltoid.driver.startswith("Holds the upper arm still")
    assert "degrees of elbow flexion" in deltoid.driver
    assert ans.groups[0].muscles[0].role == "target"  # the answer leads with a mover, not the busy stabilizer


@pytest.mark.parametrize("exercise", ["leg_press", "leg_extension", "standing_calf_raise", *ARM_EXERCISES])
def test_every_computed_target_works_mainly_at_a_joint_that_moves(kb: object, exercise: str) -> None:
    ans = exercise_answer(kb, exercise)  # type: ignore[arg-type]
    for w in ans.by_role("target"):
        if w.basis == "computed":
            assert w.driver is not None and not w.driver.startswith("Holds"), w.muscle.id


def test_a_muscle_balancing_another_at_a_still_joint_says_so(kb: object) -> None:
    # the hammer curl's load makes no twist at the forearm: the pronator teres holds it against the biceps' supination
    ans = exercise_answer(kb, "hammer_curl")  # type: ignore[arg-type]
    pronator = next(w for w in ans.muscles if w.muscle.id == "pronator_teres")
    assert pronator.role == "stabilizer"
    assert pronator.driver is not None and "against the other muscles' pull" in pronator.driver


@pytest.mark.parametrize(("exercise", "moments"), [
    ("lateral_raise", {"shoulder": "abduction"}),
    ("front_raise", {"shoulder": "flexion", "elbow": "flexion"}),  # the elbow flexors hold the hanging dumbbell
    ("triceps_pushdown", {"shoulder": "extension", "elbow": "extension"}),  # the cable pulls the hands up and in
    ("rope_pushdown", {"shoulder": "extension", "elbow": "extension"}),
    ("overhead_triceps_extension", {"shoulder": "extension", "elbow": "extension"}),
    ("skullcrusher", {"shoulder": "extension", "elbow": "extension"}),
    ("triceps_kickback", {"shoulder": "extension", "elbow": "extension"}),  # the arm held back along the trunk
    ("lying_leg_curl", {"knee": "flexion"}),
    ("seated_leg_curl", {"knee": "flexion"}),
])
def test_arm_and_pad_statics_give_the_directions_mechanics_expects(kb: object, exercise: str,
                                                                   moments: dict[str, str]) -> None:
    ans = exercise_answer(kb, exercise)  # type: ignore[arg-type]
    assert ans.computed is None and ans.moments is not None and not ans.moments.shares
    assert {j: d for j, _peak, _mean, d in ans.moments.joint_moments} == moments
    assert all(w.basis == "curated" for w in ans.muscles)


def test_lateral_raise_statics_match_hand_calculation(kb: object) -> None:
    # at 90 degrees of abduction the dumbbell hangs the arm's in-plane length from the shoulder, and the arm's own
    # segments add their weight at their centres of mass
    from musclemap.mechanics import body as b

    ans = exercise_answer(kb, "lateral_raise")  # type: ignore[arg-type]
    assert ans.moments is not None
    (joint, peak, _mean, direction), = ans.moments.joint_moments
    bend = np.cos(np.radians(15))
    up, fa, hand = (b.SEGMENTS[s] for s in ("upper_arm", "forearm", "hand"))
    reach = up.length_m + (fa.length_m + statics.GRIP_FROM_WRIST) * bend
    own = b.G * (b.mass("upper_arm") * up.com_from_proximal * up.length_m
                 + b.mass("forearm") * (up.length_m + fa.com_from_proximal * fa.length_m * bend)
                 + b.mass("hand") * reach)
    assert (joint, direction) == ("shoulder", "abduction")
    assert peak == pytest.approx(ans.moments.load_kg * b.G * reach + own, abs=0.1)
