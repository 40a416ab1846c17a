"""The knowledge base's record types and controlled vocabularies.

Records are typed NamedTuples: immutable like frozen dataclasses, but about six times cheaper to define at import,
which keeps a cold `musclemap show` within its start-up budget.
"""

from __future__ import annotations

from typing import NamedTuple

# Roles follow ExRx's kinesiology glossary (source key exrx_glossary).
ROLES: tuple[str, ...] = ("target", "synergist", "stabilizer", "dynamic_stabilizer", "antagonist_stabilizer")

ROLE_LABELS: dict[str, str] = {
    "target": "target",
    "synergist": "synergist",
    "stabilizer": "stabilizer",
    "dynamic_stabilizer": "dynamic stabilizer",
    "antagonist_stabilizer": "antagonist stabilizer",
}

# The involvement a muscle in each role may have (inclusive). A target below 0.3 would not be trained by the
# exercise; a stabilizer above 0.6 would be doing the work of a mover. The loader enforces these bands.
ROLE_BANDS: dict[str, tuple[float, float]] = {
    "target": (0.3, 1.0),
    "synergist": (0.1, 0.8),
    "stabilizer": (0.03, 0.6),
    "dynamic_stabilizer": (0.03, 0.5),
    "antagonist_stabilizer": (0.02, 0.5),
}

REGIONS: tuple[str, ...] = (
    "neck", "shoulder", "chest", "upper_back", "lower_back", "abdomen",
    "hip", "thigh", "lower_leg", "upper_arm", "forearm",
)
VIEWS: tuple[str, ...] = ("front", "back")

# Words that keep their capital inside a sentence when they open an exercise's name ("the Romanian deadlift", "the
# Turkish get-up"); exercise names are in sentence case, so every other opening word is lowered in running text.
# A test checks that every capitalised word found inside a name is here or is an acronym or a letter (EZ, T-bar).
PROPER_WORDS: frozenset[str] = frozenset({
    "Arnold", "Bayesian", "Bulgarian", "Copenhagen", "Nordic", "Pallof", "Pendlay", "Romanian", "Russian", "Smith",
    "Spiderman", "Tate", "Turkish", "Zercher", "Zottman",
})


def in_sentence(name: str) -> str:
    """An exercise's name as it reads inside a sentence: "leg press", but "Romanian deadlift" and "EZ bar curl"."""
    first = name.split(" ", 1)[0]
    head = first.split("-", 1)[0]
    if first in PROPER_WORDS or head in PROPER_WORDS or head.isupper():
        return name
    return name[:1].lower() + name[1:]
DEPTHS: tuple[str, ...] = ("superficial", "deep")
VOLUME_BASES: tuple[str, ...] = ("measured", "model")
GROUP_KINDS: tuple[str, ...] = ("muscle", "functional", "regional")
SOURCE_KINDS: tuple[str, ...] = ("book", "article", "model", "web", "estimate")
EQUIPMENT: tuple[str, ...] = (
    "barbell", "dumbbell", "kettlebell", "cable", "machine", "smith_machine", "band", "body_weight",
    "ez_bar", "trap_bar", "plate", "bench", "pull_up_bar", "dip_station", "ab_wheel", "landmine", "other",
    "medicine_ball", "sled", "sandbag", "cardio_machine", "box", "jump_rope",
)
MECHANICS: tuple[str, ...] = ("compound", "isolation")
FORCES: tuple[str, ...] = ("push", "pull", "static")
# Posture models of the mechanics engine (mechanics/statics.py KINDS); kept here so loading needs no numpy.
MECHANICS_KINDS: tuple[str, ...] = ("sled", "stand", "bridge", "pad", "calf", "arm")
# Posture kinds a `statics` block (joint moments only) may use: postures whose muscle sharing the engine does not yet
# get right (docs/mechanics.md: squats and hinges, bridges, triceps extensions, raises, leg curls), though their
# statics is plain mechanics and checks against measured or hand-calculated joint moments.
STATICS_KINDS: tuple[str, ...] = ("stand", "bridge", "pad", "arm")

PATTERNS: tuple[str, ...] = (
    "squat", "hinge", "lunge", "horizontal_push", "vertical_push", "horizontal_pull", "vertical_pull",
    "hip_extension", "knee_extension", "knee_flexion", "plantarflexion", "hip_abduction", "hip_adduction",
    "elbow_flexion", "elbow_extension", "shoulder_raise", "fly", "shrug", "wrist", "trunk_flexion",
    "trunk_extension", "rotation", "anti_extension", "anti_lateral_flexion", "hip_flexion", "carry", "neck",
    "olympic_lift", "jump", "throw", "cardio", "stretch", "sled",
)

