"""Planar (sagittal) statics of the reference adult: postures over the range of motion and net joint moments.

Coordinates: x points where the lifter faces, y up; angles in degrees, counter-clockwise positive, seen from the
lifter's right. Segment angles are those of the vector from the proximal to the distal joint. Joint angles follow
the model's conventions: hip flexion, knee flexion and ankle dorsiflexion are positive, and so are the moments
that turn the joint that way (a knee extensor moment is negative).

Each posture kind below turns a few parameters from the knowledge base (an exercise's `mechanics` block) into a
list of phases, each with joint angles and the net moments the muscles must produce at the hip, knee and ankle per
unit of external load, plus the moments from body weight alone. Moments are linear in the load, so the optimiser
can scale them without recomputing the geometry.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any, NamedTuple

import numpy as np

from . import body as b
from .muscles import LEG_OFF_PLANE

JOINT_SIGN = {"hip": 1.0, "knee": -1.0, "ankle": 1.0}  # muscle moment (z, on the distal side) -> flexion-positive
SHOULDER_ABOVE_SUPPORT = 0.08  # m: shoulder-joint centre above the bench edge under the upper back


class Phase(NamedTuple):
    """One instant of the movement: joint angles (deg), moments (N m) = per_kg * load_kg + body, and which joints
    the muscles must balance (a joint held by a pad, a seat or a locked knee is not)."""

    pose: dict[str, float]
    per_kg: dict[str, float]
    body: dict[str, float]
    active: tuple[str, ...]
    lumbar_per_kg: float = 0.0
    lumbar_body: float = 0.0
    soft: tuple[str, ...] = ()  # axes whose moment the muscles also hold near zero, softly (off the movement's plane)
    travel: float | None = None  # where the load is along its path (m), when it does not move with one joint's angle


class Force(NamedTuple):
    point: np.ndarray
    vector: np.ndarray  # N


def unit(deg: float) -> np.ndarray:
    r = math.radians(deg)
    return np.array([math.cos(r), math.sin(r)])


def cross(a: np.ndarray, f: np.ndarray) -> float:
    return float(a[0] * f[1] - a[1] * f[0])


class Leg(NamedTuple):
    hip: np.ndarray
    knee: np.ndarray
    ankle: np.ndarray
    thigh_deg: float
    shank_deg: float
    foot_deg: float

    def foot_point(self, along: float, down: float = b.ANKLE_HEIGHT) -> np.ndarray:
        """A point of the foot: `along` metres toward the toes from the ankle, `down` toward the sole."""
        u = unit(self.foot_deg)
        n = np.array([u[1], -u[0]])
        return self.ankle + along * u + down * n

    def weights(self) -> dict[str, Force]:
        """Gravity on the thigh, shank and foot of this leg."""
        down = np.array([0.0, -b.G])
        th, sh = b.SEGMENTS["thigh"], b.SEGMENTS["shank"]
        return {
            "thigh": Force(self.hip + th.com_from_proximal * (self.knee - self.hip), b.mass("thigh") * down),
            "shank": Force(self.knee + sh.com_from_proximal * (self.ankle - self.knee), b.mass("shank") * down),
            "foot": Force(self.foot_point(b.MIDFOOT, b.ANKLE_HEIGHT / 2), b.mass("foot") * down),
        }


def leg_from(hip: np.ndarray, thigh_deg: float, knee_flex: float, ankle_df: float) -> Leg:
    """Place a leg from the hip down, given the thigh's absolute angle and the knee and ankle angles."""
    shank_deg = thigh_deg - knee_flex
    foot_deg = shank_deg + 90.0 + ankle_df
    knee = hip + b.SEGMENTS["thigh"].length_m * unit(thigh_deg)
    ankle = knee + b.SEGMENTS["shank"].length_m * unit(shank_deg)
    return Leg(hip, knee, ankle, thigh_deg, shank_deg, foot_deg)


