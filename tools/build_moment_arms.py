"""Offline builder: muscle moment arms from MyoSuite's models, for the mechanics engine.

    pip install -e ".[physics-build]"      # mujoco and myo-sim, build-time only
    python tools/build_moment_arms.py      # writes src/musclemap/data/mechanics/leg_moment_arms.json
                                           # and arm_moment_arms.json

Leg (MyoLeg, after Rajagopal 2016):
For every right-leg muscle of the model and each sagittal joint it crosses (hip flexion, knee flexion, ankle
dorsiflexion, each positive in that direction as in the model), the moment arm r(theta) = -dL/dtheta is computed by
central differences of the muscle-tendon length L while the other two joints stay at the neutral standing pose.
MyoLeg's knee is a coupled joint: its translations and the patella follow polynomial functions of the knee angle
(joint equality constraints). Each pose therefore moves every dependent coordinate along that path before the
lengths are read, so the derivative is taken along the knee's real path rather than from one column of the
actuator-moment matrix.

The run also checks the separable length model that the runtime uses, L(h, k, a) ~ L0 + dL_h(h) + dL_k(k) +
dL_a(a), against the model's exact lengths at random poses, and stores the worst error.
Maximum isometric forces, optimal fibre lengths, tendon slack lengths and pennation are those of the model's
published update for deep hip and knee flexion (Rajagopal, Lai and Uhlrich 2023: Lai et al. 2017's refinement of
eleven muscles, as shipped with OpenCap, Uhlrich et al. 2023), read from ../shared/data/muscle-params.csv. With
Rajagopal et al.'s 2016 values the gluteus maximus fibres sit at 1.5-1.6 optimal lengths at 90 degrees of hip
flexion, where they keep about half their force; the update lengthens its tendons by 3-4 cm (fibres 1.25-1.35).

Arm (MyoArm, after MoBL-ARMS: Holzbaur 2005, Saul 2015): moment arms about elbow flexion, forearm pronation,
shoulder flexion (elevation in the sagittal plane), shoulder abduction (elevation in the frontal plane) and wrist
flexion, each swept from a base pose (arm at the side, elbow bent 90 degrees, forearm neutral). The shoulder's
scapulohumeral rhythm is a set of joint couplings in the model; like the knee's, they are followed at every pose.
Forces and fibre lengths are MoBL-ARMS 4.1's, from the same CSV.
"""

from __future__ import annotations

import csv
import json
import sys
import warnings
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "musclemap" / "data" / "mechanics" / "leg_moment_arms.json"
ARM_OUT = ROOT / "src" / "musclemap" / "data" / "mechanics" / "arm_moment_arms.json"
PARAMS = ROOT.parent / "shared" / "data" / "muscle-params.csv"

JOINTS = {"hip": "hip_flexion_r", "knee": "knee_angle_r", "ankle": "ankle_angle_r"}
# Off-plane hip axes: their moment arms are tabulated against hip flexion (the hip's posture changes them most), so
# the optimiser can keep the hip's frontal and transverse moments in balance too.
OFF_PLANE = {"hip_adduction": "hip_adduction_r", "hip_rotation": "hip_rotation_r"}
GRID_DEG = {
    "hip": list(range(-30, 121, 5)),
    "knee": list(range(0, 121, 5)),
    "ankle": list(range(-40, 56, 5)),
}
STEP = 1e-4  # rad, for central differences
# Muscle parameters of the leg: Rajagopal 2016 as updated for high flexion (Lai et al. 2017; Uhlrich et al. 2023).
LEG_PARAMS = "OpenSim_RajagopalLaiUhlrich2023"


# MyoLeg's converters removed these wrapping surfaces because the paths jumped in some poses; without them the
# gluteus maximus's upper bundles lose their hip-extension moment arm in flexion (glmax1 turns into a hip flexor
# past 105 degrees), which no anatomical study supports. The surfaces and their side sites are still in the model
# (Rajagopal et al. 2016's geometry); restore_wraps puts them back on the paths, and the sweeps are checked smooth.
# unit -> (wrapping geom, side site), right leg
RESTORED_WRAPS = {
    "glmax1": ("Gmax1_at_pelvis_wrap_r", "Gmax1_at_pelvis_site_glmax1_r"),
    "glmax2": ("Gmax2_at_pelvis_wrap_r", "Gmax2_at_pelvis_site_glmax2_r"),
}
MAX_JUMP_MM = 4.0  # largest change of a restored unit's moment arm between neighbouring grid points


