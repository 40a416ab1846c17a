"""The reference adult: segment lengths, masses and centres of mass for planar statics.

Masses and centre-of-mass positions are de Leva's (1996) adjustments of Zatsiorsky-Seluyanov's parameters for
adult men (percent of body mass; centre of mass as a fraction of the segment from its proximal end). Leg segment
lengths are those of the MyoLeg model (tools/build_moment_arms.py), so that posture and moment arms describe one
body; the trunk length (hip to shoulder joint centre, 0.553 m) and upper-limb lengths come from the same model family
(myo-sim's full-body model) at its neutral pose.
"""

from __future__ import annotations

from typing import NamedTuple

G = 9.81  # m/s2
BODY_MASS_KG = 75.0  # MyoLeg's total mass, about Rajagopal's reference subject


class Segment(NamedTuple):
    mass_fraction: float
    com_from_proximal: float  # fraction of length
    length_m: float


# de Leva 1996, male column (mass % / CM % from the proximal landmark).
SEGMENTS: dict[str, Segment] = {
    "thigh": Segment(0.1416, 0.4095, 0.4044),
    "shank": Segment(0.0433, 0.4395, 0.4001),
    "foot": Segment(0.0137, 0.4415, 0.0),  # placed by the foot geometry below
    "trunk": Segment(0.4346, 1 - 0.4486, 0.553),  # de Leva's trunk CM is 44.86 % from the sternal notch
    "head": Segment(0.0694, 0.0, 0.0),
    "upper_arm": Segment(0.0271, 0.5772, 0.291),
    "forearm": Segment(0.0162, 0.4574, 0.266),
    "hand": Segment(0.0061, 0.79, 0.08),
}

# Foot geometry (m) in the foot frame: along the foot from the ankle, and down to the sole.
ANKLE_TO_MTP = 0.1304  # MyoLeg
ANKLE_TO_HEEL = 0.05
ANKLE_HEIGHT = 0.07
MIDFOOT = 0.04  # along the foot from the ankle: between heel and ball

# Head centre of mass above the shoulders (m), and the arms' mass as a share of the body.
HEAD_ABOVE_SHOULDER = 0.15
ARMS_FRACTION = 2 * (0.0271 + 0.0162 + 0.0061)


def mass(segment: str) -> float:
    """Mass in kg of one segment of the reference adult."""
    return SEGMENTS[segment].mass_fraction * BODY_MASS_KG


def leg_mass() -> float:
    """Mass of one whole leg (thigh, shank and foot)."""
    return mass("thigh") + mass("shank") + mass("foot")


def upper_body_mass() -> float:
    """Head, arms and trunk (everything above the hips)."""
    return BODY_MASS_KG - 2 * leg_mass()
