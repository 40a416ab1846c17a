"""Muscle-tendon units of the leg: moment arms and lengths as functions of the sagittal joint angles.

Built offline from MyoLeg (tools/build_moment_arms.py) and shipped as leg_moment_arms.json. Lengths use the
separable model L = L0 - sum_j integral_0^theta_j r_j, whose worst error the builder records.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import numpy as np

from ..model import ENGINE_UNITS as KB_MUSCLE

JOINTS: tuple[str, ...] = ("hip", "knee", "ankle")
# Off-plane hip axes, tabulated against hip flexion: a symmetric two-legged lift needs no net hip adduction or
# rotation moment, so these rows are balanced at zero (a planar model would let the adductors extend the hip "for
# free" and overuse them).
OFF_PLANE: tuple[str, ...] = ("hip_adduction", "hip_rotation")
AXES: tuple[str, ...] = JOINTS + OFF_PLANE

# Thelen 2003: active force-length curve exp(-(l - 1)^2 / gamma) with gamma = 0.45.
FORCE_LENGTH_GAMMA = 0.45
# Tendon strain at maximum isometric force: 3.3 %, the default of OpenSim's implementation of Thelen's (2003) muscle
# (its FmaxTendonStrain property).
TENDON_STRAIN_AT_FMAX = 0.033
TENDON_ITERATIONS = 4


def table_path() -> Path:
    return Path(__file__).resolve().parents[1] / "data" / "mechanics" / "leg_moment_arms.json"


class MuscleSet:
    """The leg's muscle-tendon units, with vectorised moment arms (m) and lengths at any sagittal pose."""

    def __init__(self, doc: dict[str, Any]) -> None:
        self.names: list[str] = sorted(doc["muscles"])
        mus = doc["muscles"]
        self.fmax = np.array([mus[n]["max_isometric_force_n"] for n in self.names])
        self.lopt = np.array([mus[n]["optimal_fiber_length_m"] for n in self.names])
        self.slack = np.array([mus[n]["tendon_slack_length_m"] for n in self.names])
        self.cos_pennation = np.cos(np.radians([mus[n]["pennation_deg"] for n in self.names]))
        self.l0 = np.array([mus[n]["length_neutral_m"] for n in self.names])
        self.grid = {j: np.radians(np.array(doc["grid_deg"][j], dtype=float)) for j in JOINTS}
        # arms[j]: grid x muscles, in metres; zero where the muscle does not cross the joint
        self.arms = {}
        for j in JOINTS:
            table = np.zeros((len(self.grid[j]), len(self.names)))
            for i, n in enumerate(self.names):
                values = mus[n]["moment_arm_mm"].get(j)
                if values is not None:
                    table[:, i] = np.array(values) / 1000.0
            self.arms[j] = table
        # cumulative integral of r over each grid, for lengths
        self.cum = {}
        for j in JOINTS:
            g, r = self.grid[j], self.arms[j]
            steps = np.diff(g)[:, None] * (r[1:] + r[:-1]) / 2
            cum = np.vstack([np.zeros(len(self.names)), np.cumsum(steps, axis=0)])
            zero = np.array([np.interp(0.0, g, cum[:, i]) for i in range(len(self.names))])
            self.cum[j] = cum - zero
        for axis in OFF_PLANE:
            table = np.zeros((len(self.grid["hip"]), len(self.names)))
            for i, n in enumerate(self.names):
                values = mus[n]["moment_arm_mm"].get(axis)
                if values is not None:
                    table[:, i] = np.array(values) / 1000.0
            self.arms[axis] = table
        self.kb_ids = [KB_MUSCLE.get(n) for n in self.names]
        self.crosses = {j: np.abs(self.arms[j]).max(axis=0) > 1e-3 for j in JOINTS}

    def moment_arms(self, pose: dict[str, float]) -> np.ndarray:
        """Axes (AXES order) x muscles matrix of moment arms (m) at a pose given in degrees."""
        rows = []
        for j in AXES:
            along = "hip" if j in OFF_PLANE else j
            theta = math.radians(pose[along])
            g, r = self.grid[along], self.arms[j]
            idx = int(np.clip(np.searchsorted(g, theta) - 1, 0, len(g) - 2))
            w = float(np.clip((theta - g[idx]) / (g[idx + 1] - g[idx]), 0.0, 1.0))
            rows.append(r[idx] * (1 - w) + r[idx + 1] * w)
        return np.array(rows)

    def lengths(self, pose: dict[str, float]) -> np.ndarray:
        """Muscle-tendon lengths (m) at a pose given in degrees."""
        total = self.l0.copy()
        for j in JOINTS:
            theta = math.radians(pose[j])
            g, c = self.grid[j], self.cum[j]
            idx = int(np.clip(np.searchsorted(g, theta) - 1, 0, len(g) - 2))
            w = float(np.clip((theta - g[idx]) / (g[idx + 1] - g[idx]), 0.0, 1.0))
            total -= c[idx] * (1 - w) + c[idx + 1] * w
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


def leg_muscles() -> MuscleSet:
    """The shipped leg muscle set (loaded once)."""
    if "leg" not in _CACHE:
        _CACHE["leg"] = MuscleSet(json.loads(table_path().read_text(encoding="utf-8")))
    return _CACHE["leg"]
