"""Questions over a KnowledgeBase: an exercise's muscles by role, exercises for a muscle, muscle details."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import NamedTuple

from . import model as m
from .errors import BadQuery, BadVariant
from .kb import KnowledgeBase


class MuscleWork(NamedTuple):
    """One muscle's part in an exercise (at a chosen variant)."""

    muscle: m.Muscle
    role: str
    involvement: float
    why: str
    driver: str | None = None  # the engine's one line on what drives it, for computed muscles
    basis: str = "curated"  # computed (mechanics engine) or curated (knowledge base)


class GroupWork(NamedTuple):
    """A muscle group's part in an exercise: its members that work, most involved first."""

    group: m.Group
    involvement: float  # the most involved member's
    muscles: tuple[MuscleWork, ...]


class VariantChoice(NamedTuple):
    key: str
    value: str
    note: str
    values: tuple[str, ...]
    default: str


class ExerciseAnswer(NamedTuple):
    """Which muscles an exercise works, in what role and how hard."""

    exercise: m.Exercise
    variant: tuple[VariantChoice, ...]
    muscles: tuple[MuscleWork, ...]
    groups: tuple[GroupWork, ...]
    computed: m.Computed | None = None  # the engine's answer, where it shares the work among the muscles
    moments: m.Computed | None = None  # where the net joint moments come from: the engine's answer, or statics only

    def by_role(self, role: str) -> tuple[MuscleWork, ...]:
        """The muscles in one role, most involved first."""
        return tuple(w for w in self.muscles if w.role == role)


class RankedExercise(NamedTuple):
    """An exercise in a ranking for a muscle or group: how it uses that muscle (or the group's busiest member)."""

    exercise: m.Exercise
    muscle: m.Muscle
    role: str
    involvement: float


class MuscleInfo(NamedTuple):
    muscle: m.Muscle
    groups: tuple[m.Group, ...]
    top: tuple[RankedExercise, ...]


class GroupInfo(NamedTuple):
    group: m.Group
    members: tuple[m.Muscle, ...]
    top: tuple[RankedExercise, ...]


def parse_variant_pairs(pairs: Iterable[str]) -> dict[str, str]:
    """Turn ["foot_placement=high", ...] into a dict; raise BadVariant on a malformed or repeated pair."""
    out: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        key, value = key.strip().lower().replace("-", "_"), value.strip().lower().replace("-", "_")
        if not sep or not key or not value:
            raise BadVariant(f"variant {pair!r} is not KEY=VALUE (for example foot_placement=high)")
        if key in out:
            raise BadVariant(f"variant {key!r} is given twice")
        out[key] = value
    return out


def choose_variant(ex: m.Exercise, requested: Mapping[str, str]) -> tuple[VariantChoice, ...]:
    """Every declared variant of the exercise with the requested or default value; BadVariant names what is allowed."""
    declared = {v.key: v for v in ex.variants}
    for key, value in requested.items():
        var = declared.get(key)
        if var is None:
            allowed = ", ".join(declared) if declared else "none"
            raise BadVariant(f"{ex.name} has no variant {key!r}; its variants: {allowed}")
        if var.get(value) is None:
            raise BadVariant(f"{key}={value!r} is not allowed for {ex.name}; choose one of: "
                             + ", ".join(var.value_names()))
    choices = []
    for var in ex.variants:
        chosen = var.get(requested.get(var.key, var.default))
        assert chosen is not None  # checked above, and the loader checks every default
        choices.append(VariantChoice(var.key, chosen.value, chosen.note, var.value_names(), var.default))
    return tuple(choices)


# Roles a planar static model cannot see, so a curated entry keeps them when the engine finds the muscle idle: the
# antagonist that brakes a joint, and the stabilizer that holds a joint in the other planes (the gluteus medius
# keeping the knees over the feet in a leg press).
CURATED_ROLES = frozenset({"antagonist_stabilizer", "stabilizer"})