def restore_wraps(spec) -> None:  # type: ignore[no-untyped-def]
    """Rebuild each listed tendon path as origin sites, the wrapping surface, insertion sites (in that order)."""
    for unit, (geom, side) in RESTORED_WRAPS.items():
        old = spec.tendon(f"{unit}_r_tendon")
        springlength, width, rgba = np.array(old.springlength), old.width, np.array(old.rgba)
        old.name = f"{unit}_r_tendon_unwrapped"
        new = spec.add_tendon(name=f"{unit}_r_tendon")
        new.springlength, new.width, new.rgba = springlength, width, rgba
        for site in ("P1", "P2"):
            new.wrap_site(f"{unit}-{site}_r")
        new.wrap_geom(geom, side)
        for site in ("P3", "P4"):
            new.wrap_site(f"{unit}-{site}_r")
        spec.delete(old)


def load_model(name: str = "myolegs"):  # type: ignore[no-untyped-def]
    import mujoco
    from myo_sim.build.compose import build_spec

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        spec = build_spec(name)
        if name == "myolegs":
            restore_wraps(spec)
        model = spec.compile()
    return mujoco, model


class Poser:
    """Sets named coordinates, with every coupled coordinate (knee, shoulder rhythm) on its constraint path."""

    def __init__(self, mujoco, model, coords: dict[str, str] | None = None) -> None:  # type: ignore[no-untyped-def]
        self.mj = mujoco
        self.coords = {**JOINTS, **OFF_PLANE} if coords is None else coords
        self.m = model
        self.d = mujoco.MjData(model)
        name = lambda t, i: mujoco.mj_id2name(model, t, i)  # noqa: E731
        self.jid = {name(mujoco.mjtObj.mjOBJ_JOINT, i): i for i in range(model.njnt)}
        self.couplings = []  # (dependent qpos address, driver qpos address, polynomial coefficients)
        for e in range(model.neq):
            if model.eq_type[e] == mujoco.mjtEq.mjEQ_JOINT:
                dep, drv = model.eq_obj1id[e], model.eq_obj2id[e]
                self.couplings.append((model.jnt_qposadr[dep], model.jnt_qposadr[drv], np.array(model.eq_data[e][:5])))
        self.muscles = [name(mujoco.mjtObj.mjOBJ_ACTUATOR, i) for i in range(model.nu)]

    def lengths(self, angles: dict[str, float]) -> np.ndarray:
        d, m = self.d, self.m
        d.qpos[:] = m.qpos0
        for joint, value in angles.items():
            d.qpos[m.jnt_qposadr[self.jid[self.coords[joint]]]] = value
        for dep, drv, c in self.couplings:
            x = d.qpos[drv] - m.qpos0[drv]
            d.qpos[dep] = m.qpos0[dep] + c[0] + c[1] * x + c[2] * x**2 + c[3] * x**3 + c[4] * x**4
        self.mj.mj_fwdPosition(m, d)
        return np.array(d.actuator_length, dtype=float)


def sweep(poser: Poser, pose0: dict[str, float], coord: str, grid_deg: list[int]) -> np.ndarray:
    """Moment arms r = -dL/dtheta (m) of every muscle along one coordinate, by central differences: grid x muscles."""
    rows = []
    for deg in grid_deg:
        theta = np.radians(deg)
        lo = poser.lengths({**pose0, coord: theta - STEP})
        hi = poser.lengths({**pose0, coord: theta + STEP})
        rows.append(-(hi - lo) / (2 * STEP))
    return np.array(rows)


def model_params(model: str) -> dict[str, tuple[float, float, float, float]]:
    """Per muscle of a model in the CSV: max isometric force (N), optimal fibre length, tendon slack length (m),
    pennation (deg)."""
    out = {}
    with PARAMS.open(newline="") as f:
        for row in csv.DictReader(f):
            if row["model"] == model:
                out[row["muscle"]] = (float(row["max_isometric_force_N"]), float(row["optimal_fiber_length_m"]),
                                      float(row["tendon_slack_length_m"]), float(row["pennation_angle_deg"]))
    return out


def muscle_entry(params: tuple[float, float, float, float], length_key: str, length: float,
                 arms: dict[str, list[float]]) -> dict[str, object]:
    """One muscle's record in a moment-arm table."""
    fmax, lopt, slack, pennation = params
    return {
        "max_isometric_force_n": fmax,
        "optimal_fiber_length_m": lopt,
        "tendon_slack_length_m": slack,
        "pennation_deg": pennation,
        length_key: round(length, 5),
        "moment_arm_mm": arms,
    }


