"""The exercise catalogue at scale: exercises generated from movement families crossed with modifiers.

A family (data/catalogue/*.yaml) is one movement (the bench press, the row, the curl) laid out on a grid of
modifiers: setup axes that combine freely (equipment, bench incline, stance, body position) and techniques of which
an exercise takes at most `max_techniques` (a grip, a range such as paused or deficit, one arm at a time, a tempo).
The curated exercises that sit on the grid are its anchors. Every other point of the grid becomes an exercise:

    involvement(point, m) = involvement(anchor, m) + sum over axes of [offset(point's value, m) - offset(anchor's value, m)]

where the anchor is the curated exercise that shares the most coordinates with the point and each value's offset is
its declared `shift` (relative to the axis's default). Roles then follow the involvement (ROLE_BANDS). The rules
say what may combine with what (`requires`, `excludes`), so no point such as a "barbell pec deck" exists.

This module is pure: it turns parsed records into Exercise records and touches no files.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, NamedTuple

from . import model as m
from .errors import DataError

if TYPE_CHECKING:
    from .kb import _Sub

TECHNIQUE = "technique"
UNVERIFIED = "unverified"  # the source key of a curated estimate that no study has been found for
MAX_ALIASES = 32  # per generated exercise: the product of every axis's names grows fast


class AxisValue(NamedTuple):
    value: str
    names: tuple[str, ...]  # the words this value puts into a name; the first is canonical, "" means none
    equipment: tuple[str, ...]
    shift: tuple[tuple[str, float], ...]
    adds: tuple[m.ExerciseMuscle, ...]
    note: str
    safety: tuple[str, ...]
    sources: tuple[str, ...]
    requires: tuple[tuple[str, tuple[str, ...]], ...]  # (axis, allowed values) that must hold
    same_mechanics: bool  # the engine's posture and load are unchanged, so a mechanics block carries over
    drops: tuple[str, ...]  # anchor variant keys that no longer apply
    pattern: str | None = None
    mechanic: str | None = None
    base: tuple[str, ...] = ()  # replaces the family's movement words ("floor press" for a bench press on the floor)
    why: tuple[tuple[str, str], ...] = ()  # muscle -> a why line that replaces the anchor's at this value
    roles: tuple[tuple[str, str], ...] = ()  # muscle -> the role it takes at this value (a twist makes the obliques targets)
    safety_replace: tuple[str, ...] | None = None  # safety notes that replace the anchor's where they no longer fit
    implicit: bool = True  # a default value that may go unsaid in a name ("bench press" is the barbell one)
    mechanics: str | None = None  # canonical JSON of the mechanics parameters this value sets (the engine then
    # computes the point from its anchor's description with these applied)


class Axis(NamedTuple):
    key: str
    values: tuple[AxisValue, ...]  # the first is the default

    @property
    def default(self) -> str:
        return self.values[0].value

    def get(self, value: str) -> AxisValue | None:
        for v in self.values:
            if v.value == value:
                return v
        return None


class Family(NamedTuple):
    id: str
    template: str  # e.g. "{technique} {incline} {equipment} {base}"
    base: tuple[str, ...]  # the movement's words; the first is canonical, the rest are synonyms for aliases
    anchors: tuple[tuple[str, tuple[tuple[str, str], ...]], ...]  # curated exercise id -> its coordinates
    axes: tuple[Axis, ...]  # setup axes, then the technique axis (key "technique", default "none")
    max_techniques: int
    excludes: tuple[tuple[tuple[str, str], ...], ...]  # combinations that may not occur together
    sources: tuple[str, ...]

    def axis(self, key: str) -> Axis | None:
        for a in self.axes:
            if a.key == key:
                return a
        return None


# --------------------------------------------------------------------------------------------------
# Parsing: raw YAML mapping -> Family (grammar only; references are checked in generate())


def parse_family(rec: Any, parse_muscle_entry: Any) -> Family:
    """A Family from a raw record (rec is kb._Record); parse_muscle_entry parses one `adds` item."""
    fid = rec.ident("family")
    base = rec.str_list("base", nonempty=True)
    template = str(rec.text("name"))
    anchors: list[tuple[str, tuple[tuple[str, str], ...]]] = []
    for aid, coords in rec.get("anchors", dict).items():
        if not isinstance(coords, dict):
            raise rec.error(f"anchors.{aid}", "must map axis keys to values ({} for the reference point)")
        anchors.append((str(aid), tuple((str(k), str(v)) for k, v in coords.items())))
    if not anchors:
        raise rec.error("anchors", "must name at least one curated exercise")
    axes: list[Axis] = []
    for key, raw_values in rec.get("setup", dict, required=False, default={}).items():
        axes.append(_axis(rec, f"setup.{key}", str(key), raw_values, parse_muscle_entry))
    techniques = rec.get("techniques", dict, required=False, default={})
    none = AxisValue("none", ("",), (), (), (), "", (), (), (), True, ())
    tech_axis = _axis(rec, "techniques", TECHNIQUE, techniques, parse_muscle_entry)
    axes.append(Axis(TECHNIQUE, (none, *tech_axis.values)))
    excludes = []
    for i, combo in enumerate(rec.get("excludes", list, required=False, default=[])):
        if not isinstance(combo, dict) or not combo:
            raise rec.error(f"excludes[{i}]", "must be a mapping of axis keys to values")
        excludes.append(tuple((str(k), str(v)) for k, v in combo.items()))
    out = Family(fid, template, base, tuple(anchors), tuple(axes),
                 int(rec.get("max_techniques", int, required=False, default=1)), tuple(excludes),
                 rec.str_list("sources", required=False))
    rec.done()
    return out


def _text_map(sub: Any, fld: str) -> tuple[tuple[str, str], ...]:
    raw = sub.get(fld, dict, required=False, default={})
    out = []
    for key, text in raw.items():
        if not isinstance(text, str) or not text.strip():
            raise sub.error(f"{fld}.{key}", "must be a non-empty string")
        out.append((str(key), text.strip()))
    return tuple(out)


def _axis(rec: Any, path: str, key: str, raw_values: Any, parse_muscle_entry: Any) -> Axis:
    from .kb import _Sub

    if not isinstance(raw_values, dict):
        raise rec.error(path, "must map each value to its description")
    values: list[AxisValue] = []
    for value, raw in raw_values.items():
        raw = {} if raw is None else raw
        if not isinstance(raw, dict):
            raise rec.error(f"{path}.{value}", "must be a mapping")
        sub = _Sub(rec, f"{path}.{value}", raw)
        names = sub.get("names", list, required=False, default=[str(value).replace("_", " ")])
        if not names or not all(isinstance(n, str) for n in names):
            raise sub.error("names", "must be a list of strings (\"\" for none)")
        shift = []
        for mid, delta in sub.get("shift", dict, required=False, default={}).items():
            if isinstance(delta, bool) or not isinstance(delta, (int, float)) or not -1 <= delta <= 1:
                raise sub.error(f"shift.{mid}", f"must be a number between -1 and 1, got {delta!r}")
            shift.append((str(mid), float(delta)))
        adds = tuple(parse_muscle_entry(_Sub(rec, f"{path}.{value}.adds[{i}]", a))
                     for i, a in enumerate(sub.mappings("adds", required=False)))
        requires = []
        for axis_key, allowed in sub.get("requires", dict, required=False, default={}).items():
            allowed = [allowed] if isinstance(allowed, str) else allowed
            if not isinstance(allowed, list) or not allowed:
                raise sub.error(f"requires.{axis_key}", "must be a value or a list of values")
            requires.append((str(axis_key), tuple(str(a) for a in allowed)))
        values.append(AxisValue(
            value=str(value), names=tuple(n.strip() for n in names),
            equipment=sub.str_list("equipment", required=False, vocab=m.EQUIPMENT),
            shift=tuple(shift), adds=adds, note=str(sub.text("note", required=False) or ""),
            safety=sub.str_list("safety", required=False), sources=sub.str_list("sources", required=False),
            requires=tuple(requires), same_mechanics=bool(sub.get("same_mechanics", bool, required=False,
                                                                  default=False)),
            drops=sub.str_list("drops", required=False),
            pattern=sub.enum("pattern", m.PATTERNS) if sub.has("pattern") else None,
            mechanic=sub.enum("mechanic", m.MECHANICS) if sub.has("mechanic") else None,
            base=sub.str_list("base", required=False),
            why=_text_map(sub, "why"),
            roles=tuple((mid, role) for mid, role in _text_map(sub, "roles")),
            safety_replace=sub.str_list("safety_replace") if sub.has("safety_replace") else None,
            implicit=bool(sub.get("implicit", bool, required=False, default=True)),
            mechanics=_mechanics_overrides(sub),
        ))
        sub.used.add("safety_replace")
        for mid, role in values[-1].roles:
            if role not in m.ROLES:
                raise sub.error(f"roles.{mid}", f"{role!r} is not one of: {', '.join(m.ROLES)}")
        sub.used.update(("pattern", "mechanic"))
        sub.done()
    if not values and key != TECHNIQUE:
        raise rec.error(path, "must list at least one value")
    return Axis(key, tuple(values))


# --------------------------------------------------------------------------------------------------
# Generation


class Generated(NamedTuple):
    exercise: m.Exercise
    aliases: tuple[str, ...]  # candidate names beyond the canonical one; dropped where ambiguous
    anchor_aliases: tuple[tuple[str, tuple[str, ...]], ...] = ()  # names the grid gives its anchors
    anchor_marks: tuple[tuple[str, tuple[str, ...]], ...] = ()  # the marked words of its anchors


Point = tuple[tuple[str, str], ...]  # (axis key, value) for every axis, in the family's axis order


def points(family: Family) -> list[Point]:
    """Every allowed point of a family's grid, in a stable order."""
    setup = [a for a in family.axes if a.key != TECHNIQUE]
    tech = family.axis(TECHNIQUE)
    assert tech is not None
    out: list[Point] = []
    for combo in itertools.product(*[[v.value for v in a.values] for a in setup]):
        base = tuple(zip((a.key for a in setup), combo))
        techniques: list[tuple[str, ...]] = [()]
        for n in range(1, family.max_techniques + 1):
            techniques += list(itertools.combinations([v.value for v in tech.values[1:]], n))
        for t in techniques:
            point = (*base, (TECHNIQUE, "+".join(t) if t else "none"))
            if allowed(family, point):
                out.append(point)
    return out