def leg_on_foot(ankle: np.ndarray, foot_deg: float, knee_flex: float, ankle_df: float) -> Leg:
    """Place a leg from a planted foot up, given the foot's absolute angle and the ankle and knee angles."""
    shank_deg = foot_deg - 90.0 - ankle_df
    thigh_deg = shank_deg + knee_flex
    knee = ankle - b.SEGMENTS["shank"].length_m * unit(shank_deg)
    hip = knee - b.SEGMENTS["thigh"].length_m * unit(thigh_deg)
    return Leg(hip, knee, ankle, thigh_deg, shank_deg, foot_deg)


def joint_moments(leg: Leg, external: list[Force], with_weights: bool = True) -> dict[str, float]:
    """Net muscle moments (flexion-positive) at hip, knee and ankle that balance the forces on the distal side."""
    w = leg.weights() if with_weights else {}
    on = {
        "ankle": ["foot"],
        "knee": ["foot", "shank"],
        "hip": ["foot", "shank", "thigh"],
    }
    centres = {"hip": leg.hip, "knee": leg.knee, "ankle": leg.ankle}
    out = {}
    for joint, segs in on.items():
        m = 0.0
        for f in external:
            m += cross(f.point - centres[joint], f.vector)
        for s in segs:
            if s in w:
                m += cross(w[s].point - centres[joint], w[s].vector)
        out[joint] = -m * JOINT_SIGN[joint]
    return out


def _bisect(f: Callable[[float], float], lo: float, hi: float, iters: int = 60) -> float:
    flo = f(lo)
    for _ in range(iters):
        mid = (lo + hi) / 2
        fm = f(mid)
        if (fm > 0) == (flo > 0):
            lo, flo = mid, fm
        else:
            hi = mid
    return (lo + hi) / 2


def _linspace(ends: Any, n: int) -> list[float]:
    """n evenly spaced values from ends[0] to ends[1]."""
    a, c = float(ends[0]), float(ends[1])
    return [a + (c - a) * i / (n - 1) for i in range(n)]


# --------------------------------------------------------------------------------------------------
# Posture kinds


def sled(p: dict[str, Any]) -> list[Phase]:
    """Leg press: the seat holds the pelvis; the plate pushes each foot back along the rail.

    Parameters: rail_deg (rail above horizontal), back_deg (seat back above horizontal), offset_m (distance from
    the hip to the rail line through the feet, measured up the plate: larger = feet higher), knee_deg [bottom, top],
    limits_deg (optional, e.g. {hip: 115, ankle: 40}: the range ends early where a joint reaches its limit), cop (where on the foot the plate
    pushes, metres from the ankle toward the toes), load_factor (share of the load's weight that acts along the
    rail; defaults to sin(rail) for a sled, 1 for a weight stack).
    """
    rail = float(p["rail_deg"])
    trunk_deg = 180.0 - float(p["back_deg"])
    r_hat = unit(rail)
    foot_deg = rail + 90.0
    u_f = unit(foot_deg)
    offset = float(p["offset_m"])
    cop_along = float(p.get("cop", b.MIDFOOT))
    factor = float(p.get("load_factor", math.sin(math.radians(rail)) if rail > 0 else 1.0))
    hip = np.zeros(2)

    def thigh_at(knee: float) -> float:
        def miss(thigh: float) -> float:
            shank = thigh - knee
            leg = leg_from(hip, thigh, knee, foot_deg - shank - 90.0)
            return float(np.dot(leg.foot_point(cop_along) - hip, u_f)) - offset

        # thigh angles from well below the rail to well above it
        return _bisect(miss, rail - 80.0, rail + 80.0)

    def angles(knee: float) -> dict[str, float]:
        thigh = thigh_at(knee)
        return {"hip": thigh - trunk_deg + 180.0, "ankle": foot_deg - (thigh - knee) - 90.0}

    bottom, top = (float(k) for k in p["knee_deg"])
    for joint, limit in dict(p.get("limits_deg", {})).items():
        # the sled's travel ends early where the hip (the pelvis would roll off the seat) or the ankle (the heels
        # would lift) reaches its limit; both angles grow with knee flexion
        if angles(bottom)[joint] > float(limit):

            def past_limit(knee: float, joint: str = joint, limit: float = float(limit)) -> float:
                return angles(knee)[joint] - limit

            bottom = _bisect(past_limit, top, bottom)
    phases = []
    for knee in _linspace((bottom, top), int(p.get("phases", 7))):
        thigh = thigh_at(knee)
        shank = thigh - knee
        ankle_df = foot_deg - shank - 90.0
        leg = leg_from(hip, thigh, knee, ankle_df)
        cop = leg.foot_point(cop_along)
        plate = Force(cop, -r_hat * b.G * factor)  # per kg of load, shared by the legs on the plate
        legs = float(p.get("legs", 2))
        per_kg = {k: v / legs for k, v in joint_moments(leg, [plate], with_weights=False).items()}
        body = joint_moments(leg, [])
        pose = {"hip": thigh - trunk_deg + 180.0, "knee": knee, "ankle": ankle_df}
        phases.append(Phase(pose, per_kg, body, ("hip", "knee", "ankle"), travel=float(np.dot(cop - hip, r_hat))))
    return phases


