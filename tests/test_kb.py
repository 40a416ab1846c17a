"""Every validation rule of the knowledge base, each with deliberately bad data."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import tiny_data, write_kb
from musclemap.errors import DataError
from musclemap.kb import load_yaml

D = dict[str, Any]


def src(d: D) -> D:
    return d["sources.yaml"][0]


def joint(d: D) -> D:
    return d["joints.yaml"][0]


def group(d: D) -> D:
    return d["groups.yaml"][0]


def vl(d: D) -> D:
    return d["muscles/legs.yaml"][0]


def legext(d: D) -> D:
    return d["exercises/legs.yaml"][0]


def variant(d: D) -> D:
    return legext(d)["variants"][0]


def _set(getter: Callable[[D], D], field: str, value: Any) -> Callable[[D], None]:
    def apply(d: D) -> None:
        getter(d)[field] = value
    return apply


def _del(getter: Callable[[D], D], field: str) -> Callable[[D], None]:
    def apply(d: D) -> None:
        del getter(d)[field]
    return apply


def _dup_muscle(d: D) -> None:
    d["muscles/legs.yaml"].append(dict(vl(d), aliases=[]))


def _dup_alias(d: D) -> None:
    d["muscles/legs.yaml"][1]["aliases"] = ["Outer Quads"]  # the same name as VL's alias once normalised


def _group_id_as_muscle(d: D) -> None:
    d["muscles/legs.yaml"].append(dict(vl(d), id="quadriceps", aliases=[], name="Quadriceps muscle"))


def _exercise_alias_clash(d: D) -> None:
    d["exercises/legs.yaml"][1]["aliases"] = ["Extension, leg"]


def _no_target(d: D) -> None:
    legext(d)["muscles"][0]["role"] = "synergist"
    legext(d)["muscles"][0]["involvement"] = 0.5


def _stabilizer_above_target(d: D) -> None:
    legext(d)["muscles"][0]["involvement"] = 0.35
    legext(d)["muscles"][1]["involvement"] = 0.5
    legext(d)["muscles"][1]["role"] = "stabilizer"


def _target_without_action(d: D) -> None:
    legext(d)["muscles"][1].update(role="synergist", involvement=0.2)  # a knee flexor in a knee extension


def _orphan_group(d: D) -> None:
    d["groups.yaml"].append({"id": "calves", "name": "Calves", "kind": "functional", "description": "x",
                             "sources": ["book2000"]})


def _muscle_twice(d: D) -> None:
    legext(d)["muscles"].append(dict(legext(d)["muscles"][0]))


# (rule, mutation, file, record, field) - the error must name all three.
CASES: list[tuple[str, Callable[[D], None], str, str | None, str | None]] = [
    ("unknown field", _set(vl, "colour", "red"), "muscles/legs.yaml", "vastus_lateralis", "colour"),
    ("missing required field", _del(vl, "location"), "muscles/legs.yaml", "vastus_lateralis", "location"),
    ("wrong type", _set(vl, "aliases", "VL"), "muscles/legs.yaml", "vastus_lateralis", "aliases"),
    ("empty string", _set(vl, "name", "  "), "muscles/legs.yaml", "vastus_lateralis", "name"),
    ("id not snake_case", _set(vl, "id", "Vastus-Lateralis"), "muscles/legs.yaml", "Vastus-Lateralis", "id"),
    ("region outside vocabulary", _set(vl, "region", "leg"), "muscles/legs.yaml", "vastus_lateralis", "region"),
    ("view outside vocabulary", _set(vl, "views", ["side"]), "muscles/legs.yaml", "vastus_lateralis", "views"),
    ("depth outside vocabulary", _set(vl, "depth", "middle"), "muscles/legs.yaml", "vastus_lateralis", "depth"),
    ("unknown joint action", _set(vl, "actions", [{"action": "knee_twist", "prime_mover": True}]),
     "muscles/legs.yaml", "vastus_lateralis", "actions[0].action"),
    ("no actions", _set(vl, "actions", []), "muscles/legs.yaml", "vastus_lateralis", "actions"),
    ("prime_mover not a boolean", _set(vl, "actions", [{"action": "knee_extension", "prime_mover": "yes"}]),
     "muscles/legs.yaml", "vastus_lateralis", "actions[0].prime_mover"),
    ("implausible volume", _set(vl, "volume_cm3", {"value": -4, "source": "book2000"}),
     "muscles/legs.yaml", "vastus_lateralis", "volume_cm3.value"),
    ("unknown volume source", _set(vl, "volume_cm3", {"value": 400, "source": "nobody1999"}),
     "muscles/legs.yaml", "vastus_lateralis", "volume_cm3.source"),
    ("unknown source key", _set(vl, "sources", ["nobody1999"]), "muscles/legs.yaml", "vastus_lateralis", "sources"),
    ("no sources", _set(vl, "sources", []), "muscles/legs.yaml", "vastus_lateralis", "sources"),
    ("unknown group", _set(vl, "groups", ["quadricep_group"]), "muscles/legs.yaml", "vastus_lateralis", "groups"),
    ("duplicate muscle id", _dup_muscle, "muscles/legs.yaml", "vastus_lateralis", "id"),
    ("muscle id equal to a group id", _group_id_as_muscle, "muscles/legs.yaml", "quadriceps", "id"),
    ("alias claimed by two muscles", _dup_alias, "muscles/legs.yaml", "semitendinosus", "aliases"),
    ("alias equal to another exercise's name", _exercise_alias_clash, "exercises/legs.yaml", "leg_curl", "aliases"),
    ("group kind outside vocabulary", _set(group, "kind", "team"), "groups.yaml", "quadriceps", "kind"),
    ("group that lists members itself", _set(group, "members", ["vastus_lateralis"]), "groups.yaml", "quadriceps",
     "members"),
    ("group no muscle belongs to", _orphan_group, "groups.yaml", "calves", "id"),
    ("action id without its joint prefix", _set(joint, "actions", [{"id": "extension", "name": "x", "description": "y"}]),
     "joints.yaml", "knee", "actions[0].id"),
    ("source kind outside vocabulary", _set(src, "kind", "podcast"), "sources.yaml", "book2000", "kind"),
    ("source year not a number", _set(src, "year", "2000"), "sources.yaml", "book2000", "year"),
    ("unknown muscle in an exercise", _set(legext, "muscles",
     [{"muscle": "quadriceps", "role": "target", "involvement": 0.8, "why": "x"}]),
     "exercises/legs.yaml", "leg_extension", "muscles[0].muscle"),
    ("role outside the taxonomy", lambda d: legext(d)["muscles"][0].update(role="prime"),
     "exercises/legs.yaml", "leg_extension", "muscles[0].role"),
    ("involvement above 1", lambda d: legext(d)["muscles"][0].update(involvement=1.4),
     "exercises/legs.yaml", "leg_extension", "muscles[0].involvement"),
    ("involvement outside the role's band", lambda d: legext(d)["muscles"][0].update(involvement=0.1),
     "exercises/legs.yaml", "leg_extension", "muscles[0].involvement"),
    ("exercise without a target", _no_target, "exercises/legs.yaml", "leg_extension", "muscles"),
    ("non-target above every target", _stabilizer_above_target, "exercises/legs.yaml", "leg_extension",
     "muscles[1].involvement"),
    ("mover that performs none of the exercise's actions", _target_without_action, "exercises/legs.yaml",
     "leg_extension", "muscles[1].role"),
    ("muscle listed twice in an exercise", _muscle_twice, "exercises/legs.yaml", "leg_extension", "muscles[2].muscle"),
    ("equipment outside vocabulary", _set(legext, "equipment", ["hovercraft"]), "exercises/legs.yaml", "leg_extension",
     "equipment"),
    ("mechanic outside vocabulary", _set(legext, "mechanic", "mixed"), "exercises/legs.yaml", "leg_extension",
     "mechanic"),
    ("force outside vocabulary", _set(legext, "force", "pulling"), "exercises/legs.yaml", "leg_extension", "force"),
    ("pattern outside vocabulary", _set(legext, "pattern", "kneeling"), "exercises/legs.yaml", "leg_extension",
     "pattern"),
    ("unknown exercise action", _set(legext, "actions", ["knee_wobble"]), "exercises/legs.yaml", "leg_extension",
     "actions"),
    ("variant default not declared", lambda d: variant(d).update(default="half"), "exercises/legs.yaml",
     "leg_extension", "variants[0].default"),
    ("variant default that shifts", lambda d: variant(d)["values"][0].update(shift={"vastus_lateralis": 0.1}),
     "exercises/legs.yaml", "leg_extension", "variants[0].default"),
    ("variant shift on a muscle the exercise lacks", lambda d: variant(d)["values"][1].update(
        shift={"gluteus_maximus": 0.1}), "exercises/legs.yaml", "leg_extension", "variants[0].values[1].shift"),
    ("variant shift that is not a number", lambda d: variant(d)["values"][1].update(
        shift={"vastus_lateralis": "more"}), "exercises/legs.yaml", "leg_extension",
     "variants[0].values[1].shift.vastus_lateralis"),
    ("variant with one value", lambda d: variant(d).update(values=variant(d)["values"][:1]), "exercises/legs.yaml",
     "leg_extension", "variants[0].values"),
    ("variant declared twice", lambda d: legext(d)["variants"].append(dict(variant(d))), "exercises/legs.yaml",
     "leg_extension", "variants[1].key"),
    ("record that is not a mapping", lambda d: d["groups.yaml"].append("quadriceps"), "groups.yaml", "#3", None),
    ("variant alias equal to another exercise's name", lambda d: variant(d)["values"][1].update(
        aliases=["lying leg curl"]), "exercises/legs.yaml", "leg_curl", "aliases"),
    ("aliases on the default variant value", lambda d: variant(d)["values"][0].update(aliases=["full leg extension"]),
     "exercises/legs.yaml", "leg_extension", "variants.range"),
]


@pytest.mark.parametrize(("rule", "mutate", "file", "record", "field"), CASES, ids=[c[0] for c in CASES])
def test_bad_data_fails_at_load_naming_file_record_and_field(
    tmp_path: Path, rule: str, mutate: Callable[[D], None], file: str, record: str | None, field: str | None
) -> None:
    data = tiny_data()
    mutate(data)
    with pytest.raises(DataError) as info:
        load_yaml(write_kb(tmp_path, data))
    err = info.value
    assert err.file == file
    assert err.record == record
    if field is not None:
        assert err.field == field
    assert file in str(err)


def test_invalid_yaml_names_the_file(tmp_path: Path) -> None:
    root = write_kb(tmp_path, tiny_data())
    (root / "groups.yaml").write_text("- id: [unclosed\n", encoding="utf-8")
    with pytest.raises(DataError, match="groups.yaml: not valid YAML"):
        load_yaml(root)


def test_missing_data_file_is_named(tmp_path: Path) -> None:
    root = write_kb(tmp_path, tiny_data())
    (root / "joints.yaml").unlink()
    with pytest.raises(DataError, match="joints.yaml"):
        load_yaml(root)


def test_tiny_kb_is_valid_and_indexed(tmp_path: Path) -> None:
    kb = load_yaml(write_kb(tmp_path, tiny_data()))
    assert kb.groups["quadriceps"].members == ("vastus_lateralis",)
    assert [u.exercise for u in kb.usage["semitendinosus"]] == ["leg_curl", "leg_extension"]
    assert ("muscle", "vastus_lateralis", "") in kb.names["outer quad"]