def _values(family: Family, point: Point) -> list[tuple[str, AxisValue]]:
    """The AxisValue of each coordinate (several for a combined technique), with its axis key."""
    out = []
    for key, value in point:
        axis = family.axis(key)
        assert axis is not None
        for part in value.split("+"):
            av = axis.get(part)
            if av is None:
                raise DataError("catalogue", family.id, key, f"{part!r} is not a value of axis {key!r}")
            out.append((key, av))
    return out


def _has(point: Point, key: str, value: str) -> bool:
    for k, v in point:
        if k == key:
            return value in v.split("+") if k == TECHNIQUE else v == value
    return False


def allowed(family: Family, point: Point) -> bool:
    """Whether a point obeys its values' `requires` rules and the family's `excludes`."""
    for _key, av in _values(family, point):
        for axis_key, allowed_values in av.requires:
            if not any(_has(point, axis_key, a) for a in allowed_values):
                return False
    return not any(all(_has(point, k, v) for k, v in combo) for combo in family.excludes)


def full_point(family: Family, coords: Iterable[tuple[str, str]]) -> Point:
    """A point from partial coordinates (axes left out take their default)."""
    given = dict(coords)
    return tuple((a.key, given.get(a.key, a.default)) for a in family.axes)


def name_of(family: Family, point: Point, choice: Mapping[str, str] | None = None, base: str | None = None) -> str:
    """The name of a point: the template filled with each value's (chosen or canonical) words."""
    words: dict[str, str] = {}
    for key, value in point:
        axis = family.axis(key)
        assert axis is not None
        parts = [(choice or {}).get(f"{key}:{p}", axis.get(p).names[0]) for p in value.split("+")]  # type: ignore[union-attr]
        words[key] = " ".join(p for p in parts if p)
    words["base"] = base if base is not None else bases(family, point)[0]
    text = " ".join(family.template.format(**words).split())
    return text[:1].upper() + text[1:]


