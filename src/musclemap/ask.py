"""Questions in plain English, without a language model: a table of question shapes, each bound to one query.

    "what muscles does the leg press work?"          -> the exercise's muscles
    "which exercises work the hamstrings with dumbbells?" -> exercises for a muscle or group, by equipment
    "what does the soleus do?"                        -> the muscle's anatomy and actions
    "leg press vs squat"                              -> the two exercises side by side
    "what can I do instead of the hack squat?"        -> exercises that work the same muscles the same way

Each shape is a regular expression with named slots (exercise, muscle, other, equipment); the slots are resolved
with the same name matching as the other commands, so a typo or an app's name works here too.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from functools import lru_cache
from typing import NamedTuple

from . import model as m
from .errors import BadQuery, NotFound
from .kb import KnowledgeBase
from .query import ExerciseAnswer, GroupInfo, MuscleInfo, RankedExercise, equipment_id, exercise_answer, exercises_for
from .query import group_info, muscle_info
from .resolve import require_exercise, require_muscle

EXAMPLES: tuple[str, ...] = (
    "what muscles does the leg press work?",
    "which exercises work the hamstrings with dumbbells?",
    "what does the soleus do?",
    "leg press vs squat",
    "what can I do instead of the hack squat?",
)


class Comparison(NamedTuple):
    """Two exercises side by side: each muscle that works in either, with its involvement in each."""

    first: ExerciseAnswer
    second: ExerciseAnswer
    rows: tuple[tuple[m.Muscle, float, float], ...]  # muscle, involvement in first, in second


class Substitutes(NamedTuple):
    """Exercises whose muscle involvement is most like an exercise's."""

    exercise: ExerciseAnswer
    ranked: tuple[tuple[m.Exercise, float], ...]  # exercise, similarity 0-1


class Answer(NamedTuple):
    """What a question asked and the answer: exactly one of the result fields is set, named by `intent`."""

    question: str
    intent: str  # exercise | exercises | muscle | group | compare | substitutes
    exercise: ExerciseAnswer | None = None
    exercises: tuple[RankedExercise, ...] = ()
    exercises_title: str = ""
    muscle: MuscleInfo | None = None
    group: GroupInfo | None = None
    compare: Comparison | None = None
    substitutes: Substitutes | None = None


# --------------------------------------------------------------------------------------------------
# Handlers: one per kind of question


def _exercise(kb: KnowledgeBase, q: str, slots: dict[str, str]) -> Answer:
    res = require_exercise(kb, slots["exercise"])
    assert res.match is not None
    return Answer(q, "exercise", exercise=exercise_answer(kb, res.match, res.preset()))


def _exercises(kb: KnowledgeBase, q: str, slots: dict[str, str]) -> Answer:
    res = require_muscle(kb, slots["muscle"])
    assert res.match is not None
    equipment = equipment_id(slots["equipment"]) if slots.get("equipment") else None
    rows = exercises_for(kb, res.match, equipment=equipment, roles=("target",), limit=10)
    title = f"Exercises that target the {kb.display_name(res.kind, res.match)}"
    if equipment:
        title += f" with {equipment.replace('_', ' ')}"
    return Answer(q, "exercises", exercises=rows, exercises_title=title)


def _muscle(kb: KnowledgeBase, q: str, slots: dict[str, str]) -> Answer:
    res = require_muscle(kb, slots["muscle"])
    assert res.match is not None
    if res.kind == "muscle":
        return Answer(q, "muscle", muscle=muscle_info(kb, res.match, 5))
    return Answer(q, "group", group=group_info(kb, res.match, 5))


def _compare(kb: KnowledgeBase, q: str, slots: dict[str, str]) -> Answer:
    answers = []
    for slot in ("exercise", "other"):
        res = require_exercise(kb, slots[slot])
        assert res.match is not None
        answers.append(exercise_answer(kb, res.match, res.preset()))
    a, b = answers
    va = {w.muscle.id: w.involvement for w in a.muscles}
    vb = {w.muscle.id: w.involvement for w in b.muscles}
    ids = sorted(set(va) | set(vb), key=lambda i: -max(va.get(i, 0.0), vb.get(i, 0.0)))
    rows = tuple((kb.muscles[i], va.get(i, 0.0), vb.get(i, 0.0)) for i in ids)
    return Answer(q, "compare", compare=Comparison(a, b, rows))