def _upper_body_forces(hip: np.ndarray, trunk_deg: float, load_at: np.ndarray | None) -> tuple[list[Force], Force]:
    """Weights of the head, arms and trunk (whole body, both sides) and the load's point (per kg)."""
    t = unit(trunk_deg)
    down = np.array([0.0, -b.G])
    shoulder = hip + b.SEGMENTS["trunk"].length_m * t
    trunk = Force(hip + b.SEGMENTS["trunk"].com_from_proximal * b.SEGMENTS["trunk"].length_m * t,
                  b.mass("trunk") * down)
    head = Force(shoulder + b.HEAD_ABOVE_SHOULDER * t, b.mass("head") * down)
    arms = Force(shoulder if load_at is None else (shoulder + load_at) / 2, b.ARMS_FRACTION * b.BODY_MASS_KG * down)
    load = Force(shoulder if load_at is None else load_at, down)
    return [trunk, head, arms], load


LOAD_POINTS: dict[str, Callable[[np.ndarray, float], np.ndarray]] = {
    # where the load sits, from the hip and the trunk angle
    "high_bar": lambda hip, t: hip + 0.50 * unit(t) + 0.05 * unit(t + 90.0),
    "low_bar": lambda hip, t: hip + 0.45 * unit(t) + 0.07 * unit(t + 90.0),
    "front_rack": lambda hip, t: hip + 0.52 * unit(t) + 0.10 * unit(t - 90.0),
    "goblet": lambda hip, t: hip + 0.40 * unit(t) + 0.20 * unit(t - 90.0),
    "hands_hanging": lambda hip, t: hip + 0.553 * unit(t) + np.array([0.0, -0.62]),
}