def bases(family: Family, point: Point) -> tuple[str, ...]:
    """The movement's words at a point: a value's own (a floor press, a goblet squat), else the family's."""
    for _key, av in _values(family, point):
        if av.base:
            return av.base
    return family.base


def _forced(family: Family, point: Point, key: str) -> bool:
    """Whether no other value of the axis is allowed with the point's other coordinates (a machine press is
    always seated), so that the value may go unsaid."""
    axis = family.axis(key)
    assert axis is not None
    here = dict(point)[key]
    return not any(allowed(family, tuple((k, v.value if k == key else x) for k, x in point))
                   for v in axis.values if v.value != here)


def alias_names(family: Family, point: Point) -> list[str]:
    """Other names for a point: combinations of its values' synonyms and the movement's synonyms, shortest first.

    A default value may go unsaid ("bench press" is the flat barbell one) unless it is marked `implicit: false`,
    and so may a value that is the only one allowed with the others.
    """
    slots: list[list[tuple[str, str]]] = []
    for key, value in point:
        axis = family.axis(key)
        assert axis is not None
        for p in value.split("+"):
            av = axis.get(p)
            assert av is not None
            names = list(av.names)
            # a value that renames the movement (a reverse hyperextension) is never left unsaid
            unsaid = (p == axis.default and av.implicit) or (
                key != TECHNIQUE and not av.base and _forced(family, point, key))
            if unsaid and "" not in names:
                names.append("")
            slots.append([(f"{key}:{p}", n) for n in names])
    out: list[str] = []
    for base in bases(family, point):
        for combo in itertools.product(*slots):
            name = name_of(family, point, dict(combo), base)
            if name not in out:
                out.append(name)
    out.sort(key=lambda n: len(n.split()))
    return out[:MAX_ALIASES]