def similarity(a: dict[str, float], b: dict[str, float]) -> float:
    """Cosine similarity of two muscle-involvement vectors."""
    dot = sum(v * b.get(k, 0.0) for k, v in a.items())
    na = math.sqrt(sum(v * v for v in a.values()))
    nb = math.sqrt(sum(v * v for v in b.values()))
    return dot / (na * nb) if na and nb else 0.0


def substitutes(kb: KnowledgeBase, exercise_id: str, limit: int = 8) -> tuple[tuple[m.Exercise, float], ...]:
    """The exercises whose involvement vector is closest (cosine), one per catalogue family, leaving out the
    exercise's own family and variations that differ only in technique (a pause, a tempo, one arm)."""
    ex = kb.exercises[exercise_id]
    own = {em.muscle: em.involvement for em in ex.muscles}
    targets = {em.muscle for em in ex.muscles if em.role == "target"}
    pool: set[str] = set()
    for mid in targets:
        pool.update(u.exercise for u in kb.usage.get(mid, ()) if u.role == "target")
    family = ex.family or exercise_id
    best: dict[str, tuple[m.Exercise, float]] = {}
    for other_id in pool:
        other = kb.exercises[other_id]
        if other_id == exercise_id or (other.family or other.id) == family or other.anchor == exercise_id:
            continue
        if any(axis == "technique" for axis, _v, _n in other.modifiers):
            continue
        vec = {em.muscle: em.involvement for em in other.muscles}
        score = similarity(own, vec)
        key = other.family or other.id
        # a family is shown by its closest member; a hand-written exercise wins a tie
        if key not in best or (score, other.family is None) > (best[key][1], best[key][0].family is None):
            best[key] = (other, score)
    scored = sorted(best.values(), key=lambda t: (-t[1], t[0].family is not None, t[0].name))
    return tuple((e, round(s, 3)) for e, s in scored[:limit])


def _substitutes(kb: KnowledgeBase, q: str, slots: dict[str, str]) -> Answer:
    res = require_exercise(kb, slots["exercise"])
    assert res.match is not None
    return Answer(q, "substitutes",
                  substitutes=Substitutes(exercise_answer(kb, res.match, res.preset()), substitutes(kb, res.match)))


# --------------------------------------------------------------------------------------------------
# The question shapes, tried in order; the first whose slots all resolve answers

_THE = r"(?:the |a |an |my |your )?"
_WORK = r"(?:work|works|train|trains|target|targets|hit|hits|use|uses|build|builds|strengthen|strengthens|involve|involves)"
_MUSCLES = r"(?:muscles?|muscle groups?|body parts?)"
_EQUIP = r"(?:\s+(?:with|using|on|on a|with a|with an|via)\s+(?:an? |the )?(?P<equipment>[a-z][a-z -]*?))?"

Handler = Callable[[KnowledgeBase, str, dict[str, str]], Answer]

_EQUIP_FIRST = r"(?P<equipment>[a-z][a-z -]*?)"

