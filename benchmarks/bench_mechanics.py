"""Speed of the mechanics engine, beside a bare numpy baseline measured in the same run.

    python benchmarks/bench_mechanics.py

Target (mechanics issue): one exercise over its whole range of motion in at most 10 ms. "One pass" is the static
optimisation of every phase of a leg press at one load (7 phases, 40 muscle-tendon units, hip, knee and ankle, with
the co-activation floor); "full analysis" adds the bisection for the one-repetition maximum (about 20 passes).
"""

from __future__ import annotations

import sys
import timeit

SETUP = """
import numpy as np
from musclemap.mechanics.engine import _activations, _setup, analyse, CO_ACTIVATION
from musclemap.mechanics.muscles import leg_muscles
ms = leg_muscles()
params = {"kind": "sled", "rail_deg": 45, "back_deg": 25, "offset_m": 0.05, "knee_deg": [90, 10]}
setup = _setup(params, ms)
k = np.eye(3) * 2.0
v = np.ones(3)
"""


def best(stmt: str, number: int) -> float:
    return min(timeit.repeat(stmt, SETUP, number=number, repeat=5)) / number


def main() -> int:
    baseline = best("for _ in range(7): np.linalg.solve(k, v)", 2000)
    one_pass = best("_activations(setup, ms, 80.0, CO_ACTIVATION)", 50)
    full = best("analyse(params)", 5)
    print("musclemap mechanics engine speed")
    print(f"{'measure':44s} {'ms':>8s} {'relative':>12s}  target")
    print(f"{'7 bare 3x3 numpy solves (baseline)':44s} {baseline * 1e3:8.3f} {'':>12s}")
    print(f"{'one pass over the range (7 phases)':44s} {one_pass * 1e3:8.3f} {one_pass / baseline:11.0f}x  <= 10 ms")
    print(f"{'full analysis (1RM search + involvement)':44s} {full * 1e3:8.3f} {full / baseline:11.0f}x")
    print("target met" if one_pass <= 0.010 else "TARGET MISSED")
    return 0


if __name__ == "__main__":
    sys.exit(main())