def marked_words(family: Family, point: Point) -> tuple[str, ...]:
    """The words of a point's non-default values (and of a value's own movement words) that its family's other
    words do not have: the features a name must state to mean this point."""
    from .resolve import tokens

    plain = {w for b in family.base for w in tokens(b)}
    words: list[str] = []
    for key, av in _values(family, point):
        axis = family.axis(key)
        assert axis is not None
        if av.value == axis.default or (key != TECHNIQUE and not av.base and _forced(family, point, key)):
            continue
        for texts in (av.names, av.base):
            if not texts:
                continue
            # a word every one of the value's names says; a value that may go unsaid requires none
            common = set.intersection(*(set(tokens(t)) for t in texts))
            words += [w for w in tokens(texts[0]) if w in common and w not in plain and w not in words]
    return tuple(words)


def slug(name: str) -> str:
    """A snake_case id from a name."""
    out = "".join(c if c.isalnum() else "_" for c in name.lower().replace("'", ""))
    return "_".join(p for p in out.split("_") if p)


def _offset(family: Family, point: Point) -> dict[str, float]:
    total: dict[str, float] = {}
    for _key, av in _values(family, point):
        for mid, delta in av.shift:
            total[mid] = total.get(mid, 0.0) + delta
    return total


def _differs(a: Point, b: Point) -> int:
    return sum(1 for (ka, va), (_kb, vb) in zip(a, b) if va != vb)


def generate(families: Iterable[tuple[str, Family]], exercises: Mapping[str, m.Exercise],
             muscles: Mapping[str, m.Muscle], claimed: Mapping[str, str]) -> list[tuple[str, Generated]]:
    """Every exercise the families' grids generate beyond their curated anchors, with (file, Generated).

    `claimed` maps name keys to the curated exercise that already owns that name: a point whose canonical name a
    curated record claims ("Preacher Curl (Dumbbell)") is that record, so it is not generated again.
    """
    out: list[tuple[str, Generated]] = []
    for file, family in families:
        out.extend((file, g) for g in _generate_family(file, family, exercises, muscles, claimed))
    return out