def stand(p: dict[str, Any]) -> list[Phase]:
    """Squats and hinges on flat feet. Parameters: load (a key of LOAD_POINTS) and phases, each one of:

    - {knee, ankle} or {knee, trunk}: the missing angle is solved so that the whole body and the load
      (balance_load_kg of it) balance over the midfoot, where the ground pushes (squats, good mornings);
    - for a bar hanging from straight arms (`hands_hanging`), {knee, trunk}: the ankle is solved so that the bar,
      straight under the shoulders, sits over the midfoot, where a deadlift's bar travels; or {bar_m, ankle}: the
      shins' slope and the bar's height are given, and the knee and the trunk put the bar there. The ground then
      pushes under the bar for the load and under the body's centre of mass for the body's weight, so the joint
      moments need no balance assumption.
    """
    place = LOAD_POINTS[str(p["load"])]
    cop_along = float(p.get("cop", b.MIDFOOT))
    ankle = np.array([0.0, b.ANKLE_HEIGHT])
    ref_load = float(p.get("balance_load_kg", 60.0))
    hanging = p["load"] == "hands_hanging"
    out = []
    for ph in p["phases"]:

        def build(ankle_df: float, trunk_deg: float, knee: float) -> tuple[Leg, list[Force], Force]:
            leg = leg_on_foot(ankle, 0.0, knee, ankle_df)
            upper, load = _upper_body_forces(leg.hip, trunk_deg, place(leg.hip, trunk_deg))
            return leg, upper, load

        def imbalance(leg: Leg, upper: list[Force], load: Force, load_kg: float) -> float:
            cop_x = leg.foot_point(cop_along)[0]
            moment = sum(2 * w.vector[1] * (w.point[0] - cop_x) for w in leg.weights().values())
            moment += sum(f.vector[1] * (f.point[0] - cop_x) for f in upper)
            moment += load_kg * load.vector[1] * (load.point[0] - cop_x)
            return float(moment)

        def ahead(an: float, tr: float, kn: float) -> float:
            """How far the load sits in front of the midfoot."""
            leg, _upper, load = build(an, tr, kn)
            return float(load.point[0] - leg.foot_point(cop_along)[0])

        deadlift = hanging and ("bar_m" in ph or ("knee" in ph and "trunk" in ph))
        if deadlift and "bar_m" in ph:
            # the shins' slope (ankle) and the bar's height are given: the knee and the trunk follow
            a, height = float(ph["ankle"]), float(ph["bar_m"])

            def trunk_over_midfoot(kn: float) -> float:
                return _bisect(lambda tr: ahead(a, tr, kn), -10.0, 100.0)

            def too_high(kn: float) -> float:
                return float(build(a, trunk_over_midfoot(kn), kn)[2].point[1]) - height

            knee = _bisect(too_high, 0.0, 150.0)
            t = trunk_over_midfoot(knee)
        elif deadlift:
            t, knee = float(ph["trunk"]), float(ph["knee"])
            a = _bisect(lambda an: ahead(an, t, knee), -40.0, 60.0)
        else:
            knee = float(ph["knee"])
            if "ankle" in ph:
                a = float(ph["ankle"])

                def trunk_off(tr: float, an: float = a, kn: float = knee) -> float:
                    return imbalance(*build(an, tr, kn), ref_load)

                t = _bisect(trunk_off, 0.0, 120.0)
            else:
                t = float(ph["trunk"])

                def ankle_off(an: float, tr: float = t, kn: float = knee) -> float:
                    return imbalance(*build(an, tr, kn), ref_load)

                a = _bisect(ankle_off, -40.0, 60.0)
        leg, upper, load = build(a, t, knee)
        cop = leg.foot_point(cop_along, b.ANKLE_HEIGHT)
        # per leg: the ground pushes up with half of everything above the feet
        legs = [w for k, w in leg.weights().items() if k != "foot"]
        lifted = [*upper, *legs, *legs]  # both legs' thighs and shanks
        above = sum(-f.vector[1] for f in lifted)
        if deadlift:
            body_x = sum(-f.vector[1] * f.point[0] for f in lifted) / above
            grf_body = Force(np.array([body_x, cop[1]]), np.array([0.0, above / 2]))
            grf_load = Force(np.array([float(load.point[0]), cop[1]]), np.array([0.0, b.G / 2]))
        else:
            grf_body = Force(cop, np.array([0.0, above / 2]))
            grf_load = Force(cop, np.array([0.0, b.G / 2]))
        per_kg = joint_moments(leg, [grf_load], with_weights=False)
        body = joint_moments(leg, [grf_body])
        pose = {"hip": leg.thigh_deg - t + 180.0, "knee": knee, "ankle": a}
        l5 = leg.hip + 0.10 * unit(t)
        # the lumbar extensors' moment on the upper body (positive: extension), which holds up everything above L5
        lumbar_body = -sum(cross(f.point - l5, f.vector) for f in upper)
        lumbar_per_kg = -cross(load.point - l5, load.vector)
        out.append(Phase(pose, per_kg, body, ("hip", "knee", "ankle"), lumbar_per_kg, lumbar_body,
                         travel=float(load.point[1])))
    return out