def exercise_answer(kb: KnowledgeBase, exercise_id: str, variant: Mapping[str, str] | None = None) -> ExerciseAnswer:
    """The muscles an exercise works at a variant, with roles and involvement, grouped by muscle group.

    Where the mechanics engine has computed the exercise, its involvement and roles replace the curated ones for
    the muscles it models; curated shifts of variants the engine cannot see (stance width, say) still apply, and
    muscles outside the engine's model (trunk, stabilizers) keep their curated values.
    """
    ex = kb.exercises[exercise_id]
    choices = choose_variant(ex, variant or {})
    computed, mechanical = _computed_for(kb, ex, choices)
    moments = computed
    if computed is not None and not computed.shares:
        # a statics description: joint moments only; every muscle keeps its curated number and shifts
        computed, mechanical = None, frozenset()
    shift: dict[str, float] = {}
    curated_shift: dict[str, float] = {}
    for choice in choices:
        value = ex.variant(choice.key).get(choice.value)  # type: ignore[union-attr]
        for muscle_id, delta in value.shift:  # type: ignore[union-attr]
            curated_shift[muscle_id] = curated_shift.get(muscle_id, 0.0) + delta
            if choice.key not in mechanical:
                shift[muscle_id] = shift.get(muscle_id, 0.0) + delta
    works: list[MuscleWork] = []
    listed = set()
    for em in ex.muscles:
        listed.add(em.muscle)
        muscle = kb.muscles[em.muscle]
        got = computed.muscles.get(em.muscle) if computed else None
        if (computed is not None and got is None and em.muscle in m.ENGINE_MUSCLES[computed.model]
                and em.role not in CURATED_ROLES):
            # the engine models this muscle and finds it idle; only a curated shift of a variant the engine cannot
            # see (stance width, say) brings it in
            extra = _clamp(shift.get(em.muscle, 0.0))
            if extra > 0:
                works.append(MuscleWork(muscle, "stabilizer", extra, em.why, None, "computed"))
            continue
        curated = _clamp(em.involvement + curated_shift.get(em.muscle, 0.0))
        if got is None or (em.role in CURATED_ROLES and got[1] == "stabilizer" and curated > got[0]):
            # outside the engine's model, or a holding role the engine sees only in part (its planar balance)
            works.append(MuscleWork(muscle, em.role, curated, em.why))
            continue
        role = em.role if em.role == "antagonist_stabilizer" else got[1]
        works.append(MuscleWork(muscle, role, _clamp(got[0] + shift.get(em.muscle, 0.0)), em.why, got[2], "computed"))
    if computed is not None:
        for muscle_id, (value, role, driver) in computed.muscles.items():
            if muscle_id not in listed and muscle_id in kb.muscles:
                works.append(MuscleWork(kb.muscles[muscle_id], role, _clamp(value), driver, driver, "computed"))
    works.sort(key=lambda w: (-w.involvement, m.ROLES.index(w.role), w.muscle.name))
    return ExerciseAnswer(ex, choices, tuple(works), _group_works(kb, works), computed, moments)


def _computed_for(kb: KnowledgeBase, ex: m.Exercise,
                  choices: tuple[VariantChoice, ...]) -> tuple[m.Computed | None, frozenset[str]]:
    """The engine's result for the chosen mechanical variants, and which variant keys are mechanical."""
    described = ex.mechanics if ex.mechanics is not None else ex.statics
    if described is None:
        return None, frozenset()
    import json

    mechanical = frozenset(json.loads(described).get("variants", {}))
    chosen = {c.key: c.value for c in choices if c.key in mechanical}
    return kb.computed.get(m.combo_key(ex.id, chosen)), mechanical


def _clamp(x: float) -> float:
    return round(min(1.0, max(0.0, x)), 3)


def _group_works(kb: KnowledgeBase, works: list[MuscleWork]) -> tuple[GroupWork, ...]:
    # Each muscle is shown under its first (primary) group, so that every muscle appears once.
    buckets: dict[str, list[MuscleWork]] = {}
    for w in works:
        buckets.setdefault(w.muscle.groups[0], []).append(w)
    out = [GroupWork(kb.groups[gid], max(w.involvement for w in ws), tuple(ws)) for gid, ws in buckets.items()]
    # groups with a target first (a busy stabilizer, such as the deltoid holding the arm in a curl, does not lead)
    out.sort(key=lambda g: (all(w.role != "target" for w in g.muscles), -g.involvement, g.group.name))
    return tuple(out)


def members_of(kb: KnowledgeBase, record_id: str) -> tuple[str, ...]:
    """The muscle ids a muscle or group id stands for."""
    if record_id in kb.muscles:
        return (record_id,)
    return kb.groups[record_id].members


