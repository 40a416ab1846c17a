"""Static optimisation: share a set of joint moments among muscles by minimising the sum of squared activations.

    minimise  sum_i a_i^2 + w * sum_j rho_j^2
    subject to  sum_i A_ji a_i + rho_j = M_j   (A_ji = moment arm x force capacity)
                lo_i <= a_i <= 1

The reserve moments rho keep heavy loads feasible at a high price (w). The solver is an active-set method on the
closed-form least-norm solution: with the bounded muscles fixed, the free activations are a_f = A_f' lambda with
lambda = (A_f A_f' + I / w)^-1 (M - A_fixed a_fixed); violators are clamped and clamped muscles whose multiplier
says they want back in are released. For a handful of joints this converges in a few iterations of a 3 x 3 solve,
about a hundred times faster than a general-purpose SLSQP call.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

RESERVE_WEIGHT = 1e4


class Solution(NamedTuple):
    activation: np.ndarray
    reserve: np.ndarray  # N m left to the reserve actuators, per joint


def solve(a_mat: np.ndarray, moments: np.ndarray, lower: np.ndarray | None = None,
          reserve_weight: float = RESERVE_WEIGHT) -> Solution:
    """Activations 0-1 that produce `moments` (one per row of a_mat) at least cost."""
    m, n = a_mat.shape
    lo = np.zeros(n) if lower is None else np.minimum(lower, 1.0)
    fixed = np.zeros(n, dtype=bool)
    value = np.zeros(n)
    eye = np.eye(m) / reserve_weight
    x = np.zeros(n)
    lam = np.zeros(m)
    for _ in range(4 * n + 4):
        free = ~fixed
        af = a_mat[:, free]
        rhs = moments - a_mat[:, fixed] @ value[fixed]
        lam = np.linalg.solve(af @ af.T + eye, rhs)
        x = value.copy()
        x[free] = af.T @ lam
        below = free & (x < lo - 1e-12)
        above = free & (x > 1.0 + 1e-12)
        if below.any() or above.any():
            fixed |= below | above
            value[below] = lo[below]
            value[above] = 1.0
            continue
        want = a_mat.T @ lam  # where each clamped muscle would go if released
        release = fixed & (((value <= lo) & (want > lo + 1e-9)) | ((value >= 1.0) & (want < 1.0 - 1e-9)))
        if not release.any():
            break
        fixed &= ~release
    return Solution(np.clip(x, lo, 1.0), lam / reserve_weight)