def bridge(p: dict[str, Any]) -> list[Phase]:
    """Hip thrust and glute bridge: upper back on a bench (or the floor), feet flat, load across the hips.

    Parameters: phases: list of {hip, ankle} (hip flexion and the shank's forward tilt); bench_m: height of the
    back support. The knee angle at each phase is solved so that the shoulders rest on the support
    (shoulder-joint centre SHOULDER_ABOVE_SUPPORT above it); the feet and the support then share the weight.
    """
    ankle = np.array([0.0, b.ANKLE_HEIGHT])
    support_y = float(p.get("bench_m", 0.0)) + SHOULDER_ABOVE_SUPPORT
    out = []
    for ph in p["phases"]:
        hip_flex, ankle_df = float(ph["hip"]), float(ph.get("ankle", 0.0))

        def place(knee: float, hip_flex: float = hip_flex, ankle_df: float = ankle_df) -> tuple[Leg, float]:
            leg = leg_on_foot(ankle, 0.0, knee, ankle_df)
            return leg, leg.thigh_deg + 180.0 - hip_flex

        def height_error(knee: float) -> float:
            leg, trunk_deg = place(knee)
            return float((leg.hip + b.SEGMENTS["trunk"].length_m * unit(trunk_deg))[1]) - support_y

        knee = _bisect(height_error, 30.0, 170.0)
        leg, trunk_deg = place(knee)
        shoulder = leg.hip + b.SEGMENTS["trunk"].length_m * unit(trunk_deg)
        upper, _ = _upper_body_forces(leg.hip, trunk_deg, None)
        support_x = shoulder[0]
        cop = leg.foot_point(b.MIDFOOT)
        # vertical support split between the feet (both) and the back support, by moments about the support
        w_legs = sum(2 * w.vector[1] * (w.point[0] - support_x) for w in leg.weights().values())
        w_upper = sum(f.vector[1] * (f.point[0] - support_x) for f in upper)
        feet_body = -(w_legs + w_upper) / (cop[0] - support_x)
        feet_load = b.G * (leg.hip[0] - support_x) / (cop[0] - support_x)
        per_kg = joint_moments(leg, [Force(cop, np.array([0.0, feet_load / 2]))], with_weights=False)
        body = joint_moments(leg, [Force(cop, np.array([0.0, feet_body / 2]))])
        out.append(Phase({"hip": hip_flex, "knee": knee, "ankle": ankle_df}, per_kg, body, ("hip", "knee", "ankle"),
                         travel=float(leg.hip[1])))
    return out


def pad(p: dict[str, Any]) -> list[Phase]:
    """Machines that hold the thigh (leg extension, leg curls): a pad on the shin resists the knee.
    Parameters: hip_deg, knee_deg [start, end], pad_m (pad distance from the knee along the shank),
    direction: extension | flexion (the movement the pad resists), thigh_deg (thigh's absolute angle), legs (how
    many legs share the pad: 2 by default, so the moments are per leg)."""
    hip = np.zeros(2)
    thigh_deg = float(p.get("thigh_deg", 0.0))
    sign = 1.0 if p["direction"] == "extension" else -1.0
    out = []
    for knee in _linspace(p["knee_deg"], int(p.get("phases", 7))):
        leg = leg_from(hip, thigh_deg, knee, 0.0)
        shank_u = unit(leg.shank_deg)
        # the pad pushes perpendicular to the shank, against the movement: for extension it pushes the shin back
        normal = np.array([-shank_u[1], shank_u[0]]) * (-sign)
        point = leg.knee + float(p["pad_m"]) * shank_u
        per_kg = joint_moments(leg, [Force(point, normal * b.G / float(p.get("lever_ratio", 1.0))
                                           / float(p.get("legs", 2)))], with_weights=False)
        body = joint_moments(leg, [])
        pose = {"hip": float(p["hip_deg"]), "knee": knee, "ankle": 0.0}
        out.append(Phase(pose, {k: v for k, v in per_kg.items()}, body, ("knee",)))
    return out


