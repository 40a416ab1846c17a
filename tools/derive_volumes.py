"""Derive lower-limb muscle volumes (cm3) from the Rajagopal 2016 model's parameters.

Rajagopal et al. 2016 set each muscle's maximum isometric force from its volume (Handsfield et al. 2014, for the
model's reference subject) as F = sigma * volume / optimal fibre length. Inverting it with sigma = 60 N/cm2 gives
the volume back. The value of sigma is taken from public code that reproduces the model; the derived volumes agree
with Handsfield's regressions to within a few per cent, but the sigma wording has not been read in the paper
itself, so the knowledge base marks these volumes as model-derived.

Usage: python tools/derive_volumes.py [PATH/TO/muscle-params.csv]   (default: ../shared/data/muscle-params.csv)
Prints one line per knowledge-base muscle: id, volume in cm3, and the model parts summed.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

SIGMA_N_PER_CM2 = 60.0

def parts() -> dict[str, tuple[str, ...]]:
    """Knowledge-base muscle id -> the model's right-side muscle-tendon units that make it up."""
    from musclemap.model import LEG_UNITS

    out: dict[str, list[str]] = {}
    for unit, muscle in LEG_UNITS.items():
        out.setdefault(muscle, []).append(f"{unit}_r")
    return {muscle: tuple(units) for muscle, units in out.items()}


def derive(csv_path: Path) -> dict[str, float]:
    """Volume in cm3 per knowledge-base muscle id."""
    rows: dict[str, tuple[float, float]] = {}
    with csv_path.open(newline="") as f:
        for row in csv.DictReader(f):
            if row["model"] == "OpenSim_Rajagopal2016":
                rows[row["muscle"]] = (float(row["max_isometric_force_N"]), float(row["optimal_fiber_length_m"]))
    return {mid: sum(rows[p][0] / SIGMA_N_PER_CM2 * rows[p][1] * 100.0 for p in units)
            for mid, units in parts().items()}


if __name__ == "__main__":
    default = Path(__file__).resolve().parents[2] / "shared" / "data" / "muscle-params.csv"
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else default
    units = parts()
    for mid, vol in sorted(derive(path).items(), key=lambda kv: -kv[1]):
        print(f"{mid:28s} {vol:7.0f}  {'+'.join(units[mid])}")