SHAPES: tuple[tuple[str, Handler], ...] = (
    # substitutes first: "what can I do instead of the X" must not read as "what ... X work"
    (rf"(?:what|which)(?: exercises?)? (?:can|could|should) i do instead of {_THE}(?P<exercise>.+)", _substitutes),
    (rf"(?:what(?:'s| is| are)?|which are|give me|show me|list|any)? ?(?:a |some |the )?(?:good |better )?"
     rf"(?:alternatives?|substitutes?|replacements?|swaps?) (?:to|for) {_THE}(?P<exercise>.+)", _substitutes),
    (rf"(?:what|how) (?:can|could|do) i (?:replace|substitute|swap) {_THE}(?P<exercise>.+?)(?: with)?",
     _substitutes),
    (rf"(?:replace|substitute for|swap|instead of) {_THE}(?P<exercise>.+)", _substitutes),
    # an exercise's muscles
    (rf"(?:what|which) {_MUSCLES} (?:does|do|will|is|are) {_THE}(?P<exercise>.+?) {_WORK}", _exercise),
    (rf"(?:what|which) {_MUSCLES} (?:are|is|get|gets) (?:worked|used|trained|targeted|hit) (?:by|in|during|with) "
     rf"{_THE}(?P<exercise>.+)", _exercise),
    (rf"(?:what|which) does {_THE}(?P<exercise>.+?) {_WORK}", _exercise),
    (rf"{_MUSCLES} (?:worked|used|trained|targeted) (?:by|in|during|with) {_THE}(?P<exercise>.+)", _exercise),
    (rf"{_THE}(?P<exercise>.+?) {_MUSCLES} (?:worked|used|trained|targeted)", _exercise),
    (rf"(?:what|which) {_MUSCLES} (?:for|in) {_THE}(?P<exercise>.+)", _exercise),
    (rf"how (?:hard|much) does {_THE}(?P<exercise>.+?) {_WORK}.*", _exercise),
    # exercises for a muscle
    (rf"(?:what|which) (?:are )?(?:the )?(?:best |good |top )?exercises? (?:{_WORK}|(?:are|is) (?:good|best) for|for) "
     rf"{_THE}(?P<muscle>.+?){_EQUIP}", _exercises),
    (rf"(?:what(?:'s| is| are) )?(?:the |some )?(?:best |good |top )?exercises? "
     rf"(?:for|to (?:train|work|build|target|grow|strengthen)) {_THE}(?P<muscle>.+?){_EQUIP}", _exercises),
    (rf"how (?:do|can|should) i (?:train|work|build|target|grow|strengthen) {_THE}(?P<muscle>.+?){_EQUIP}",
     _exercises),
    (rf"(?:what|which) {_EQUIP_FIRST} exercises? (?:{_WORK}|for) {_THE}(?P<muscle>.+)", _exercises),
    (rf"{_EQUIP_FIRST} exercises? for {_THE}(?P<muscle>.+)", _exercises),
    # a muscle
    (rf"what (?:does|do) {_THE}(?P<muscle>.+?) (?:do|muscles? do)", _muscle),
    (rf"what (?:is|are) {_THE}(?P<muscle>.+?)'?s? (?:function|job|role|action)s?", _muscle),
    (rf"what (?:is|are) {_THE}(?P<muscle>.+?)(?: for| used for)?", _muscle),
    (rf"where (?:is|are) {_THE}(?P<muscle>.+)", _muscle),
    (rf"(?:tell me about|explain|describe|show me) {_THE}(?P<muscle>.+)", _muscle),
    # comparisons
    (rf"compare {_THE}(?P<exercise>.+?) (?:and|with|to|vs\.?|versus) {_THE}(?P<other>.+)", _compare),
    (rf"(?:what(?:'s| is) the )?difference between {_THE}(?P<exercise>.+?) and {_THE}(?P<other>.+)", _compare),
    (rf"(?:is |which is better,? )?{_THE}(?P<exercise>.+?) (?:vs\.?|versus|compared (?:to|with)|or) {_THE}"
     rf"(?P<other>.+?)(?: for .*)?", _compare),
)


@lru_cache(maxsize=1)
def _shapes() -> tuple[tuple[re.Pattern[str], Handler], ...]:
    """The question shapes, compiled on first use rather than at import (ask is kept off the cold show path)."""
    return tuple((re.compile(rf"^{p}$"), h) for p, h in SHAPES)


def _clean(question: str) -> str:
    text = question.strip().lower().replace("\u2019", "'")
    text = re.sub(r"[?!.]+$", "", text).strip()
    text = re.sub(r"\s+", " ", text)
    return re.sub(r"^(?:hey|hi|please|so|ok|okay)[, ]+", "", text)


def ask(kb: KnowledgeBase, question: str) -> Answer:
    """Answer a plain-English question; BadQuery (with examples) when no shape fits or no slot resolves."""
    text = _clean(question)
    if not text:
        raise BadQuery(_help("an empty question"))
    last: NotFound | None = None
    for pattern, handler in _shapes():
        found = pattern.match(text)
        if found is None:
            continue
        slots = {k: v.strip() for k, v in found.groupdict().items() if v}
        try:
            return handler(kb, question, slots)
        except NotFound as exc:  # this shape's slot named nothing; a later shape may read the question better
            last = exc
    if last is not None:
        raise last
    raise BadQuery(_help(repr(question)))


def _help(what: str) -> str:
    return f"cannot read {what} as a question; try one of: " + "; ".join(f'"{e}"' for e in EXAMPLES)