def calf(p: dict[str, Any]) -> list[Phase]:
    """Calf raises: the ground (or a leg-press plate) pushes on the balls of the feet along the shank; the knee is
    locked straight (standing) or held by a pad (seated). Parameters: knee_deg, hip_deg, ankle_deg [bottom, top],
    body_weight (true if the lifter's weight is part of the load), body_fraction (the share of that weight the feet
    carry, 1 by default: a donkey calf raise rests the trunk on the arms), legs (1 or 2 feet sharing the load),
    load_factor (the share of the load's weight along the shank: sin of the rail's angle on a leg-press sled)."""
    knee = float(p["knee_deg"])
    legs = float(p.get("legs", 2))
    factor = float(p.get("load_factor", 1.0))
    out = []
    for a in _linspace(p["ankle_deg"], int(p.get("phases", 7))):
        # the shank keeps its angle while the foot pivots on the ball, so the foot's angle follows the ankle's
        leg = leg_from(np.zeros(2), -90.0 + knee, knee, a)
        ball = leg.foot_point(b.ANKLE_TO_MTP)
        per_kg = joint_moments(leg, [Force(ball, np.array([0.0, factor * b.G / legs]))], with_weights=False)
        above = 0.0
        if p.get("body_weight"):
            above = float(p.get("body_fraction", 1.0)) * (b.BODY_MASS_KG - legs * b.mass("foot")) * b.G / legs
        body = joint_moments(leg, [Force(ball, np.array([0.0, above]))])
        out.append(Phase({"hip": float(p["hip_deg"]), "knee": knee, "ankle": a}, per_kg, body, ("ankle",)))
    return out


def _series(value: Any, n: int) -> list[float]:
    """n values of a joint angle: a constant, or [start, end] evenly spaced."""
    if isinstance(value, (list, tuple)):
        return _linspace(value, n)
    return [float(value)] * n


# The grip sits at the hand's centre of mass (de Leva 1996: 79 % of the way from the wrist to the middle finger's
# knuckle).
GRIP_FROM_WRIST = b.SEGMENTS["hand"].com_from_proximal * b.SEGMENTS["hand"].length_m
SHOULDER_AXES = {"sagittal": ("shoulder_flexion", "shoulder_abduction"),
                 "frontal": ("shoulder_abduction", "shoulder_flexion")}