def exercises_for(
    kb: KnowledgeBase,
    target: str | None = None,
    *,
    equipment: str | None = None,
    roles: Iterable[str] = (),
    limit: int | None = None,
    variations: bool = False,
) -> tuple[RankedExercise, ...]:
    """Exercises that work a muscle or group (its busiest member), ranked by involvement, then filtered.

    Without a target, every exercise is listed under its most involved target muscle. Catalogue variations that
    differ from another exercise only in technique (paused, tempo, one arm at a time) are left out unless
    `variations` is set: they would repeat that exercise's numbers down the list.
    """
    roles = tuple(roles)
    for role in roles:
        if role not in m.ROLES:
            raise BadQuery(f"unknown role {role!r}; choose one of: {', '.join(m.ROLES)}")
    if equipment is not None and equipment not in m.EQUIPMENT:
        raise BadQuery(f"unknown equipment {equipment!r}; choose one of: {', '.join(m.EQUIPMENT)}")
    if limit is not None and limit < 1:
        raise BadQuery("the limit must be at least 1")
    best: dict[str, tuple[m.Usage, str]] = {}
    if target is None:
        for ex in kb.exercises.values():
            if not variations and any(axis == "technique" for axis, _v, _n in ex.modifiers):
                continue
            em = max((x for x in ex.muscles if x.role == "target"), key=lambda x: x.involvement)
            best[ex.id] = (m.Usage(ex.id, em.role, em.involvement, ex.equipment), em.muscle)
    else:
        for muscle_id in members_of(kb, target):
            for use in kb.usage.get(muscle_id, ()):
                if (roles and use.role not in roles) or (use.variation and not variations):
                    continue
                if use.exercise not in best or use.involvement > best[use.exercise][0].involvement:
                    best[use.exercise] = (use, muscle_id)
    rows = []
    for use, muscle_id in best.values():
        if equipment is not None and equipment not in use.equipment:
            continue
        if roles and use.role not in roles:
            continue
        rows.append((use, muscle_id))
    rows.sort(key=lambda r: (-r[0].involvement, m.ROLES.index(r[0].role), r[0].exercise))
    if limit is not None:
        rows = rows[:limit]
    return tuple(RankedExercise(kb.exercises[u.exercise], kb.muscles[mid], u.role, u.involvement) for u, mid in rows)


def muscle_info(kb: KnowledgeBase, muscle_id: str, limit: int = 10) -> MuscleInfo:
    """A muscle's anatomy, its groups and the exercises that work it hardest."""
    muscle = kb.muscles[muscle_id]
    return MuscleInfo(muscle, tuple(kb.groups[g] for g in muscle.groups), exercises_for(kb, muscle_id, limit=limit))


def group_info(kb: KnowledgeBase, group_id: str, limit: int = 10) -> GroupInfo:
    """A group, its member muscles and the exercises that work it hardest."""
    group = kb.groups[group_id]
    return GroupInfo(group, tuple(kb.muscles[mid] for mid in group.members), exercises_for(kb, group_id, limit=limit))


def largest_muscles(kb: KnowledgeBase, limit: int = 5) -> tuple[m.Muscle, ...]:
    """Muscles with a published volume, largest first."""
    sized = [mu for mu in kb.muscles.values() if mu.volume is not None]
    sized.sort(key=lambda mu: -mu.volume.value)  # type: ignore[union-attr]
    return tuple(sized[:limit])


class CatalogueStats(NamedTuple):
    """Counts over the whole catalogue, and which exercises still carry curated rather than computed numbers."""

    total: int
    hand_written: int  # records in data/exercises
    generated: int  # points of a catalogue family's grid
    computed: tuple[str, ...]  # exercise ids whose involvement comes from the mechanics engine
    curated: tuple[str, ...]  # exercise ids whose involvement is still curated
    moments_only: tuple[str, ...]  # curated exercises whose net joint moments come from a statics description
    unverified: int  # exercises whose numbers include a shift no study has been found for
    without_target: tuple[str, ...]
    by_pattern: tuple[tuple[str, int], ...]
    by_equipment: tuple[tuple[str, int], ...]
    by_group: tuple[tuple[str, int], ...]  # muscle group -> exercises with a target in it
    by_family: tuple[tuple[str, int], ...]