# In a stretch, involvement grades how far the position takes each muscle toward its end range, not activation, so
# stretches are kept out of the rankings of exercises that work a muscle.
UNRANKED_PATTERNS: frozenset[str] = frozenset({"stretch"})


class Source(NamedTuple):
    key: str
    authors: str
    year: int | None
    title: str
    where: str
    kind: str
    doi: str | None = None
    verified: bool = True

    def citation(self) -> str:
        """One-line citation: authors (year). title. where."""
        year = self.year if self.year is not None else "n.d."
        flag = "" if self.verified else " [details unverified]"
        return f"{self.authors} ({year}). {self.title}. {self.where}.{flag}"


class JointAction(NamedTuple):
    id: str
    joint: str
    name: str
    description: str


class Joint(NamedTuple):
    id: str
    name: str
    latin: str | None
    actions: tuple[JointAction, ...]
    sources: tuple[str, ...]


class MuscleAction(NamedTuple):
    action: str
    joint: str
    prime_mover: bool


class Volume(NamedTuple):
    value: float
    source: str
    basis: str = "measured"  # measured, or model: derived from a published model's parameters


class Muscle(NamedTuple):
    id: str
    name: str
    latin: str
    aliases: tuple[str, ...]
    groups: tuple[str, ...]
    region: str
    views: tuple[str, ...]
    depth: str
    location: str
    actions: tuple[MuscleAction, ...]
    functions: tuple[str, ...]
    volume: Volume | None
    sources: tuple[str, ...]
    note: str | None = None

    def action_ids(self) -> frozenset[str]:
        """The ids of the joint actions this muscle performs."""
        return frozenset(a.action for a in self.actions)


class Group(NamedTuple):
    id: str
    name: str
    aliases: tuple[str, ...]
    kind: str
    description: str
    sources: tuple[str, ...]
    members: tuple[str, ...] = ()


class ExerciseMuscle(NamedTuple):
    muscle: str
    role: str
    involvement: float
    why: str


class VariantValue(NamedTuple):
    value: str
    note: str
    shift: tuple[tuple[str, float], ...] = ()
    aliases: tuple[str, ...] = ()  # names that mean the exercise at this value ("wide grip lat pulldown")


class Variant(NamedTuple):
    key: str
    default: str
    values: tuple[VariantValue, ...]
    sources: tuple[str, ...] = ()

    def value_names(self) -> tuple[str, ...]:
        """The allowed values, in declared order."""
        return tuple(v.value for v in self.values)

    def get(self, value: str) -> VariantValue | None:
        """The declared value named `value`, or None."""
        for v in self.values:
            if v.value == value:
                return v
        return None


class Exercise(NamedTuple):
    id: str
    name: str
    aliases: tuple[str, ...]
    equipment: tuple[str, ...]
    mechanic: str
    force: str
    pattern: str
    actions: tuple[str, ...]
    muscles: tuple[ExerciseMuscle, ...]
    variants: tuple[Variant, ...]
    safety: tuple[str, ...]
    sources: tuple[str, ...]
    mechanics: str | None = None  # the mechanics description as canonical JSON, or None
    family: str | None = None  # the catalogue family whose grid generated it (catalogue.py), or None if curated
    anchor: str | None = None  # the curated exercise its numbers derive from, for a generated exercise
    modifiers: tuple[tuple[str, str, str], ...] = ()  # (axis, value, note) that set it apart from its anchor
    marked: tuple[str, ...] = ()  # name words that set it apart from its family's reference point ("incline"): a
    # name that leaves one out means another exercise, so the resolver does not fill it in
    statics: str | None = None  # a posture for the net joint moments only (involvement stays curated), as JSON

    def variant(self, key: str) -> Variant | None:
        """The declared variant with this key, or None."""
        for v in self.variants:
            if v.key == key:
                return v
        return None


class Computed(NamedTuple):
    """The mechanics engine's answer for one exercise at one combination of its mechanical variants."""

    muscles: dict[str, tuple[float, str, str]]  # muscle id -> (involvement, role, driver)
    joint_moments: tuple[tuple[str, float, float, str], ...]  # (joint, peak N m, mean N m, direction)
    one_rm_kg: float
    load_kg: float
    model: str = "leg"  # the limb model that computed it ("leg" or "arm"): its muscles are the computed ones, and
    # the joint moments are per leg or per arm
    load_unit: str = "load"  # what the 1RM is the mass of: the whole "load", or one "dumbbell"
    shares: bool = True  # False for a `statics` description: joint moments at load_kg only, muscles left curated