def arm(p: dict[str, Any]) -> list[Phase]:
    """Arm exercises (curls, triceps extensions, raises, wrist curls): one arm, the shoulder joint fixed in space.

    Parameters (angles in degrees, each a constant or [start, end]): plane (sagittal: the arm moves forward and
    back, or frontal: out to the side), trunk_lean_deg (sagittal: the trunk's tilt forward from upright; -30 is
    reclined on an incline bench, -90 lying on the back), shoulder_deg (flexion, or abduction in the frontal plane,
    relative to the trunk), elbow_deg (flexion), forearm_deg (pronation positive, -80 palm up, 0 thumb up, 80 palm
    down), wrist_deg (flexion), palm (up or down: which way wrist flexion turns the hand), pull_deg (direction of
    the load's force on the hand: -90 for a free weight, or toward the pulley of a cable), hands (how many hands
    share the load), active (the axes the muscles must balance: a joint braced on a pad or the thigh is not), soft
    (axes held near zero moment, softly: the forearm's rotation, the shoulder off the movement's plane).

    In the frontal plane the bent forearm points forward, out of the plane, so only its in-plane share of length
    counts and the elbow is not balanced.
    """
    plane = str(p.get("plane", "sagittal"))
    main_axis, other_axis = SHOULDER_AXES[plane]
    trunk_abs = 90.0 - float(p.get("trunk_lean_deg", 0.0)) if plane == "sagittal" else 90.0
    pull = unit(float(p.get("pull_deg", -90.0))) * b.G / float(p.get("hands", 1))
    palm = 1.0 if p.get("palm", "up") == "up" else -1.0
    n = int(p.get("phases", 7))
    angles = {k: _series(p.get(f"{k}_deg", 0.0), n) for k in ("shoulder", "elbow", "forearm", "wrist")}
    up, fa, hd = (b.SEGMENTS[s] for s in ("upper_arm", "forearm", "hand"))
    down = np.array([0.0, -b.G])
    out = []
    for i in range(n):
        sh, el, wr = angles["shoulder"][i], angles["elbow"][i], angles["wrist"][i]
        upper = trunk_abs - 180.0 + sh
        elbow = up.length_m * unit(upper)
        if plane == "sagittal":
            fore_u, hand_u = unit(upper + el), unit(upper + el + palm * wr)
            wrist = elbow + fa.length_m * fore_u
        else:
            fore_u = hand_u = unit(upper) * math.cos(math.radians(el))
            wrist = elbow + fa.length_m * fore_u
        grip = wrist + GRIP_FROM_WRIST * hand_u
        weights = {
            "upper_arm": Force(up.com_from_proximal * elbow, b.mass("upper_arm") * down),
            "forearm": Force(elbow + fa.com_from_proximal * (wrist - elbow), b.mass("forearm") * down),
            "hand": Force(grip, b.mass("hand") * down),
        }
        load = Force(grip, pull)
        # each axis: its centre, the sign that makes its moment flexion-positive, and the segments beyond it
        on: dict[str, tuple[np.ndarray, float, tuple[str, ...]]] = {
            main_axis: (np.zeros(2), 1.0, ("upper_arm", "forearm", "hand"))}
        if plane == "sagittal":  # in the frontal plane the bent elbow and the wrist are held, not balanced
            on |= {"elbow": (elbow, 1.0, ("forearm", "hand")), "wrist": (wrist, palm, ("hand",))}
        per_kg, body = {}, {}
        for axis, (centre, sign, segs) in on.items():
            # the muscles' moment (flexion-positive) balances the external moment on the distal side
            per_kg[axis] = -sign * cross(load.point - centre, load.vector)
            body[axis] = -sign * sum(cross(weights[s].point - centre, weights[s].vector) for s in segs)
        pose = {main_axis: sh, other_axis: 0.0, "elbow": el, "forearm": angles["forearm"][i], "wrist": wr}
        out.append(Phase(pose, per_kg, body, tuple(p["active"]), soft=tuple(p.get("soft", ()))))
    return out


KINDS: dict[str, Callable[[dict[str, Any]], list[Phase]]] = {
    "sled": sled,
    "stand": stand,
    "bridge": bridge,
    "pad": pad,
    "calf": calf,
    "arm": arm,
}
# The limb model whose muscles carry each kind's moments (leg unless named here).
KIND_MODEL = {"arm": "arm"}


def travel_weights(phases: list[Phase]) -> np.ndarray:
    """How much of the load's path each phase stands for (summing to 1)."""
    n = len(phases)
    if n < 2 or any(ph.travel is None for ph in phases):
        return np.full(n, 1.0 / max(n, 1))
    s = np.array([ph.travel or 0.0 for ph in phases])
    edges = np.concatenate([[s[0]], (s[1:] + s[:-1]) / 2, [s[-1]]])
    w = np.abs(np.diff(edges))
    return w / w.sum() if w.sum() > 0 else np.full(n, 1.0 / n)


def model_of(params: dict[str, Any]) -> str:
    return KIND_MODEL.get(str(params["kind"]), "leg")


def phases_for(params: dict[str, Any]) -> list[Phase]:
    """The phases of a mechanics description (its `kind` picks the posture model).

    With `off_plane: true` the optimiser also holds the hip's adduction and rotation moments near zero, softly, as a
    symmetric two-legged lift needs; this keeps the adductors from extending the hip "for free" in a planar model.
    The sled (leg presses) uses it; without passive structures it can make deep squats nearly infeasible, so it is
    not the default.
    """
    phases = KINDS[str(params["kind"])](params)
    if params.get("off_plane"):
        phases = [ph._replace(soft=LEG_OFF_PLANE) if "hip" in ph.active else ph for ph in phases]
    return phases