def _counted(counts: Mapping[str, int]) -> tuple[tuple[str, int], ...]:
    return tuple(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def catalogue_stats(kb: KnowledgeBase) -> CatalogueStats:
    """Counts per pattern, equipment, muscle group and family; computed versus curated; exercises with no target."""
    patterns: dict[str, int] = {}
    equipment: dict[str, int] = {}
    groups: dict[str, int] = {}
    families: dict[str, int] = {}
    computed: list[str] = []
    curated: list[str] = []
    moments_only: list[str] = []
    without: list[str] = []
    generated = unverified = 0
    for ex in kb.exercises.values():
        patterns[ex.pattern] = patterns.get(ex.pattern, 0) + 1
        for e in ex.equipment:
            equipment[e] = equipment.get(e, 0) + 1
        hit = {g for em in ex.muscles if em.role == "target" for g in kb.muscles[em.muscle].groups}
        for g in hit:
            groups[g] = groups.get(g, 0) + 1
        if ex.family:
            generated += 1
            families[ex.family] = families.get(ex.family, 0) + 1
        (computed if ex.mechanics is not None else curated).append(ex.id)
        if ex.statics is not None:
            moments_only.append(ex.id)
        if not any(em.role == "target" for em in ex.muscles):
            without.append(ex.id)
        if "unverified" in ex.sources:
            unverified += 1
    total = len(computed) + len(curated)
    return CatalogueStats(total, total - generated, generated, tuple(computed), tuple(curated), tuple(moments_only),
                          unverified, tuple(without), _counted(patterns), _counted(equipment), _counted(groups),
                          _counted(families))


def muscle_vector(kb: KnowledgeBase, raw: object) -> dict[str, float]:
    """A per-muscle vector ({muscle or group id: value 0-1}) checked against the knowledge base; BadQuery if not."""
    if not isinstance(raw, dict) or not raw:
        raise BadQuery("a muscle vector is a JSON object of muscle or group ids to numbers from 0 to 1")
    out: dict[str, float] = {}
    for key, value in raw.items():
        if key not in kb.muscles and key not in kb.groups:
            raise BadQuery(f"{key!r} is not a muscle or group id")
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
            raise BadQuery(f"{key!r}: {value!r} is not a number from 0 to 1")
        out[key] = float(value)
    return out


# Words people use for equipment -> the vocabulary's ids (beside the ids themselves, with spaces or hyphens)
EQUIPMENT_WORDS: dict[str, str] = {
    "dumbbell": "dumbbell", "dumbbells": "dumbbell", "db": "dumbbell", "barbell": "barbell", "barbells": "barbell",
    "bar": "barbell", "kettlebell": "kettlebell", "kettlebells": "kettlebell", "cable": "cable", "cables": "cable",
    "machine": "machine", "machines": "machine", "band": "band", "bands": "band", "resistance band": "band",
    "resistance bands": "band", "bodyweight": "body_weight", "body weight": "body_weight", "no equipment": "body_weight",
    "smith machine": "smith_machine", "smith": "smith_machine", "ez bar": "ez_bar", "trap bar": "trap_bar",
    "hex bar": "trap_bar", "landmine": "landmine", "plate": "plate", "plates": "plate", "medicine ball": "medicine_ball",
}


def equipment_id(text: str) -> str:
    """The equipment id a user's word names ("dumbbells", "DB", "smith machine", "ez-bar"); BadQuery if none."""
    words = " ".join(re.sub(r"[^a-z ]", " ", text.lower().replace("-", " ").replace("_", " ")).split())
    for guess in (EQUIPMENT_WORDS.get(words), words.replace(" ", "_"), words.removesuffix("s").replace(" ", "_")):
        if guess in m.EQUIPMENT:
            return guess
    raise BadQuery(f"unknown equipment {text!r}; choose one of: {', '.join(m.EQUIPMENT)}")


def moment_phrases(got: m.Computed) -> list[str]:
    """Each net joint moment in words: "knee 133 N m (extension)"."""
    return [f"{j.replace('_', ' ')} {peak:.0f} N m ({d})" for j, peak, _mean, d in got.joint_moments]


def load_phrase(got: m.Computed) -> str:
    """The load a statics description's moments are given at, and how they are shared: "8 kg per dumbbell, peak per
    arm"."""
    unit = "per dumbbell" if got.load_unit == "dumbbell" else "of load"
    lumbar = " (the lumbar spine's for the whole body)" if any(j == "lumbar_spine" for j, *_ in got.joint_moments) else ""
    return f"{got.load_kg:.0f} kg {unit}, peak per {got.model}{lumbar}"


def joint_moment_rows(first: ExerciseAnswer, second: ExerciseAnswer
                      ) -> list[tuple[str, tuple[float, str] | None, tuple[float, str] | None]]:
    """The joints either exercise has a net moment at: (joint, (peak, direction) or None for each)."""
    got = [{j: (peak, d) for j, peak, _mean, d in (ans.moments.joint_moments if ans.moments else ())}
           for ans in (first, second)]
    joints = list(dict.fromkeys([*got[0], *got[1]]))
    return [(j, got[0].get(j), got[1].get(j)) for j in joints]
