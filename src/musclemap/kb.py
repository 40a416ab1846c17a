"""Load, validate and index the knowledge base: KnowledgeBase.

Two ways in: `load_yaml` reads the YAML source files and checks every rule (used at build time and by tests);
`load_default` opens the precompiled snapshot that the CLI uses. Both give the same KnowledgeBase.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from . import model as m
from .errors import DataError
from .resolve import name_keys

if TYPE_CHECKING:
    from .catalogue import Family

NameRef = tuple[str, str, str]  # (kind, id, preset): kind is exercise, muscle or group; preset "key=value" or ""

_ID_CHARS = set("abcdefghijklmnopqrstuvwxyz0123456789_")


# --------------------------------------------------------------------------------------------------
# The knowledge base


class NameChoices(NamedTuple):
    """The names of some record kinds, laid out for fuzzy matching."""

    keys_list: list[str]
    refs: list[tuple[NameRef, ...]]
    by_token: dict[str, list[int]]  # word -> the positions in keys_list of the keys that contain it
    by_id: dict[str, list[int]]  # record id -> the positions in keys_list of its names
    by_length: dict[int, list[str]]  # word length -> the words of that length (for correcting typos)


class KnowledgeBase:
    """All records, keyed by id, plus the name index and the muscle -> exercises index."""

    __slots__ = ("sources", "joints", "actions", "groups", "muscles", "exercises", "names", "usage", "computed",
                 "_choices")

    def __init__(
        self,
        sources: Mapping[str, m.Source],
        joints: Mapping[str, m.Joint],
        actions: Mapping[str, m.JointAction],
        groups: Mapping[str, m.Group],
        muscles: Mapping[str, m.Muscle],
        exercises: Mapping[str, m.Exercise],
        names: Mapping[str, tuple[NameRef, ...]],
        usage: Mapping[str, tuple[m.Usage, ...]],
        computed: Mapping[str, m.Computed] | None = None,
    ) -> None:
        self.sources = sources
        self.joints = joints
        self.actions = actions
        self.groups = groups
        self.muscles = muscles
        self.exercises = exercises
        self.names = names
        self.usage = usage
        self.computed: Mapping[str, m.Computed] = {} if computed is None else computed
        self._choices: dict[tuple[str, ...], NameChoices] = {}

    def display_name(self, kind: str, record_id: str) -> str:
        """The display name of a record of the given kind."""
        table: Mapping[str, Any] = {"exercise": self.exercises, "muscle": self.muscles, "group": self.groups}[kind]
        return str(table[record_id].name)

    def name_choices(self, kinds: tuple[str, ...]) -> NameChoices:
        """All name keys that point at records of these kinds (built once, then cached)."""
        cached = self._choices.get(kinds)
        if cached is None:
            keys_list: list[str] = []
            refs: list[tuple[NameRef, ...]] = []
            by_token: dict[str, list[int]] = {}
            by_id: dict[str, list[int]] = {}
            for key, key_refs in self.names.items():
                wanted = tuple(r for r in key_refs if r[0] in kinds)
                if wanted:
                    for word in key.split():
                        by_token.setdefault(word, []).append(len(keys_list))
                    for r in wanted:
                        by_id.setdefault(r[1], []).append(len(keys_list))
                    keys_list.append(key)
                    refs.append(wanted)
            by_length: dict[int, list[str]] = {}
            for word in by_token:
                by_length.setdefault(len(word), []).append(word)
            cached = self._choices[kinds] = NameChoices(keys_list, refs, by_token, by_id, by_length)
        return cached


# --------------------------------------------------------------------------------------------------
# Reading one record


class _Record:
    """A raw mapping from a data file, with typed accessors that raise DataError naming file, record, field."""

    def __init__(self, file: str, raw: object, index: int, id_field: str = "id") -> None:
        self.file = file
        if not isinstance(raw, dict):
            raise DataError(file, f"#{index + 1}", None, f"expected a mapping, got {type(raw).__name__}")
        self.raw: dict[str, Any] = raw
        rid = raw.get(id_field)
        self.label = rid if isinstance(rid, str) and rid else f"#{index + 1}"
        self.used: set[str] = set()

    def error(self, fld: str | None, message: str) -> DataError:
        return DataError(self.file, self.label, fld, message)

    def has(self, fld: str) -> bool:
        return fld in self.raw and self.raw[fld] is not None

    def get(self, fld: str, typ: type | tuple[type, ...], *, required: bool = True, default: Any = None) -> Any:
        self.used.add(fld)
        if fld not in self.raw or self.raw[fld] is None:
            if required:
                raise self.error(fld, "is required")
            return default
        value = self.raw[fld]
        if typ is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if isinstance(value, bool) and (typ is int or typ is float):
            raise self.error(fld, "expected a number, got a boolean")
        if not isinstance(value, typ):
            want = typ.__name__ if isinstance(typ, type) else " or ".join(t.__name__ for t in typ)
            raise self.error(fld, f"expected {want}, got {type(value).__name__}")
        if isinstance(value, str) and not value.strip():
            raise self.error(fld, "must not be empty")
        return value

    def ident(self, fld: str = "id") -> str:
        value: str = self.get(fld, str)
        if not set(value) <= _ID_CHARS or not value[0].isalpha():
            raise self.error(fld, f"{value!r} is not a snake_case id")
        return value

    def text(self, fld: str, *, required: bool = True) -> str | None:
        value = self.get(fld, str, required=required)
        return value.strip() if isinstance(value, str) else None

    def enum(self, fld: str, vocab: tuple[str, ...]) -> str:
        value: str = self.get(fld, str)
        if value not in vocab:
            raise self.error(fld, f"{value!r} is not one of: {', '.join(vocab)}")
        return value

    def str_list(self, fld: str, *, required: bool = True, vocab: tuple[str, ...] | None = None,
                 nonempty: bool = False) -> tuple[str, ...]:
        items = self.get(fld, list, required=required, default=[])
        out: list[str] = []
        for item in items:
            if not isinstance(item, str) or not item.strip():
                raise self.error(fld, f"every item must be a non-empty string, got {item!r}")
            if vocab is not None and item not in vocab:
                raise self.error(fld, f"{item!r} is not one of: {', '.join(vocab)}")
            if item in out:
                raise self.error(fld, f"{item!r} is listed twice")
            out.append(item.strip())
        if nonempty and not out:
            raise self.error(fld, "must list at least one item")
        return tuple(out)

    def mappings(self, fld: str, *, required: bool = True) -> list[dict[str, Any]]:
        items = self.get(fld, list, required=required, default=[])
        for item in items:
            if not isinstance(item, dict):
                raise self.error(fld, f"every item must be a mapping, got {item!r}")
        return list(items)

    def done(self) -> None:
        extra = sorted(set(self.raw) - self.used)
        if extra:
            raise self.error(extra[0], "is not a field of this kind of record")


class _Sub(_Record):
    """A nested mapping inside a record; errors name the parent record and the dotted field path."""

    def __init__(self, parent: _Record, path: str, raw: dict[str, Any]) -> None:
        self.file = parent.file
        self.raw = raw
        self.label = parent.label
        self.path = path
        self.used = set()

    def error(self, fld: str | None, message: str) -> DataError:
        return DataError(self.file, self.label, f"{self.path}.{fld}" if fld else self.path, message)


# --------------------------------------------------------------------------------------------------
# Parsers: raw mapping -> frozen record. Grammar checks only; references are checked in link().


def parse_source(rec: _Record) -> m.Source:
    key = rec.ident("key")
    year = rec.get("year", int, required=False)
    rec.used.add("year")
    out = m.Source(
        key=key,
        authors=str(rec.text("authors")),
        year=year,
        title=str(rec.text("title")),
        where=str(rec.text("where")),
        kind=rec.enum("kind", m.SOURCE_KINDS),
        doi=rec.text("doi", required=False),
        verified=bool(rec.get("verified", bool, required=False, default=True)),
    )
    rec.done()
    return out


def parse_joint(rec: _Record) -> m.Joint:
    jid = rec.ident()
    actions = []
    for i, raw in enumerate(rec.mappings("actions")):
        sub = _Sub(rec, f"actions[{i}]", raw)
        aid = sub.ident()
        if not aid.startswith(jid + "_"):
            raise sub.error("id", f"{aid!r} must start with the joint id {jid + '_'!r}")
        actions.append(m.JointAction(aid, jid, str(sub.text("name")), str(sub.text("description"))))
        sub.done()
    if not actions:
        raise rec.error("actions", "must list at least one action")
    out = m.Joint(jid, str(rec.text("name")), rec.text("latin", required=False), tuple(actions),
                  rec.str_list("sources", nonempty=True))
    rec.done()
    return out


def parse_group(rec: _Record) -> m.Group:
    out = m.Group(
        id=rec.ident(),
        name=str(rec.text("name")),
        aliases=rec.str_list("aliases", required=False),
        kind=rec.enum("kind", m.GROUP_KINDS),
        description=str(rec.text("description")),
        sources=rec.str_list("sources", nonempty=True),
        members=rec.str_list("members", required=False),
    )
    rec.done()
    return out


def parse_muscle(rec: _Record, joint_of: Callable[[str], str | None]) -> m.Muscle:
    mid = rec.ident()
    actions = []
    for i, raw in enumerate(rec.mappings("actions")):
        sub = _Sub(rec, f"actions[{i}]", raw)
        aid = sub.ident("action")
        joint = joint_of(aid)
        if joint is None:
            raise sub.error("action", f"unknown joint action {aid!r}")
        actions.append(m.MuscleAction(aid, joint, bool(sub.get("prime_mover", bool))))
        sub.done()
    if not actions:
        raise rec.error("actions", "must list at least one joint action")
    volume = None
    if rec.has("volume_cm3"):
        sub = _Sub(rec, "volume_cm3", rec.get("volume_cm3", dict))
        value = sub.get("value", float)
        if not 0 < value < 5000:
            raise sub.error("value", f"{value} cm3 is not a plausible muscle volume")
        basis = sub.enum("basis", m.VOLUME_BASES) if sub.has("basis") else "measured"
        sub.used.add("basis")
        volume = m.Volume(value, sub.ident("source"), basis)
        sub.done()
    rec.used.add("volume_cm3")
    out = m.Muscle(
        id=mid,
        name=str(rec.text("name")),
        latin=str(rec.text("latin")),
        aliases=rec.str_list("aliases", required=False),
        groups=rec.str_list("groups", nonempty=True),
        region=rec.enum("region", m.REGIONS),
        views=rec.str_list("views", vocab=m.VIEWS, nonempty=True),
        depth=rec.enum("depth", m.DEPTHS),
        location=str(rec.text("location")),
        actions=tuple(actions),
        functions=rec.str_list("functions", nonempty=True),
        volume=volume,
        sources=rec.str_list("sources", nonempty=True),
        note=rec.text("note", required=False),
    )
    rec.done()
    return out


def _involvement(sub: _Record, fld: str) -> float:
    value = float(sub.get(fld, float))
    if not 0.0 <= value <= 1.0:
        raise sub.error(fld, f"{value} is outside 0-1")
    return value


def parse_muscle_entry(sub: _Record) -> m.ExerciseMuscle:
    """One {muscle, role, involvement, why} entry of an exercise."""
    out = m.ExerciseMuscle(sub.ident("muscle"), sub.enum("role", m.ROLES), _involvement(sub, "involvement"),
                           str(sub.text("why")))
    sub.done()
    return out


def parse_exercise(rec: _Record) -> m.Exercise:
    eid = rec.ident()
    muscles = [parse_muscle_entry(_Sub(rec, f"muscles[{i}]", raw)) for i, raw in enumerate(rec.mappings("muscles"))]
    variants: list[m.Variant] = []
    for i, raw in enumerate(rec.mappings("variants", required=False)):
        sub = _Sub(rec, f"variants[{i}]", raw)
        key = sub.ident("key")
        values: list[m.VariantValue] = []
        for j, vraw in enumerate(sub.mappings("values")):
            vsub = _Sub(rec, f"variants[{i}].values[{j}]", vraw)
            value = vsub.ident("value")
            shift_raw = vsub.get("shift", dict, required=False, default={})
            shift: list[tuple[str, float]] = []
            for muscle_id, delta in shift_raw.items():
                if isinstance(delta, bool) or not isinstance(delta, (int, float)) or not -1 <= delta <= 1:
                    raise vsub.error(f"shift.{muscle_id}", f"must be a number between -1 and 1, got {delta!r}")
                shift.append((str(muscle_id), float(delta)))
            values.append(m.VariantValue(value, str(vsub.text("note")), tuple(shift),
                                         vsub.str_list("aliases", required=False)))
            vsub.done()
        variants.append(m.Variant(key, sub.ident("default"), tuple(values), sub.str_list("sources", required=False)))
        sub.done()
    out = m.Exercise(
        id=eid,
        name=str(rec.text("name")),
        aliases=rec.str_list("aliases", required=False),
        equipment=rec.str_list("equipment", vocab=m.EQUIPMENT, nonempty=True),
        mechanic=rec.enum("mechanic", m.MECHANICS),
        force=rec.enum("force", m.FORCES),
        pattern=rec.enum("pattern", m.PATTERNS),
        actions=rec.str_list("actions", nonempty=True),
        muscles=tuple(muscles),
        variants=tuple(variants),
        safety=rec.str_list("safety", required=False),
        sources=rec.str_list("sources", nonempty=True),
        mechanics=_mechanics(rec),
        statics=_mechanics(rec, "statics", m.STATICS_KINDS),
    )
    if out.mechanics is not None and out.statics is not None:
        raise rec.error("statics", "an exercise has either a mechanics description or a statics one, not both")
    rec.done()
    return out


def _mechanics(rec: _Record, field: str = "mechanics", kinds: tuple[str, ...] = m.MECHANICS_KINDS) -> str | None:
    """The `mechanics` (or `statics`) block as canonical JSON (validated against its kind in link())."""
    import json

    block = rec.get(field, dict, required=False)
    if block is None:
        return None
    sub = _Sub(rec, field, block)
    sub.enum("kind", kinds)
    return json.dumps(block, sort_keys=True, separators=(",", ":"))


# --------------------------------------------------------------------------------------------------
# Cross-reference pass


class RawKB:
    """Parsed records with the file each came from, before references are checked."""

    def __init__(self) -> None:
        self.sources: list[tuple[str, m.Source]] = []
        self.joints: list[tuple[str, m.Joint]] = []
        self.groups: list[tuple[str, m.Group]] = []
        self.muscles: list[tuple[str, m.Muscle]] = []
        self.exercises: list[tuple[str, m.Exercise]] = []
        self.families: list[tuple[str, Family]] = []


def _unique(items: Iterable[tuple[str, Any]], attr: str, seen: dict[str, str] | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {}
    seen = {} if seen is None else seen
    for file, rec in items:
        rid = getattr(rec, attr)
        if rid in seen:
            raise DataError(file, rid, attr, f"duplicate id (also in {seen[rid]})")
        seen[rid] = file
        out[rid] = rec
    return out


def link(raw: RawKB) -> KnowledgeBase:
    """Check every cross-reference and consistency rule, then build the indexes."""
    sources = _unique(raw.sources, "key")
    joints = _unique(raw.joints, "id")
    actions: dict[str, m.JointAction] = {}
    for file, joint in raw.joints:
        for action in joint.actions:
            if action.id in actions:
                raise DataError(file, joint.id, "actions", f"duplicate action id {action.id!r}")
            actions[action.id] = action
    shared: dict[str, str] = {}
    groups = _unique(raw.groups, "id", shared)
    muscles = _unique(raw.muscles, "id", shared)
    _unique(raw.families, "id")
    _add_generated(raw, muscles)
    exercises = _unique(raw.exercises, "id")

    def check_sources(file: str, rid: str, keys: Iterable[str], fld: str = "sources") -> None:
        for key in keys:
            if key not in sources:
                raise DataError(file, rid, fld, f"unknown source key {key!r}")

    for file, joint in raw.joints:
        check_sources(file, joint.id, joint.sources)
    for file, group in raw.groups:
        check_sources(file, group.id, group.sources)
        if group.members:
            raise DataError(file, group.id, "members", "membership is declared on muscles, not on groups")

    members: dict[str, list[str]] = {gid: [] for gid in groups}
    for file, muscle in raw.muscles:
        check_sources(file, muscle.id, muscle.sources)
        if muscle.volume is not None:
            check_sources(file, muscle.id, [muscle.volume.source], "volume_cm3.source")
        for gid in muscle.groups:
            if gid not in groups:
                raise DataError(file, muscle.id, "groups", f"unknown group {gid!r}")
            members[gid].append(muscle.id)
    for file, group in raw.groups:
        if not members[group.id]:
            raise DataError(file, group.id, "id", "no muscle lists this group")
    groups = {gid: _with_members(g, tuple(members[gid])) for gid, g in groups.items()}

    for file, ex in raw.exercises:
        _check_exercise(file, ex, muscles, actions, check_sources)

    names = _name_index(raw)
    usage = _usage_index(exercises)
    return KnowledgeBase(sources, joints, actions, groups, muscles, exercises, names, usage)


def _add_generated(raw: RawKB, muscles: Mapping[str, m.Muscle]) -> None:
    """Append the catalogue's generated exercises to raw.exercises, with the names no other record claims.

    A generated exercise always keeps its canonical name (a clash is an error, reported by the name index). Its other
    names, and the grid's names for its anchors, are kept only where exactly one record would own them: a name two
    records could mean is left to fuzzy matching, which asks rather than guesses.
    """
    if not raw.families:
        return
    from .catalogue import generate

    curated = {ex.id: ex for _f, ex in raw.exercises}
    claimed: dict[str, str] = {}
    for _file, ex in raw.exercises:
        for label in (ex.id, ex.name, *ex.aliases, *(a for v in ex.variants for x in v.values for a in x.aliases)):
            for key in name_keys(label):
                claimed.setdefault(key, ex.id)
    made = generate(raw.families, curated, muscles, claimed)
    taken = set(claimed)
    for _file, g in made:
        taken.update(name_keys(g.exercise.name))
    owners: dict[str, set[str]] = {}
    offers: list[tuple[str, str, tuple[str, ...]]] = []  # (exercise id, label, its keys)
    for _file, g in made:
        pairs = [(g.exercise.id, a) for a in g.aliases]
        pairs += [(aid, a) for aid, names in g.anchor_aliases for a in names]
        for rid, label in pairs:
            keys = name_keys(label)
            if not any(key in taken for key in keys):
                for key in keys:
                    owners.setdefault(key, set()).add(rid)
                offers.append((rid, label, keys))
    extra: dict[str, list[str]] = {}
    for rid, label, keys in offers:
        if all(owners[key] == {rid} for key in keys) and label not in extra.setdefault(rid, []):
            extra[rid].append(label)
    names_of = {rid: tuple(dict.fromkeys(labels)) for rid, labels in extra.items()}
    marks = {aid: words for _file, g in made for aid, words in g.anchor_marks}
    raw.exercises = [(file, ex._replace(marked=marks[ex.id]) if ex.id in marks else ex) for file, ex in raw.exercises]
    raw.exercises = [(file, ex._replace(aliases=ex.aliases + tuple(a for a in names_of.get(ex.id, ())
                                                                   if a.lower() != ex.name.lower())))
                     for file, ex in raw.exercises]
    raw.exercises += [(file, g.exercise._replace(aliases=tuple(a for a in names_of.get(g.exercise.id, ())
                                                               if a.lower() != g.exercise.name.lower())))
                      for file, g in made]


def _with_members(group: m.Group, members: tuple[str, ...]) -> m.Group:
    return m.Group(group.id, group.name, group.aliases, group.kind, group.description, group.sources, members)


def _check_exercise(file: str, ex: m.Exercise, muscles: Mapping[str, m.Muscle],
                    actions: Mapping[str, m.JointAction], check_sources: Callable[..., None]) -> None:
    def err(fld: str, message: str) -> DataError:
        return DataError(file, ex.id, fld, message)

    check_sources(file, ex.id, ex.sources)
    for aid in ex.actions:
        if aid not in actions:
            raise err("actions", f"unknown joint action {aid!r}")
    if not ex.muscles:
        raise err("muscles", "must list at least one muscle")
    seen: set[str] = set()
    for i, em in enumerate(ex.muscles):
        fld = f"muscles[{i}]"
        if em.muscle not in muscles:
            raise err(f"{fld}.muscle", f"unknown muscle {em.muscle!r} (groups are not allowed here)")
        if em.muscle in seen:
            raise err(f"{fld}.muscle", f"{em.muscle!r} is listed twice")
        seen.add(em.muscle)
        lo, hi = m.ROLE_BANDS[em.role]
        if not lo <= em.involvement <= hi:
            raise err(f"{fld}.involvement",
                      f"{em.involvement} is outside the {em.role} band {lo}-{hi} (see ROLE_BANDS)")
        if em.role in ("target", "synergist") and not muscles[em.muscle].action_ids() & set(ex.actions):
            raise err(f"{fld}.role", f"{em.muscle!r} is a {em.role} but performs none of the exercise's actions")
    targets = [em.involvement for em in ex.muscles if em.role == "target"]
    if not targets:
        raise err("muscles", "must have at least one target")
    top = max(targets)
    for i, em in enumerate(ex.muscles):
        if em.role != "target" and em.involvement > top:
            raise err(f"muscles[{i}].involvement",
                      f"{em.muscle!r} ({em.involvement}) is more involved than every target (top {top})")
    for field, described in (("mechanics", ex.mechanics), ("statics", ex.statics)):
        if described is None:
            continue
        import json

        block = json.loads(described)
        for key, values in block.get("variants", {}).items():
            var = ex.variant(key)
            if var is None:
                raise err(f"{field}.variants", f"{key!r} is not a declared variant of the exercise")
            for value in values:
                if var.get(value) is None:
                    raise err(f"{field}.variants.{key}", f"{value!r} is not a declared value of {key!r}")
    keys: set[str] = set()
    for i, var in enumerate(ex.variants):
        fld = f"variants[{i}]"
        if var.key in keys:
            raise err(f"{fld}.key", f"variant {var.key!r} is declared twice")
        keys.add(var.key)
        check_sources(file, ex.id, var.sources, f"{fld}.sources")
        names = var.value_names()
        if len(set(names)) != len(names):
            raise err(f"{fld}.values", "a value is declared twice")
        if len(names) < 2:
            raise err(f"{fld}.values", "a variant needs at least two values")
        default = var.get(var.default)
        if default is None:
            raise err(f"{fld}.default", f"{var.default!r} is not one of {', '.join(names)}")
        if default.shift:
            raise err(f"{fld}.default", "the default value must not shift involvement")
        for j, value in enumerate(var.values):
            for muscle_id, _delta in value.shift:
                if muscle_id not in seen:
                    raise err(f"{fld}.values[{j}].shift", f"{muscle_id!r} is not one of the exercise's muscles")


def _name_index(raw: RawKB) -> dict[str, tuple[NameRef, ...]]:
    """Normalised name -> the records it names; an alias of a variant value also carries that value (preset)."""
    index: dict[str, list[NameRef]] = {}
    owner: dict[tuple[str, str], tuple[str, str, str, str]] = {}  # (kind, key) -> (id, preset, file, the name)
    records: list[tuple[str, str, str, str, tuple[str, ...]]] = []
    for file, g in raw.groups:
        records.append((file, "group", g.id, "", (g.id, g.name, *g.aliases)))
    for file, mu in raw.muscles:
        records.append((file, "muscle", mu.id, "", (mu.id, mu.name, *mu.aliases)))
    for file, ex in raw.exercises:
        records.append((file, "exercise", ex.id, "", (ex.id, ex.name, *ex.aliases)))
        for var in ex.variants:
            for value in var.values:
                if value.aliases and value.value == var.default:
                    raise DataError(file, ex.id, f"variants.{var.key}",
                                    f"aliases of the default value {value.value!r} belong in the exercise's aliases")
                records.append((file, "exercise", ex.id, f"{var.key}={value.value}", value.aliases))
    for file, kind, rid, preset, labels in records:
        for label in labels:
            for key in name_keys(label):
                if not key:
                    raise DataError(file, rid, "aliases", f"{label!r} has no letters or digits")
                prior = owner.get((kind, key))
                if prior is not None and prior[:2] != (rid, preset):
                    what = f"{kind} {prior[0]!r}" + (f" at {prior[1]}" if prior[1] else "")
                    raise DataError(file, rid, "aliases", f"{label!r} also names {what} ({prior[2]}: {prior[3]!r})")
                owner[(kind, key)] = (rid, preset, file, label)
                refs = index.setdefault(key, [])
                if (kind, rid, preset) not in refs:
                    refs.append((kind, rid, preset))
    return {key: tuple(refs) for key, refs in index.items()}


def _usage_index(exercises: Mapping[str, m.Exercise]) -> dict[str, tuple[m.Usage, ...]]:
    rows: dict[str, list[m.Usage]] = {}
    for ex in exercises.values():
        if ex.pattern in m.UNRANKED_PATTERNS:
            continue
        for em in ex.muscles:
            variation = any(axis == "technique" for axis, _v, _n in ex.modifiers)
            rows.setdefault(em.muscle, []).append(m.Usage(ex.id, em.role, em.involvement, ex.equipment, variation))
    return {mid: tuple(sorted(us, key=lambda u: (-u.involvement, u.exercise))) for mid, us in rows.items()}


# --------------------------------------------------------------------------------------------------
# Loading


DATA_FILES: tuple[tuple[str, str], ...] = (
    ("sources", "sources.yaml"),
    ("joints", "joints.yaml"),
    ("groups", "groups.yaml"),
    ("muscles", "muscles/*.yaml"),
    ("exercises", "exercises/*.yaml"),
    ("families", "catalogue/*.yaml"),
)


OPTIONAL_KINDS = frozenset({"families"})  # a knowledge base may have no catalogue families


def data_dir() -> Path:
    """The folder of the packaged knowledge base."""
    return Path(__file__).with_name("data")


def source_files(root: Path) -> list[tuple[str, Path]]:
    """Every (kind, path) of the YAML knowledge base under root, in load order."""
    out: list[tuple[str, Path]] = []
    for kind, pattern in DATA_FILES:
        paths = sorted(root.glob(pattern))
        if not paths and kind not in OPTIONAL_KINDS:
            raise DataError(str(root / pattern), None, None, "no such data file")
        out.extend((kind, p) for p in paths)
    return out


def read_yaml(path: Path, label: str) -> list[Any]:
    """The top-level list of a YAML data file."""
    import yaml

    try:
        # libyaml's C loader when the wheel has it: the catalogue's files parse about ten times faster
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as exc:
        raise DataError(label, None, None, f"not valid YAML: {exc}") from None
    if data is None:
        return []
    if not isinstance(data, list):
        raise DataError(label, None, None, "the file must hold a top-level list of records")
    return data


def parse_files(files: Iterable[tuple[str, str, list[Any]]]) -> RawKB:
    """Parse (kind, label, records) triples into a RawKB; joints must come before muscles."""
    raw = RawKB()
    joint_of: dict[str, str] = {}
    for kind, label, records in files:
        for i, item in enumerate(records):
            id_field = {"sources": "key", "families": "family"}.get(kind, "id")
            rec = _Record(label, item, i, id_field)
            if kind == "sources":
                raw.sources.append((label, parse_source(rec)))
            elif kind == "joints":
                joint = parse_joint(rec)
                raw.joints.append((label, joint))
                joint_of.update((a.id, joint.id) for a in joint.actions)
            elif kind == "groups":
                raw.groups.append((label, parse_group(rec)))
            elif kind == "muscles":
                raw.muscles.append((label, parse_muscle(rec, joint_of.get)))
            elif kind == "exercises":
                raw.exercises.append((label, parse_exercise(rec)))
            elif kind == "families":
                from .catalogue import parse_family

                raw.families.append((label, parse_family(rec, parse_muscle_entry)))
            else:
                raise DataError(label, None, None, f"unknown kind of data file {kind!r}")
    return raw


def load_yaml(root: Path | None = None, compute: bool = True) -> KnowledgeBase:
    """Read, validate and index the YAML knowledge base under root (the packaged one by default).

    With compute, the mechanics engine (numpy) runs for every exercise that has a mechanics description.
    """
    root = data_dir() if root is None else root
    files = [(kind, str(p.relative_to(root)), read_yaml(p, str(p.relative_to(root))))
             for kind, p in source_files(root)]
    kb = link(parse_files(files))
    if compute:
        from .mechanics.engine import compute_all

        kb.computed = compute_all(kb)
    return kb


def load_default() -> KnowledgeBase:
    """The packaged knowledge base, through a snapshot that matches the YAML files (built if need be)."""
    from .snapshot import open_current

    return open_current()


def iter_records(kb: KnowledgeBase) -> Iterator[tuple[str, str]]:
    """(kind, id) of every muscle, group and exercise."""
    for kind, table in (("muscle", kb.muscles), ("group", kb.groups), ("exercise", kb.exercises)):
        for rid in table:
            yield kind, rid