def _generate_family(file: str, family: Family, exercises: Mapping[str, m.Exercise],
                     muscles: Mapping[str, m.Muscle], claimed: Mapping[str, str]) -> list[Generated]:
    from .resolve import name_key

    def err(fld: str, message: str) -> DataError:
        return DataError(file, family.id, fld, message)

    anchors: list[tuple[Point, m.Exercise]] = []
    for aid, coords in family.anchors:
        if aid not in exercises:
            raise err(f"anchors.{aid}", "is not a curated exercise")
        for key, value in coords:
            axis = family.axis(key)
            if axis is None or (key != TECHNIQUE and axis.get(value) is None) or (
                    key == TECHNIQUE and any(axis.get(p) is None for p in value.split("+"))):
                raise err(f"anchors.{aid}.{key}", f"{value!r} is not a value of a declared axis")
        anchors.append((full_point(family, coords), exercises[aid]))
    seen_points = [p for p, _ in anchors]
    if len(set(seen_points)) != len(seen_points):
        raise err("anchors", "two anchors sit on the same point")
    for axis in family.axes:
        for av in axis.values:
            for mid, _ in av.shift:
                if mid not in muscles:
                    raise err(f"{axis.key}.{av.value}.shift", f"unknown muscle {mid!r}")
            for req_axis, req_values in av.requires:
                ra = family.axis(req_axis)
                if ra is None or any(ra.get(v) is None for v in req_values):
                    raise err(f"{axis.key}.{av.value}.requires", f"{req_axis}: {req_values} names no declared value")

    out: list[Generated] = []
    anchor_names: dict[str, list[str]] = {}
    marks = tuple((ex.id, marked_words(family, p)) for p, ex in anchors)
    for point in points(family):
        exact = [ex.id for p, ex in anchors if p == point] or [
            claimed[k] for k in (name_key(name_of(family, point)),) if k in claimed]
        if exact:
            anchor_names.setdefault(exact[0], []).extend(alias_names(family, point))
            continue
        anchor_point, anchor = min(anchors, key=lambda pa: _differs(pa[0], point))
        ex = _derive(family, point, anchor_point, anchor, muscles)._replace(marked=marked_words(family, point))
        out.append(Generated(ex, tuple(alias_names(family, point))))
    if out:
        out[0] = out[0]._replace(anchor_aliases=tuple((k, tuple(v)) for k, v in anchor_names.items()),
                                 anchor_marks=marks)
    elif anchor_names:
        raise err("setup", "the grid generates no exercise beyond its anchors")
    return out


def _derive(family: Family, point: Point, anchor_point: Point, anchor: m.Exercise,
            muscles: Mapping[str, m.Muscle]) -> m.Exercise:
    """The exercise at `point`, derived from the curated `anchor` at `anchor_point`."""
    target_off, anchor_off = _offset(family, point), _offset(family, anchor_point)
    values = _values(family, point)
    anchor_values = {(k, av.value) for k, av in _values(family, anchor_point)}
    changed = [(k, av) for k, av in values if (k, av.value) not in anchor_values]
    inv: dict[str, float] = {em.muscle: em.involvement for em in anchor.muscles}
    info: dict[str, tuple[str, str]] = {em.muscle: (em.role, em.why) for em in anchor.muscles}
    for _k, av in changed:
        for add in av.adds:
            if add.muscle not in inv or add.involvement > inv[add.muscle]:
                inv[add.muscle] = add.involvement
                info[add.muscle] = (add.role, add.why)
    for _k, av in changed:
        for mid, text in av.why:
            if mid in info:
                info[mid] = (info[mid][0], text)
        for mid, role in av.roles:
            if mid in info:
                info[mid] = (role, info[mid][1])
    for mid in inv:
        if mid in target_off or mid in anchor_off:
            inv[mid] += target_off.get(mid, 0.0) - anchor_off.get(mid, 0.0)
    pattern = next((av.pattern for _k, av in changed if av.pattern), anchor.pattern)
    mechanic = next((av.mechanic for _k, av in changed if av.mechanic), anchor.mechanic)
    rows = settle_roles(inv, info, set(anchor.actions), muscles)
    equipment: list[str] = []
    for _k, av in values:
        equipment += [e for e in av.equipment if e not in equipment]
    drops = {d for _k, av in values for d in av.drops} | {a.key for a in family.axes}
    variants = tuple(m.Variant(v.key, v.default, tuple(x._replace(aliases=()) for x in v.values), v.sources)
                     for v in anchor.variants if v.key not in drops)
    kept = {v.key for v in variants}
    mechanics = _mechanics_at(anchor.mechanics, changed, kept)
    statics = _mechanics_at(anchor.statics, changed, kept)
    name = name_of(family, point)
    # where several changed values replace the anchor's safety notes, the last (a technique, after the setup axes)
    # wins: it changes how the lift is done, so the setup's notes may no longer hold ("do not swing" in a cheat curl)
    replaced = [av.safety_replace for _k, av in changed if av.safety_replace is not None]
    safety = list(replaced[-1]) if replaced else list(anchor.safety)
    sources = list(anchor.sources)
    for _k, av in changed:
        safety += [s for s in av.safety if s not in safety]
        sources += [s for s in av.sources if s not in sources]
        if (av.shift or av.adds) and not av.sources and UNVERIFIED not in sources:
            sources.append(UNVERIFIED)
    sources += [s for s in family.sources if s not in sources]
    return m.Exercise(
        id=slug(name), name=name, aliases=(), equipment=tuple(equipment) or anchor.equipment, mechanic=mechanic,
        force=anchor.force, pattern=pattern, actions=anchor.actions, muscles=rows, variants=variants,
        safety=tuple(safety), sources=tuple(sources), mechanics=mechanics, statics=statics,
        family=family.id, anchor=anchor.id,
        modifiers=tuple((k, av.value, av.note) for k, av in changed),
    )


