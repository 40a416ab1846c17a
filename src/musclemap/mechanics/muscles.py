"""Muscle-tendon units of a limb: moment arms and lengths as functions of the joint angles.

Built offline from MyoSuite's models (tools/build_moment_arms.py) and shipped as small JSON tables: the leg from
MyoLeg (leg_moment_arms.json), the arm from MyoArm (arm_moment_arms.json). Lengths use the separable model
L = L_base - sum_j integral_{base_j}^{theta_j} r_j, whose worst error the builder records for the leg. Beyond the
end of a table a moment arm keeps its last value (the length then changes linearly).
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np

from ..model import ENGINE_UNITS

# Thelen 2003: active force-length curve exp(-(l - 1)^2 / gamma) with gamma = 0.45.
FORCE_LENGTH_GAMMA = 0.45
# Tendon strain at maximum isometric force: 3.3 %, the default of OpenSim's implementation of Thelen's (2003) muscle
# (its FmaxTendonStrain property).
TENDON_STRAIN_AT_FMAX = 0.033
TENDON_ITERATIONS = 4


class Model(NamedTuple):
    """How one limb's table is laid out: its axes, which anatomical joint each belongs to, and the grid each axis
    is tabulated against."""

    file: str
    joints: dict[str, tuple[str, ...]]  # anatomical joint -> its axes (a muscle crossing any of them crosses it)
    along: dict[str, str]  # axis -> the grid it is tabulated against (itself unless named here)
    length_axes: tuple[str, ...]  # axes whose angle changes the muscle-tendon length
    base_key: str  # the muscle field with the length at the base pose
    base_pose: dict[str, float]  # degrees; axes not named are at 0


# The leg's off-plane hip axes, tabulated against hip flexion: a symmetric two-legged lift needs no net hip
# adduction or rotation moment, so postures may balance these at zero (a planar model would otherwise let the
# adductors extend the hip "for free").
LEG_OFF_PLANE: tuple[str, ...] = ("hip_adduction", "hip_rotation")

MODELS: dict[str, Model] = {
    "leg": Model(
        "leg_moment_arms.json",
        {"hip": ("hip", *LEG_OFF_PLANE), "knee": ("knee",), "ankle": ("ankle",)},
        {axis: "hip" for axis in LEG_OFF_PLANE},
        ("hip", "knee", "ankle"), "length_neutral_m", {},
    ),
    "arm": Model(
        "arm_moment_arms.json",
        {"shoulder": ("shoulder_flexion", "shoulder_abduction"), "elbow": ("elbow", "forearm"), "wrist": ("wrist",)},
        {},
        ("shoulder_flexion", "shoulder_abduction", "elbow", "forearm", "wrist"), "length_base_m", {"elbow": 90.0},
    ),
}


def table_path(model: str = "leg") -> Path:
    return Path(__file__).resolve().parents[1] / "data" / "mechanics" / MODELS[model].file


def _interp_index(grid: np.ndarray, theta: float) -> tuple[int, float]:
    idx = int(np.clip(np.searchsorted(grid, theta) - 1, 0, len(grid) - 2))
    return idx, float((theta - grid[idx]) / (grid[idx + 1] - grid[idx]))


class MuscleSet:
    """One limb's muscle-tendon units, with vectorised moment arms (m) and lengths at any pose."""

    def __init__(self, doc: dict[str, Any], model: Model, units: dict[str, str]) -> None:
        self.model = model
        self.names: list[str] = sorted(doc["muscles"])
        mus = doc["muscles"]
        # the axes that set the length first (the leg's sagittal joints), then the others (off-plane)
        others = tuple(a for axes in model.joints.values() for a in axes if a not in model.length_axes)
        self.axes: tuple[str, ...] = model.length_axes + others
        self.fmax = np.array([mus[n]["max_isometric_force_n"] for n in self.names])
        self.lopt = np.array([mus[n]["optimal_fiber_length_m"] for n in self.names])
        self.slack = np.array([mus[n]["tendon_slack_length_m"] for n in self.names])
        self.cos_pennation = np.cos(np.radians([mus[n]["pennation_deg"] for n in self.names]))
        self.l0 = np.array([mus[n][model.base_key] for n in self.names])
        self.grid = {a: np.radians(np.array(doc["grid_deg"][model.along.get(a, a)], dtype=float)) for a in self.axes}
        # arms[axis]: grid x muscles, in metres; zero where the muscle does not act about the axis
        self.arms: dict[str, np.ndarray] = {}
        for a in self.axes:
            table = np.zeros((len(self.grid[a]), len(self.names)))
            for i, n in enumerate(self.names):
                values = mus[n]["moment_arm_mm"].get(a)
                if values is not None:
                    table[:, i] = np.array(values) / 1000.0
            self.arms[a] = table
        # cumulative integral of r over each length axis's grid, zero at the base pose
        self.cum: dict[str, np.ndarray] = {}
        for a in model.length_axes:
            g, r = self.grid[a], self.arms[a]
            steps = np.diff(g)[:, None] * (r[1:] + r[:-1]) / 2
            cum = np.vstack([np.zeros(len(self.names)), np.cumsum(steps, axis=0)])
            self.cum[a] = cum - self._integral(a, cum, math.radians(model.base_pose.get(a, 0.0)))
        self.kb_ids = [units.get(n) for n in self.names]
        self.crosses = {j: np.any([np.abs(self.arms[a]).max(axis=0) > 1e-3 for a in axes], axis=0)
                        for j, axes in model.joints.items()}
        self.joint_of = {a: j for j, axes in model.joints.items() for a in axes}
        # fixed per muscle set, used by every solve: which units cross one joint only, and the volume weights
        self.one_joint = sum(c.astype(int) for c in self.crosses.values()) == 1
        volume = self.fmax * self.lopt
        self.volume_weights = volume / volume.mean()

    def _integral(self, axis: str, cum: np.ndarray, theta: float) -> np.ndarray:
        """The integral of r up to theta, per muscle: the tabulated cumulative integral, interpolated; past either end
        of the grid the end moment arm carries on."""
        g, r = self.grid[axis], self.arms[axis]
        out: np.ndarray
        if theta <= g[0]:
            out = cum[0] + r[0] * (theta - g[0])
        elif theta >= g[-1]:
            out = cum[-1] + r[-1] * (theta - g[-1])
        else:
            idx, w = _interp_index(g, theta)
            out = cum[idx] * (1 - w) + cum[idx + 1] * w
        return out

    def pose_of(self, pose: dict[str, float]) -> dict[str, float]:
        """A full pose: the base pose with the given axes (degrees) set."""
        return {**{a: self.model.base_pose.get(a, 0.0) for a in self.axes}, **pose}

    def moment_arms(self, pose: dict[str, float]) -> np.ndarray:
        """Axes (self.axes order) x muscles matrix of moment arms (m) at a pose given in degrees."""
        full = self.pose_of(pose)
        rows = []
        for a in self.axes:
            theta = math.radians(full[self.model.along.get(a, a)])
            idx, w = _interp_index(self.grid[a], theta)
            w = min(max(w, 0.0), 1.0)
            r = self.arms[a]
            rows.append(r[idx] * (1 - w) + r[idx + 1] * w)
        return np.array(rows)

    def lengths(self, pose: dict[str, float]) -> np.ndarray:
        """Muscle-tendon lengths (m) at a pose given in degrees."""
        full = self.pose_of(pose)
        total = self.l0.copy()
        for a in self.model.length_axes:
            total -= self._integral(a, self.cum[a], math.radians(full[a]))
        return total

    def force_capacity(self, pose: dict[str, float]) -> np.ndarray:
        """Maximum active force (N) along each tendon at a pose: F_max x force-length x cos(pennation).

        The fibre length is that of a fully active muscle: the tendon, stretched by the muscle's own maximal force
        (TENDON_STRAIN_AT_FMAX at F_max, linear), takes up part of the muscle-tendon length. For long-tendon
        muscles (soleus, gastrocnemius) this moves the fibres several tenths of an optimal length from where a
        rigid tendon would put them. A few fixed-point steps settle it.
        """
        path = self.lengths(pose)
        force = self.fmax.copy()
        fl = np.ones_like(force)
        for _ in range(TENDON_ITERATIONS):
            tendon = self.slack * (1.0 + TENDON_STRAIN_AT_FMAX * force / self.fmax)
            norm = (path - tendon) / self.cos_pennation / self.lopt
            fl = np.maximum(np.exp(-((norm - 1.0) ** 2) / FORCE_LENGTH_GAMMA), 0.05)
            force = self.fmax * fl * self.cos_pennation
        capacity: np.ndarray = self.fmax * fl * self.cos_pennation
        return capacity


_CACHE: dict[str, MuscleSet] = {}


def muscles_of(model: str) -> MuscleSet:
    """The shipped muscle set of a limb model, "leg" or "arm" (each loaded once)."""
    if model not in _CACHE:
        doc = json.loads(table_path(model).read_text(encoding="utf-8"))
        _CACHE[model] = MuscleSet(doc, MODELS[model], ENGINE_UNITS[model])
    return _CACHE[model]


def leg_muscles() -> MuscleSet:
    return muscles_of("leg")


def arm_muscles() -> MuscleSet:
    return muscles_of("arm")