def segments(poser: Poser) -> dict[str, float]:
    """Segment lengths of the model at the neutral pose: hip-knee, knee-ankle joint centres, and the foot."""
    mj, m, d = poser.mj, poser.m, poser.d
    poser.lengths({"hip": 0.0, "knee": 0.0, "ankle": 0.0})

    def centre(joint: str) -> np.ndarray:
        return np.array(d.xanchor[mj.mj_name2id(m, mj.mjtObj.mjOBJ_JOINT, joint)])

    hip, knee, ankle, mtp = (centre(j) for j in ("hip_flexion_r", "knee_angle_r", "ankle_angle_r", "mtp_angle_r"))
    return {
        "thigh": round(float(np.linalg.norm(hip - knee)), 4),
        "shank": round(float(np.linalg.norm(knee - ankle)), 4),
        "ankle_to_mtp": round(float(np.linalg.norm((mtp - ankle)[:2])), 4),
    }


def main() -> int:
    mujoco, model = load_model()
    poser = Poser(mujoco, model)
    params = model_params(LEG_PARAMS)
    right = [i for i, n in enumerate(poser.muscles) if n.endswith("_r")]
    neutral = {"hip": 0.0, "knee": 0.0, "ankle": 0.0}
    l_ref = poser.lengths(neutral)

    arms = {joint: sweep(poser, neutral, joint, grid) for joint, grid in GRID_DEG.items()}
    for unit in RESTORED_WRAPS:
        jump = float(np.abs(np.diff(arms["hip"][:, poser.muscles.index(f"{unit}_r")])).max()) * 1000
        if jump > MAX_JUMP_MM:
            raise SystemExit(f"{unit}: restored wrapping path jumps by {jump:.1f} mm between grid points")
    # off-plane axes: the moment arm about the axis at zero, tabulated against hip flexion
    off_plane = {axis: np.array([sweep(poser, {**neutral, "hip": np.radians(deg)}, axis, [0])[0]
                                 for deg in GRID_DEG["hip"]]) for axis in OFF_PLANE}

    def separable_length(idx: int, pose: dict[str, float]) -> float:
        total = l_ref[idx]
        for joint, grid in GRID_DEG.items():
            g = np.radians(grid)
            r = arms[joint][:, idx]
            # L(theta) - L(0) = -integral of r from 0 to theta (trapezoid on a fine resampling)
            fine = np.linspace(0.0, pose[joint], 200)
            total -= np.trapezoid(np.interp(fine, g, r), fine)
        return float(total)

    rng = np.random.default_rng(1)
    worst = 0.0
    for _ in range(200):
        pose = {j: float(np.radians(rng.uniform(GRID_DEG[j][0], GRID_DEG[j][-1]))) for j in GRID_DEG}
        exact = poser.lengths(pose)
        for idx in right:
            worst = max(worst, abs(separable_length(idx, pose) - exact[idx]))

    muscles = {}
    for idx in right:
        name = poser.muscles[idx]
        crossed = {j: [round(float(v) * 1000, 2) for v in arms[j][:, idx]] for j in GRID_DEG
                   if np.max(np.abs(arms[j][:, idx])) > 1e-3}
        if "hip" in crossed:
            for axis, table in off_plane.items():
                crossed[axis] = [round(float(v) * 1000, 2) for v in table[:, idx]]
        if not crossed or name not in params:
            continue
        muscles[name.removesuffix("_r")] = muscle_entry(params[name], "length_neutral_m", float(l_ref[idx]), crossed)
    doc = {
        "about": "Moment arms (mm) of the right leg's muscles, r = -dL/dtheta along the coupled knee path, each "
                 "sagittal joint swept with the others at the neutral standing pose. Angles in degrees: hip flexion, "
                 "knee flexion and ankle dorsiflexion positive. A positive moment arm turns the joint in its "
                 "positive direction (a knee extensor has a negative knee moment arm). hip_adduction and "
                 "hip_rotation (internal positive, adduction positive) are tabulated against hip flexion, on the "
                 "hip grid.",
        "model": "MyoSuite MyoLeg (myo-sim 0.2.3, Apache-2.0), converted from Rajagopal et al. 2016, with the "
                 "model's gluteus maximus wrapping surfaces (glmax1, glmax2) restored on the paths",
        "forces": ("max isometric force, optimal fibre length, tendon slack length and pennation: Rajagopal et al. "
                   "2016 as updated for deep hip and knee flexion by Lai et al. 2017 (OpenSim model "
                   "RajagopalLaiUhlrich2023, Uhlrich et al. 2023)"),
        "sources": ["rajagopal2016", "lai2017", "uhlrich2023", "caggiano2022"],
        "separable_length_max_error_mm": round(worst * 1000, 2),
        "grid_deg": GRID_DEG,
        "segments_m": segments(poser),
        "muscles": muscles,
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(doc, separators=(",", ":"), sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({len(muscles)} muscles; separable length error <= {worst * 1000:.2f} mm)")
    return 0


ARM_COORDS = {"elevation_plane": "elv_angle_r", "elevation": "shoulder_elv_r", "elbow": "elbow_flexion_r",
              "forearm": "pro_sup_r", "wrist": "flexion_r"}
ARM_BASE = {"elevation_plane": 0.0, "elevation": 0.0, "elbow": 90.0, "forearm": 0.0, "wrist": 0.0}
# axis -> (coordinate swept, its grid in degrees, base-pose overrides)
ARM_SWEEPS: dict[str, tuple[str, list[int], dict[str, float]]] = {
    "elbow": ("elbow", list(range(0, 131, 5)), {}),
    "forearm": ("forearm", list(range(-80, 81, 5)), {}),
    "shoulder_flexion": ("elevation", list(range(0, 151, 5)), {"elevation_plane": 90.0}),
    "shoulder_abduction": ("elevation", list(range(0, 151, 5)), {"elevation_plane": 0.0}),
    "wrist": ("wrist", list(range(-40, 41, 5)), {}),
}
# MyoArm names -> MoBL-ARMS 4.1 names where they differ (finger flexors and extensors by digit)
ARM_PARAM_NAMES = {f"{m}{d}": f"{m}{x}" for m in ("FDS", "FDP", "EDC") for d, x in zip("5432", "LRMI")}


def build_arm() -> str:
    mujoco, model = load_model("myoarm_r")
    poser = Poser(mujoco, model, ARM_COORDS)
    params = model_params("OpenSim_MoBL_ARMS_41")
    base = {k: np.radians(v) for k, v in ARM_BASE.items()}
    l_ref = poser.lengths(base)
    tables = {axis: sweep(poser, {**base, **{k: np.radians(v) for k, v in overrides.items()}}, coord, grid)
              for axis, (coord, grid, overrides) in ARM_SWEEPS.items()}
    muscles = {}
    for idx, name in enumerate(poser.muscles):
        key = ARM_PARAM_NAMES.get(name, name)
        crossed = {a: [round(float(v) * 1000, 2) for v in t[:, idx]] for a, t in tables.items()
                   if np.max(np.abs(t[:, idx])) > 1e-3}
        if not crossed or key not in params:
            continue
        muscles[name] = muscle_entry(params[key], "length_base_m", float(l_ref[idx]), crossed)
    doc = {
        "about": "Moment arms (mm) of the right arm's muscles, r = -dL/dtheta, each axis swept from the base pose "
                 "(arm at the side, elbow flexed 90 degrees, forearm and wrist neutral) with the model's shoulder "
                 "couplings followed. Positive: elbow flexion, forearm pronation, shoulder flexion (elevation in "
                 "the sagittal plane), shoulder abduction (elevation in the frontal plane), wrist flexion, as the "
                 "model's coordinates run.",
        "model": "MyoSuite MyoArm (myo-sim 0.2.3, Apache-2.0), after MoBL-ARMS (Holzbaur 2005, Saul 2015)",
        "forces": "max isometric force and optimal fibre length: MoBL-ARMS 4.1 (OpenSim model)",
        "sources": ["holzbaur2005", "caggiano2022"],
        "base_pose_deg": ARM_BASE,
        "grid_deg": {a: g for a, (_c, g, _o) in ARM_SWEEPS.items()},
        "muscles": muscles,
    }
    ARM_OUT.write_text(json.dumps(doc, separators=(",", ":"), sort_keys=True) + "\n", encoding="utf-8")
    return f"wrote {ARM_OUT} ({len(muscles)} muscles)"


if __name__ == "__main__":
    code = main()
    print(build_arm())
    sys.exit(code)
