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

# knowledge-base id -> the model's muscle-tendon units (right side) that make it up
PARTS: dict[str, tuple[str, ...]] = {
    "gluteus_maximus": ("glmax1_r", "glmax2_r", "glmax3_r"),
    "gluteus_medius": ("glmed1_r", "glmed2_r", "glmed3_r"),
    "gluteus_minimus": ("glmin1_r", "glmin2_r", "glmin3_r"),
    "tensor_fasciae_latae": ("tfl_r",),
    "piriformis": ("piri_r",),
    "iliopsoas": ("iliacus_r", "psoas_r"),
    "sartorius": ("sart_r",),
    "rectus_femoris": ("recfem_r",),
    "vastus_lateralis": ("vaslat_r",),
    "vastus_medialis": ("vasmed_r",),
    "vastus_intermedius": ("vasint_r",),
    "biceps_femoris_long_head": ("bflh_r",),
    "biceps_femoris_short_head": ("bfsh_r",),
    "semitendinosus": ("semiten_r",),
    "semimembranosus": ("semimem_r",),
    "adductor_magnus": ("addmagDist_r", "addmagIsch_r", "addmagMid_r", "addmagProx_r"),
    "adductor_longus": ("addlong_r",),
    "adductor_brevis": ("addbrev_r",),
    "gracilis": ("grac_r",),
    "gastrocnemius_medial_head": ("gasmed_r",),
    "gastrocnemius_lateral_head": ("gaslat_r",),
    "soleus": ("soleus_r",),
    "tibialis_anterior": ("tibant_r",),
    "fibularis_longus": ("perlong_r",),
}


def derive(csv_path: Path) -> dict[str, float]:
    """Volume in cm3 per knowledge-base muscle id."""
    rows: dict[str, tuple[float, float]] = {}
    with csv_path.open(newline="") as f:
        for row in csv.DictReader(f):
            if row["model"] == "OpenSim_Rajagopal2016":
                rows[row["muscle"]] = (float(row["max_isometric_force_N"]), float(row["optimal_fiber_length_m"]))
    out = {}
    for mid, parts in PARTS.items():
        out[mid] = sum(rows[p][0] / SIGMA_N_PER_CM2 * rows[p][1] * 100.0 for p in parts)
    return out


if __name__ == "__main__":
    default = Path(__file__).resolve().parents[2] / "shared" / "data" / "muscle-params.csv"
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else default
    for mid, vol in sorted(derive(path).items(), key=lambda kv: -kv[1]):
        print(f"{mid:28s} {vol:7.0f}  {'+'.join(PARTS[mid])}")
