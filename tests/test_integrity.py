"""The shipped knowledge base as a whole: size, the ids the contract promises, names that find their records."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import need_shared
from musclemap.kb import KnowledgeBase
from musclemap.resolve import resolve_exercise

ROOT = Path(__file__).resolve().parents[1]
PARAMS = ROOT.parent / "shared" / "data" / "muscle-params.csv"

REQUIRED_MUSCLES = """vastus_lateralis vastus_medialis vastus_intermedius rectus_femoris biceps_femoris_long_head
biceps_femoris_short_head semitendinosus semimembranosus gluteus_maximus gluteus_medius gluteus_minimus
adductor_magnus adductor_longus adductor_brevis gracilis gastrocnemius_medial_head gastrocnemius_lateral_head soleus
tibialis_anterior iliopsoas pectoralis_major_clavicular_head pectoralis_major_sternal_head deltoid_anterior
deltoid_lateral deltoid_posterior triceps_brachii_long_head triceps_brachii_lateral_head triceps_brachii_medial_head
biceps_brachii_long_head biceps_brachii_short_head brachialis brachioradialis latissimus_dorsi trapezius_upper
trapezius_middle trapezius_lower rhomboids rectus_abdominis external_oblique internal_oblique erector_spinae""".split()
REQUIRED_GROUPS = """quadriceps hamstrings calves gluteals hip_adductors hip_flexors abdominals obliques trapezius
rotator_cuff chest deltoids biceps triceps forearm_flexors forearm_extensors neck""".split()
REGIONS_COVERED = {"thigh", "lower_leg", "hip", "abdomen", "lower_back", "upper_back", "chest", "shoulder",
                   "upper_arm", "forearm", "neck"}


def test_size(kb: KnowledgeBase) -> None:
    assert len(kb.muscles) >= 60
    assert len(kb.exercises) >= 1500  # issue: the catalogue at scale
    assert {m.region for m in kb.muscles.values()} >= REGIONS_COVERED


@pytest.mark.parametrize("muscle", REQUIRED_MUSCLES)
def test_required_muscle_ids_exist(kb: KnowledgeBase, muscle: str) -> None:
    assert muscle in kb.muscles


@pytest.mark.parametrize("group", REQUIRED_GROUPS)
def test_required_groups_exist_with_members(kb: KnowledgeBase, group: str) -> None:
    assert kb.groups[group].members


def test_every_exercise_is_found_by_its_name_and_every_alias(kb: KnowledgeBase) -> None:
    for ex in kb.exercises.values():
        for name in (ex.name, *ex.aliases):
            res = resolve_exercise(kb, name)
            assert (res.match, res.method) == (ex.id, "exact"), name


def test_every_exercise_has_a_target_and_safety_notes_and_sources(kb: KnowledgeBase) -> None:
    for ex in kb.exercises.values():
        assert any(em.role == "target" for em in ex.muscles), ex.id
        assert ex.safety, ex.id
        assert ex.sources, ex.id


def test_shipped_volumes_match_their_derivation(kb: KnowledgeBase) -> None:
    need_shared(PARAMS)
    out = subprocess.run([sys.executable, str(ROOT / "tools" / "derive_volumes.py"), str(PARAMS)],
                         capture_output=True, text=True, check=True).stdout
    derived = {line.split()[0]: float(line.split()[1]) for line in out.splitlines()}
    for muscle, value in derived.items():
        vol = kb.muscles[muscle].volume
        assert vol is not None and vol.basis == "model" and vol.source == "rajagopal2016"
        assert vol.value == round(value)


def test_every_exercise_is_findable_by_its_name_and_by_each_target(kb: KnowledgeBase) -> None:
    from musclemap.query import exercises_for

    lost = [ex.id for ex in kb.exercises.values() if resolve_exercise(kb, ex.name).match != ex.id]
    assert lost == []
    listed: dict[str, set[str]] = {}
    for ex in kb.exercises.values():
        if ex.pattern == "stretch":  # found by name, kept out of the rankings (model.UNRANKED_PATTERNS)
            continue
        for em in ex.muscles:
            if em.role == "target" and em.muscle not in listed:
                listed[em.muscle] = {r.exercise.id for r in exercises_for(kb, em.muscle, variations=True)}
            if em.role == "target":
                assert ex.id in listed[em.muscle], (ex.id, em.muscle)


def test_hand_written_exercises_list_their_muscles_most_involved_first(kb: KnowledgeBase) -> None:
    # the data grammar asks for descending involvement, so a record reads from its prime movers down
    unordered = [ex.id for ex in kb.exercises.values() if ex.family is None
                 and [m.involvement for m in ex.muscles] != sorted((m.involvement for m in ex.muscles), reverse=True)]
    assert not unordered


def test_every_capitalised_word_inside_a_name_keeps_its_capital_in_a_sentence(kb: KnowledgeBase) -> None:
    # names are in sentence case, so a capital after the first word marks a proper noun or an acronym; when such a
    # word opens a name it must stay capitalised in running text ("the Romanian deadlift")
    from musclemap.model import PROPER_WORDS

    inside = {w for ex in kb.exercises.values() for w in ex.name.split(" ")[1:] if w[:1].isupper()}
    missing = {w for w in inside if w not in PROPER_WORDS and not w.split("-", 1)[0].isupper()}
    assert not missing


@pytest.mark.parametrize(("name", "in_text"), [
    ("Leg press", "leg press"),
    ("Glute-ham raise", "glute-ham raise"),
    ("Romanian deadlift", "Romanian deadlift"),
    ("EZ bar curl", "EZ bar curl"),
    ("T-bar row", "T-bar row"),
    ("Turkish get-up", "Turkish get-up"),
])
def test_names_read_right_inside_a_sentence(name: str, in_text: str) -> None:
    from musclemap.model import in_sentence

    assert in_sentence(name) == in_text