def _mechanics_overrides(sub: _Sub) -> str | None:
    """A value's `mechanics`: the description parameters it sets, as canonical JSON (checked when analysed)."""
    if not sub.has("mechanics"):
        return None
    block = sub.get("mechanics", dict)
    if "kind" in block or "variants" in block:
        raise sub.error("mechanics", "sets parameters of the anchor's description; it may not change its kind or variants")
    return json.dumps(block, sort_keys=True, separators=(",", ":"))


def _mechanics_at(described: str | None, changed: list[tuple[str, AxisValue]], kept: set[str]) -> str | None:
    """The mechanics (or statics) description of a point: its anchor's, with the parameters of each changed value
    applied, when every changed value either leaves the mechanics alone (`same_mechanics`) or says what it changes
    (`mechanics`); otherwise None, and the point keeps its curated numbers (and has no joint moments)."""
    if described is None or not all(av.same_mechanics or av.mechanics is not None for _k, av in changed):
        return None
    block = json.loads(described)
    overrides = [json.loads(av.mechanics) for _k, av in changed if av.mechanics is not None]
    for params in overrides:
        block.update(params)
    variants = block.pop("variants", {})
    if any(k not in kept for k in variants) and not overrides:
        return None  # a mechanical variant of the anchor no longer applies and nothing says what replaces it
    variants = {k: v for k, v in variants.items() if k in kept}
    if variants:
        block["variants"] = variants
    return json.dumps(block, sort_keys=True, separators=(",", ":"))


def settle_roles(inv: Mapping[str, float], info: Mapping[str, tuple[str, str]], actions: set[str],
                 muscles: Mapping[str, m.Muscle]) -> tuple[m.ExerciseMuscle, ...]:
    """Muscle rows with roles that fit their shifted involvement (ROLE_BANDS), most involved first.

    A target that falls below its band becomes a synergist (or a stabilizer if it performs none of the exercise's
    actions); a mover below the synergist band becomes a stabilizer; a muscle below every band is left out; no
    non-target may pass the busiest target. A point whose every target falls away keeps none, and the loader's
    "at least one target" rule names it.
    """
    rows: list[tuple[str, str, float, str]] = []
    for mid, value in inv.items():
        role, why = info[mid]
        value = round(min(max(value, 0.0), 1.0), 2)
        moves = bool(muscles[mid].action_ids() & actions)
        if role == "target" and value < m.ROLE_BANDS["target"][0]:
            role = "synergist" if moves else "stabilizer"
        if role == "synergist" and value < m.ROLE_BANDS["synergist"][0]:
            role = "stabilizer"
        lo, hi = m.ROLE_BANDS[role]
        if value < lo:
            continue
        rows.append((mid, role, min(value, hi), why))
    top = max((r[2] for r in rows if r[1] == "target"), default=1.0)  # no target left: the loader refuses it
    rows = [(mid, role, inv if role == "target" else min(inv, top), why) for mid, role, inv, why in rows]
    rows.sort(key=lambda r: (-r[2], r[0]))
    return tuple(m.ExerciseMuscle(mid, role, value, why) for mid, role, value, why in rows)
