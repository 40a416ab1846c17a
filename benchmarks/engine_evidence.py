"""Trial of the mechanics engine against the EMG evidence table, before any exercise ships a mechanics block.

    python benchmarks/engine_evidence.py [--verbose]

TRIAL holds first-guess mechanics descriptions for the lower-body exercises (typical postures, not yet calibrated
against benchmarks/kinetics/reference.csv). Exercises whose description has moved into the knowledge base (the leg
presses, the leg extension, the calf raises) are analysed from the data instead. The script scores the comparisons
whose two sides both have a description, beside the curated numbers on the same rows; a trial description moves
into the data when the engine does at least as well as the curated numbers on the rows it touches.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import evidence_score as es  # noqa: E402
from musclemap.kb import load_yaml  # noqa: E402
from musclemap.mechanics.engine import analyse, variant_params  # noqa: E402
from musclemap.model import Computed  # noqa: E402


def squat(load: str, deep: bool = True) -> dict[str, Any]:
    phases = ([{"knee": 120, "ankle": 30}] if deep else []) + [
        {"knee": 95, "ankle": 25}, {"knee": 70, "ankle": 18}, {"knee": 40, "ankle": 8}, {"knee": 10, "ankle": 0}]
    return {"kind": "stand", "load": load, "phases": phases}


def sled(offset: float, back: float = 20, rail: float = 45, legs: int = 2) -> dict[str, Any]:
    return {"kind": "sled", "rail_deg": rail, "back_deg": back, "offset_m": offset, "knee_deg": [90, 10], "legs": legs}


def hinge(knee0: float, load: str = "hands_hanging") -> dict[str, Any]:
    return {"kind": "stand", "load": load, "phases": [
        {"knee": knee0, "trunk": 20}, {"knee": max(knee0 * 0.6, 10), "trunk": 40},
        {"knee": max(knee0 * 0.3, 8), "trunk": 65}, {"knee": 5, "trunk": 88}]}


# (exercise, variant as in the evidence table) -> trial mechanics description
TRIAL: dict[tuple[str, str], dict[str, Any]] = {
    ("leg_press", ""): sled(0.05), ("leg_press", "foot_placement=middle"): sled(0.05),
    ("leg_press", "foot_placement=high"): sled(0.13), ("leg_press", "foot_placement=low"): sled(-0.03),
    ("horizontal_leg_press", ""): sled(0.05, back=70, rail=0), ("single_leg_press", ""): sled(0.05, legs=1),
    ("back_squat", ""): squat("high_bar", False), ("back_squat", "depth=parallel"): squat("high_bar", False),
    ("back_squat", "depth=deep"): squat("high_bar"),
    ("back_squat", "depth=partial"): {"kind": "stand", "load": "high_bar", "phases": [
        {"knee": 60, "ankle": 15}, {"knee": 35, "ankle": 7}, {"knee": 10, "ankle": 0}]},
    ("front_squat", ""): squat("front_rack"), ("goblet_squat", ""): squat("goblet"),
    ("box_squat", ""): squat("high_bar", False), ("smith_machine_squat", ""): squat("high_bar", False),
    ("hip_thrust", ""): {"kind": "bridge", "bench_m": 0.4, "phases": [{"hip": 90}, {"hip": 60}, {"hip": 30}, {"hip": 0}]},
    ("glute_bridge", ""): {"kind": "bridge", "bench_m": 0.0, "phases": [{"hip": 40}, {"hip": 20}, {"hip": 0}]},
    ("leg_extension", ""): {"kind": "pad", "hip_deg": 90, "knee_deg": [90, 0], "pad_m": 0.33, "direction": "extension"},
    ("lying_leg_curl", ""): {"kind": "pad", "hip_deg": 10, "knee_deg": [0, 110], "pad_m": 0.33,
                             "direction": "flexion", "thigh_deg": 180},
    ("seated_leg_curl", ""): {"kind": "pad", "hip_deg": 90, "knee_deg": [0, 100], "pad_m": 0.33, "direction": "flexion"},
    ("standing_calf_raise", ""): {"kind": "calf", "knee_deg": 0, "hip_deg": 0, "ankle_deg": [15, -25],
                                  "body_weight": True},
    ("seated_calf_raise", ""): {"kind": "calf", "knee_deg": 90, "hip_deg": 90, "ankle_deg": [15, -25]},
    ("romanian_deadlift", ""): hinge(20), ("stiff_legged_deadlift", ""): hinge(10),
    ("conventional_deadlift", ""): hinge(70), ("sumo_deadlift", ""): hinge(60), ("good_morning", ""): hinge(15, "high_bar"),
}


def trial_value(cache: dict[tuple[str, str], Computed], exercise: str, variant: str, muscle: str) -> float | None:
    """The engine's involvement for a muscle, falling back to the exercise's base description for variants the
    planar model cannot see (stance width); None where the exercise has no trial description."""
    key = (exercise, variant) if (exercise, variant) in TRIAL else (exercise, "")
    if key not in TRIAL:
        return None
    if key not in cache:
        cache[key] = analyse(TRIAL[key])
    return cache[key].muscles.get(muscle, (0.0, "", ""))[0]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="list the comparisons the engine misses")
    args = parser.parse_args()
    rows = es.load_rows()
    kb = load_yaml()
    for r in rows:  # descriptions already in the data replace the trial's
        for ex_id, variant in ((r.exercise_a, r.variant_a), (r.exercise_b, r.variant_b)):
            mech = kb.exercises[ex_id].mechanics
            if mech is not None:
                base = json.loads(mech)
                chosen = {k: v for k, v in es.parse_variant(variant).items() if k in base.get("variants", {})}
                TRIAL[(ex_id, variant)] = variant_params(base, chosen)
    scorer = es.Scorer(kb)
    cache: dict[tuple[str, str], Computed] = {}
    n = engine = curated = 0
    for r in rows:
        a = trial_value(cache, r.exercise_a, r.variant_a, r.muscle_a)
        b = trial_value(cache, r.exercise_b, r.variant_b, r.muscle_b)
        if a is None or b is None:
            continue
        n += 1
        hit = es.agrees(a, b, r.direction, es.EQUAL_TOLERANCE)
        engine += hit
        ca = scorer.value(r.exercise_a, r.variant_a, r.muscle_a)
        cb = scorer.value(r.exercise_b, r.variant_b, r.muscle_b)
        curated += es.agrees(ca, cb, r.direction, es.EQUAL_TOLERANCE)
        if args.verbose and not hit:
            print(f"  miss {r.id} {r.exercise_a}[{r.variant_a}] {r.muscle_a} {a:.2f} {r.direction} "
                  f"{r.exercise_b}[{r.variant_b}] {r.muscle_b} {b:.2f}")
    print(f"comparisons with trial descriptions on both sides: {n}")
    print(f"  mechanics engine (trial postures): {engine}/{n} = {100 * engine / max(n, 1):.1f}%")
    print(f"  knowledge base as shipped, same rows: {curated}/{n} = {100 * curated / max(n, 1):.1f}%")
    return 0


if __name__ == "__main__":
    sys.exit(main())