# The mechanics engine's limb models and, for each, its muscle-tendon units and the knowledge-base muscle each
# belongs to (several units may make up one muscle; units with no knowledge-base muscle still share the load but
# are not reported). Leg: MyoLeg after Rajagopal 2016.
LEG_UNITS: dict[str, str] = {
    "glmax1": "gluteus_maximus", "glmax2": "gluteus_maximus", "glmax3": "gluteus_maximus",
    "glmed1": "gluteus_medius", "glmed2": "gluteus_medius", "glmed3": "gluteus_medius",
    "glmin1": "gluteus_minimus", "glmin2": "gluteus_minimus", "glmin3": "gluteus_minimus",
    "tfl": "tensor_fasciae_latae", "piri": "piriformis", "iliacus": "iliopsoas", "psoas": "iliopsoas",
    "sart": "sartorius", "recfem": "rectus_femoris", "vaslat": "vastus_lateralis", "vasmed": "vastus_medialis",
    "vasint": "vastus_intermedius", "bflh": "biceps_femoris_long_head", "bfsh": "biceps_femoris_short_head",
    "semiten": "semitendinosus", "semimem": "semimembranosus", "addmagDist": "adductor_magnus",
    "addmagIsch": "adductor_magnus", "addmagMid": "adductor_magnus", "addmagProx": "adductor_magnus",
    "addlong": "adductor_longus", "addbrev": "adductor_brevis", "grac": "gracilis",
    "gasmed": "gastrocnemius_medial_head", "gaslat": "gastrocnemius_lateral_head", "soleus": "soleus",
    "tibant": "tibialis_anterior", "perlong": "fibularis_longus",
}
# Arm: MyoArm after MoBL-ARMS (Holzbaur 2005, Saul 2015). Left out: coracobrachialis, anconeus, palmaris longus,
# pronator quadratus and the thumb's and single fingers' extensors, which the knowledge base does not list.
ARM_UNITS: dict[str, str] = {
    "DELT1": "deltoid_anterior", "DELT2": "deltoid_lateral", "DELT3": "deltoid_posterior",
    "SUPSP": "supraspinatus", "INFSP": "infraspinatus", "TMIN": "teres_minor", "SUBSC": "subscapularis",
    "TMAJ": "teres_major", "LAT1": "latissimus_dorsi", "LAT2": "latissimus_dorsi", "LAT3": "latissimus_dorsi",
    "PECM1": "pectoralis_major_clavicular_head", "PECM2": "pectoralis_major_sternal_head",
    "PECM3": "pectoralis_major_sternal_head",
    "BIClong": "biceps_brachii_long_head", "BICshort": "biceps_brachii_short_head", "BRA": "brachialis",
    "BRD": "brachioradialis", "TRIlong": "triceps_brachii_long_head", "TRIlat": "triceps_brachii_lateral_head",
    "TRImed": "triceps_brachii_medial_head", "PT": "pronator_teres", "SUP": "supinator",
    "FCR": "flexor_carpi_radialis", "FCU": "flexor_carpi_ulnaris",
    "FDS2": "flexor_digitorum_superficialis", "FDS3": "flexor_digitorum_superficialis",
    "FDS4": "flexor_digitorum_superficialis", "FDS5": "flexor_digitorum_superficialis",
    "FDP2": "flexor_digitorum_profundus", "FDP3": "flexor_digitorum_profundus",
    "FDP4": "flexor_digitorum_profundus", "FDP5": "flexor_digitorum_profundus",
    "ECRL": "extensor_carpi_radialis_longus", "ECRB": "extensor_carpi_radialis_brevis",
    "ECU": "extensor_carpi_ulnaris", "EDC2": "extensor_digitorum", "EDC3": "extensor_digitorum",
    "EDC4": "extensor_digitorum", "EDC5": "extensor_digitorum",
}
ENGINE_UNITS: dict[str, dict[str, str]] = {"leg": LEG_UNITS, "arm": ARM_UNITS}
# per model: the knowledge-base muscles it computes (a listed muscle it finds idle is left out of an answer)
ENGINE_MUSCLES: dict[str, frozenset[str]] = {k: frozenset(v.values()) for k, v in ENGINE_UNITS.items()}


def combo_key(exercise_id: str, chosen: dict[str, str]) -> str:
    """The key of one exercise at one combination of mechanical variant values (engine results are filed so)."""
    return exercise_id + "|" + ",".join(f"{k}={v}" for k, v in sorted(chosen.items()))


class Usage(NamedTuple):
    """One row of the muscle -> exercises index: how an exercise uses a muscle at its default variant."""

    exercise: str
    role: str
    involvement: float
    equipment: tuple[str, ...] = ()
    variation: bool = False  # a catalogue variation in technique only (a pause, a tempo, one arm): rankings fold it
