"""Involvement from mechanics: for each exercise (and variant) with a mechanics description, the net joint
moments over the range of motion, the one-repetition maximum, and each muscle's mean activation at 75 % of it.

Steps (docs/mechanics.md):
1. postures and joint moments per kg of load (statics.py);
2. muscle force capacities and moment arms at each posture (muscles.py);
3. static optimisation at a load, with a co-activation floor for two-joint muscles (below);
4. 1RM: the load at which the first muscle saturates somewhere in the range (bisection);
5. involvement: mean activation over the range at 75 % of that load (over the load's path), per knowledge-base muscle;
6. roles from thresholds, and each muscle's main driver in one line.

Pure static optimisation silences a two-joint muscle whenever it opposes the net moment at one of its joints (the
hamstrings in a leg press, which extend the hip but flex the knee). EMG shows such muscles quieter but not silent.
Here every muscle that helps the net moment at one active joint gets an activation floor: CO_ACTIVATION times the
mean activation of the one-joint muscles that help at that joint (shared neural drive to synergists). The antagonist
moment this creates is then carried by the other muscles. CO_ACTIVATION and EMG_GAIN (below) are the model's two
global parameters.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, NamedTuple

import numpy as np

from . import statics
from ..model import Computed, combo_key

if TYPE_CHECKING:
    from ..kb import KnowledgeBase
from .body import BODY_MASS_KG
from .muscles import MuscleSet, muscles_of
from .optimize import RESERVE_WEIGHT, solve

CO_ACTIVATION = 0.3
# Static mean activation -> involvement (EMG as a share of maximal voluntary effort): statics leaves out the
# acceleration a lifter gives the load and the fatigue of a hard set, both of which raise EMG above the static
# estimate. One global factor, fitted on the evidence table (benchmarks/fit_engine.py, which also reports its
# leave-one-study-out score).
EMG_GAIN = 1.25
# Off-plane hip moments (when a posture asks for them) are balanced softly: ligaments, the other leg and the seat
# can take some, so a reserve there costs about as much as one muscle's activation per OFF_PLANE_SCALE N m.
OFF_PLANE_SCALE = 30.0
WORKING_FRACTION = 0.75  # involvement is defined at 75 % of the one-repetition maximum
TARGET_RATIO = 0.8  # a target is within this fraction of the most involved computed muscle that moves the load
# A joint moves when its angle changes by at least this much over the range. A muscle whose main work is at a joint
# that does not move holds that joint still against the load, which is what a stabilizer does, however busy it is
# (the anterior deltoid holding the upper arm in a strict curl).
MOVING_MIN_DEG = 10.0
SYNERGIST_MIN = 0.05  # a muscle that helps move the load at this level or more is a synergist
# A two-joint muscle is a dynamic stabilizer when it lengthens at one active joint while it shortens at the other
# and the smaller change is at least this share of the larger (ExRx: "no significant difference in length").
DYNAMIC_CANCEL = 1 / 3
REPORT_MIN = 0.03  # computed muscles below this are left out of the answer

ACTION_NAMES = {
    ("hip", -1): "extends the hip", ("hip", 1): "flexes the hip",
    ("knee", -1): "extends the knee", ("knee", 1): "flexes the knee",
    ("ankle", -1): "plantarflexes the ankle", ("ankle", 1): "dorsiflexes the ankle",
    ("shoulder_flexion", 1): "raises the arm forward", ("shoulder_flexion", -1): "pulls the arm down and back",
    ("shoulder_abduction", 1): "raises the arm out to the side",
    ("shoulder_abduction", -1): "pulls the arm in to the side",
    ("elbow", 1): "bends the elbow", ("elbow", -1): "straightens the elbow",
    ("forearm", 1): "turns the palm down", ("forearm", -1): "turns the palm up",
    ("wrist", 1): "bends the wrist toward the palm", ("wrist", -1): "bends the wrist back",
}
ANGLE_NAMES = {"hip": "hip flexion", "knee": "knee flexion", "ankle": "ankle dorsiflexion",
               "shoulder_flexion": "shoulder flexion", "shoulder_abduction": "shoulder abduction",
               "elbow": "elbow flexion", "forearm": "pronation", "wrist": "wrist flexion"}
# What a muscle holds still when its main work is at a joint that does not move
HELD_NAMES = {"hip": "the hip", "knee": "the knee", "ankle": "the ankle", "shoulder_flexion": "the upper arm",
              "shoulder_abduction": "the upper arm", "elbow": "the elbow", "forearm": "the forearm",
              "wrist": "the wrist"}
HELD_NET_MIN = 0.5  # N m: below this the load makes no moment at a held joint
# Each axis's net moment in `show --json`: the joint it is reported under, and the names of its two directions
# (positive first).
MOMENT_NAMES = {
    "hip": ("hip", "flexion", "extension"), "knee": ("knee", "flexion", "extension"),
    "ankle": ("ankle", "dorsiflexion", "plantarflexion"),
    "shoulder_flexion": ("shoulder", "flexion", "extension"),
    "shoulder_abduction": ("shoulder", "abduction", "adduction"),
    "elbow": ("elbow", "flexion", "extension"), "wrist": ("wrist", "flexion", "extension"),
}


class _Setup(NamedTuple):
    phases: list[statics.Phase]
    a_mats: list[np.ndarray]  # per phase: balanced axes x muscles (the active axes, then the soft ones)
    arms: list[np.ndarray]  # per phase: all the limb's axes x muscles (m)
    caps: list[np.ndarray]


def _setup(params: Mapping[str, Any], ms: MuscleSet) -> _Setup:
    phases = statics.phases_for(dict(params))
    a_mats, arms, caps = [], [], []
    for ph in phases:
        r = ms.moment_arms(ph.pose)
        cap = ms.force_capacity(ph.pose)
        rows = [ms.axes.index(j) for j in _balanced(ph)]
        a_mats.append(r[rows] * cap)
        arms.append(r)
        caps.append(cap)
    return _Setup(phases, a_mats, arms, caps)


def _balanced(ph: statics.Phase) -> tuple[str, ...]:
    """The axes the muscles must balance: the active ones, then those held softly near zero."""
    return ph.active + ph.soft


def _required(ph: statics.Phase, load: float) -> np.ndarray:
    return np.array([ph.per_kg.get(j, 0.0) * load + ph.body.get(j, 0.0) for j in _balanced(ph)])


def _activations(setup: _Setup, ms: MuscleSet, load: float, co: float) -> list[tuple[np.ndarray, np.ndarray]]:
    out = []
    one_joint, weights = ms.one_joint, ms.volume_weights
    for ph, a_mat in zip(setup.phases, setup.a_mats):
        need = _required(ph, load)
        reserve = np.array([RESERVE_WEIGHT if j in ph.active else OFF_PLANE_SCALE ** -2 for j in _balanced(ph)])
        first = solve(a_mat, need, reserve_weight=reserve, weights=weights)
        if co > 0:
            lower = np.zeros(len(ms.names))
            for row, _j in enumerate(ph.active):  # the floor follows the sagittal joints only
                helps = a_mat[row] * np.sign(need[row]) > 1e-6
                agonists = helps & one_joint
                if not agonists.any():
                    continue
                drive = float(np.average(first.activation[agonists], weights=ms.fmax[agonists]))
                lower = np.maximum(lower, np.where(helps & ~one_joint, co * drive, 0.0))
            sol = solve(a_mat, need, lower, reserve_weight=reserve, weights=weights)
        else:
            sol = first
        out.append((sol.activation, sol.reserve[: len(ph.active)]))
    return out


def _saturated(acts: list[tuple[np.ndarray, np.ndarray]]) -> bool:
    """A muscle at full activation, or a sagittal moment the muscles cannot make (off-plane reserves excluded)."""
    return any(a.max() >= 0.999 or (r.size and np.abs(r).max() > 1.0) for a, r in acts)


def one_rep_max(setup: _Setup, ms: MuscleSet, co: float) -> float:
    """The external load (kg) at which the first muscle saturates somewhere in the range."""
    if _saturated(_activations(setup, ms, 0.0, co)):
        return 0.0
    hi = 20.0
    while not _saturated(_activations(setup, ms, hi, co)) and hi < 5000:
        hi *= 2
    lo = hi / 2 if hi > 20.0 else 0.0
    for _ in range(18):
        mid = (lo + hi) / 2
        if _saturated(_activations(setup, ms, mid, co)):
            hi = mid
        else:
            lo = mid
    return lo


Work = tuple[dict[str, float], dict[str, list[float]]]


def _work(idx: list[int], setup: _Setup, ms: MuscleSet, acts: list[tuple[np.ndarray, np.ndarray]]) -> Work:
    """The moment a muscle makes at each active axis, summed over the range and per phase."""
    contrib = {j: 0.0 for ph in setup.phases for j in ph.active}
    per_phase: dict[str, list[float]] = {j: [] for j in contrib}
    for (a, _r), arms, cap, ph in zip(acts, setup.arms, setup.caps, setup.phases):
        for j in contrib:
            row = ms.axes.index(j)
            moment = float(sum(arms[row, i] * cap[i] * a[i] for i in idx)) if j in ph.active else 0.0
            contrib[j] += moment
            per_phase[j].append(moment)
    return contrib, per_phase


def _busiest(contrib: dict[str, float]) -> str:
    """The axis where a muscle does most of its work."""
    return max(contrib, key=lambda j: abs(contrib[j]))


def _driver(idx: list[int], setup: _Setup, ms: MuscleSet, work: Work, context: str, moving: set[str],
            load: float) -> str:
    """One line on what drives a muscle here: its main action, where in the range it works hardest and where its
    moment arm peaks. At a joint that does not move, the action holds the joint still."""
    contrib, per_phase = work
    joint = _busiest(contrib)
    if abs(contrib[joint]) < 1e-9:
        return "Works only a little here: none of its actions is needed against the load."
    sign = 1 if contrib[joint] > 0 else -1
    action = ACTION_NAMES[(joint, sign)]
    # where in the range it works hardest at that joint, and where its moment arm peaks
    hardest = int(np.argmax([sign * v for v in per_phase[joint]]))
    at = int(round(setup.phases[hardest].pose[joint] / 5.0) * 5)
    grid = np.degrees(ms.grid[joint])
    arm = (sign * ms.arms[joint][:, idx]).mean(axis=1)  # the moment arm in the direction it acts here
    peak = int(round(float(grid[int(np.argmax(arm))]) / 5.0) * 5)
    if joint in moving or not moving:
        return (f"{action.capitalize()} {context}, hardest near {at} degrees of {ANGLE_NAMES[joint]}; its moment "
                f"arm peaks near {peak} degrees.")
    # a held joint: say where in the movement (the joint that moves most) the holding is hardest
    mover = max(moving, key=lambda j: max(ph.pose[j] for ph in setup.phases) - min(ph.pose[j] for ph in setup.phases))
    at = int(round(setup.phases[hardest].pose[mover] / 5.0) * 5)
    net = [abs(float(_required(ph, load)[list(_balanced(ph)).index(joint)])) for ph in setup.phases
           if joint in ph.active]
    if max(net, default=0.0) < HELD_NET_MIN:  # the load makes no moment there: it balances other muscles' pull
        context = "against the other muscles' pull"
    return (f"Holds {HELD_NAMES[joint]} still {context} ({action}), hardest near {at} degrees of "
            f"{ANGLE_NAMES[mover]}; its moment arm peaks near {peak} degrees of {ANGLE_NAMES[joint]}.")


class Raw(NamedTuple):
    """The gain-independent part of an analysis: mean activations per knowledge-base muscle at 75 % of 1RM."""

    params: Mapping[str, Any]
    model: str
    setup: _Setup
    acts: list[tuple[np.ndarray, np.ndarray]]
    mean: dict[str, float]  # kb muscle id -> F_max-weighted mean activation of its units
    groups: dict[str, list[int]]
    one_rm: float
    load: float


def raw_analysis(params: Mapping[str, Any], co: float = CO_ACTIVATION, ms: MuscleSet | None = None) -> Raw:
    """Static optimisation over the range at 75 % of the 1RM, with the co-activation floor `co`."""
    model = statics.model_of(dict(params))
    ms = muscles_of(model) if ms is None else ms
    setup = _setup(params, ms)
    one_rm = one_rep_max(setup, ms, co)
    load = WORKING_FRACTION * one_rm
    acts = _activations(setup, ms, load, co)
    mean_act = np.average([a for a, _r in acts], axis=0, weights=statics.travel_weights(setup.phases))
    groups: dict[str, list[int]] = {}
    for i, kb_id in enumerate(ms.kb_ids):
        if kb_id is not None:
            groups.setdefault(kb_id, []).append(i)
    mean = {k: float(np.average(mean_act[idx], weights=ms.fmax[idx])) for k, idx in groups.items()}
    return Raw(params, model, setup, acts, mean, groups, one_rm, load)


def finish(raw: Raw, gain: float = EMG_GAIN, ms: MuscleSet | None = None) -> Computed:
    """Involvement (gain x mean activation, at most 1), roles and drivers from a raw analysis."""
    ms = muscles_of(raw.model) if ms is None else ms
    setup = raw.setup
    involvement = {k: min(1.0, gain * v) for k, v in raw.mean.items()}
    active = {j for ph in setup.phases for j in ph.active}
    moving = _moving(setup)
    work = {k: _work(idx, setup, ms, raw.acts) for k, idx in raw.groups.items()}
    holds = {k for k, (contrib, _per_phase) in work.items() if moving and _busiest(contrib) not in moving}
    movers = [v for k, v in involvement.items() if k not in holds]
    top = max(movers or involvement.values())
    first, last = setup.phases[0].pose, setup.phases[-1].pose
    context = str(raw.params.get("against", "against the load"))
    muscles: dict[str, tuple[float, str, str]] = {}
    for kb_id, idx in raw.groups.items():
        value = round(involvement[kb_id], 3)
        if value < REPORT_MIN:
            continue
        if kb_id in holds:
            role = "stabilizer"
        else:
            role = _role(idx, value, top, ms, setup, active, first, last)
        muscles[kb_id] = (value, role, _driver(idx, setup, ms, work[kb_id], context, moving, raw.load))
    return Computed(muscles, _joint_moments(setup.phases, raw.load), round(raw.one_rm, 1), round(raw.load, 1), raw.model,
                    str(raw.params.get("load_unit", "load")))


def analyse(params: Mapping[str, Any], co: float = CO_ACTIVATION, ms: MuscleSet | None = None,
            gain: float = EMG_GAIN) -> Computed:
    """Run the whole pipeline for one mechanics description."""
    return finish(raw_analysis(params, co, ms), gain, ms)


def _role(idx: list[int], value: float, top: float, ms: MuscleSet, setup: _Setup, active: set[str],
          first: dict[str, float], last: dict[str, float]) -> str:
    if value >= TARGET_RATIO * top:
        return "target"
    crossed = [j for j in ms.axes if j in active and (np.abs(ms.arms[j][:, idx]) > 1e-3).any()]
    if len({ms.joint_of[j] for j in crossed}) >= 2:
        # length change over the range, split by joint (moment arm times angle change, both joints' shares)
        parts = []
        for j in crossed:
            r = float(np.mean([arms[ms.axes.index(j), idx].mean() for arms in setup.arms]))
            parts.append(-r * math.radians(last[j] - first[j]))
        if min(parts) < 0 < max(parts) and min(abs(p) for p in parts) >= DYNAMIC_CANCEL * max(abs(p) for p in parts):
            return "dynamic_stabilizer"
    if value >= SYNERGIST_MIN and _helps_the_movement(idx, setup, ms):
        return "synergist"
    return "stabilizer"


def _moving(setup: _Setup) -> set[str]:
    """The active axes whose angle changes by at least MOVING_MIN_DEG over the range."""
    out = set()
    for j in {j for ph in setup.phases for j in ph.active}:
        angles = [ph.pose[j] for ph in setup.phases if j in ph.pose]
        if angles and max(angles) - min(angles) >= MOVING_MIN_DEG:
            out.add(j)
    return out


def _helps_the_movement(idx: list[int], setup: _Setup, ms: MuscleSet) -> bool:
    """Whether the muscle's largest sagittal contribution (over the range, per unit activation) turns its joint the
    way the net moment there does: it then helps move the load; otherwise it only holds or balances."""
    best, helps = 0.0, False
    for j in ms.axes:
        net = sum(ph.per_kg.get(j, 0.0) for ph in setup.phases if j in ph.active)
        if net == 0.0:
            continue
        row = ms.axes.index(j)
        contrib = float(sum((arms[row, idx] * cap[idx]).sum() for arms, cap in zip(setup.arms, setup.caps)))
        if abs(contrib) > best:
            best, helps = abs(contrib), contrib * net > 0
    return helps


def _joint_moments(phases: list[statics.Phase], load: float) -> tuple[tuple[str, float, float, str], ...]:
    """Each axis's peak and mean net moment over the range (the mean over the load's path, as for involvement)."""
    out = []
    weights = statics.travel_weights(phases)
    for axis, (joint, positive, negative) in MOMENT_NAMES.items():
        pairs = [(ph.per_kg[axis] * load + ph.body[axis], w) for ph, w in zip(phases, weights) if axis in ph.active]
        if not pairs:
            continue
        values = [v for v, _w in pairs]
        peak = max(values, key=abs)
        mean = float(np.average(values, weights=[w for _v, w in pairs]))
        out.append((joint, round(abs(peak), 1), round(abs(mean), 1), positive if peak > 0 else negative))
    lumbar = [ph.lumbar_per_kg * load + ph.lumbar_body for ph in phases]
    if any(abs(v) > 0 for v in lumbar):
        peak = max(lumbar, key=abs)
        out.append(("lumbar_spine", round(abs(peak), 1), round(abs(float(np.average(lumbar, weights=weights))), 1),
                    "extension" if peak > 0 else "flexion"))
    return tuple(out)


def variant_params(base: Mapping[str, Any], chosen: Mapping[str, str]) -> dict[str, Any]:
    """The mechanics parameters with the overrides of the chosen variant values applied."""
    params = {k: v for k, v in base.items() if k != "variants"}
    for key, value in sorted(chosen.items()):
        params.update(base.get("variants", {}).get(key, {}).get(value, {}))
    return params


def mechanical_keys(base: Mapping[str, Any]) -> tuple[str, ...]:
    """The variant keys that change the mechanics (the rest shift involvement by curated amounts)."""
    return tuple(sorted(base.get("variants", {})))


def compute_all(kb: KnowledgeBase, co: float = CO_ACTIVATION, gain: float = EMG_GAIN) -> dict[str, Computed]:
    """The engine's answers for every exercise with a mechanics description, at every mechanical variant, and the
    joint moments of every exercise with a statics description."""
    return {**{key: finish(raw, gain) for key, raw in raw_all(kb, co).items()}, **statics_all(kb)}


def moments_only(params: Mapping[str, Any]) -> Computed:
    """The net joint moments of a statics description at its stated load (`at_kg`, the reference adult's body mass
    by default); the muscles are not solved for, so their numbers stay curated."""
    phases = statics.phases_for(dict(params))
    load = float(params.get("at_kg", BODY_MASS_KG))
    moments = _joint_moments(phases, load)
    if "report" in params:  # the joints whose moments the posture model gets right (a bridge's knee it does not)
        moments = tuple(jm for jm in moments if jm[0] in params["report"])
    return Computed({}, moments, 0.0, load, statics.model_of(dict(params)), str(params.get("load_unit", "load")),
                    shares=False)


def statics_all(kb: KnowledgeBase) -> dict[str, Computed]:
    """Joint moments of every exercise with a statics description, at every combination of its variants there."""
    out: dict[str, Computed] = {}
    for ex in kb.exercises.values():
        if ex.statics is None:
            continue
        base = json.loads(ex.statics)
        out.update({combo_key(ex.id, c): moments_only(variant_params(base, c))
                    for c in _combos(base, ((v.key, v.value_names()) for v in ex.variants))})
    return out


def raw_all(kb: KnowledgeBase, co: float = CO_ACTIVATION) -> dict[str, Raw]:
    """Raw analyses of every exercise with a mechanics description, at every mechanical variant."""
    out: dict[str, Raw] = {}
    # Catalogue exercises that differ from their anchor only by a pause, a tempo or one arm at a time share its
    # description, so each distinct description is analysed once.
    done: dict[tuple[str, tuple[tuple[str, tuple[str, ...]], ...]], tuple[str, dict[str, Raw]]] = {}
    for ex in kb.exercises.values():
        if ex.mechanics is None:
            continue
        variants = tuple((v.key, v.value_names()) for v in ex.variants)
        key = (ex.mechanics, variants)
        if key not in done:
            done[key] = (ex.id, raw_exercise(ex.id, ex.mechanics, variants, co))
        first, raws = done[key]
        out.update({ex.id + k[len(first):]: r for k, r in raws.items()})
    return out


def raw_exercise(exercise_id: str, mechanics_json: str, variants: Iterable[tuple[str, tuple[str, ...]]],
                 co: float = CO_ACTIVATION) -> dict[str, Raw]:
    """Raw analyses of every combination of an exercise's mechanical variants."""
    base = json.loads(mechanics_json)
    return {combo_key(exercise_id, c): raw_analysis(variant_params(base, c), co) for c in _combos(base, variants)}


def _combos(base: Mapping[str, Any], variants: Iterable[tuple[str, tuple[str, ...]]]) -> list[dict[str, str]]:
    """Every combination of the values of a description's mechanical variant keys."""
    keys = mechanical_keys(base)
    values = {k: v for k, v in variants if k in keys}
    combos: list[dict[str, str]] = [{}]
    for k in keys:
        combos = [{**c, k: v} for c in combos for v in values[k]]
    return combos
