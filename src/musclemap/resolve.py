"""Names to ids: normalisation, exact lookup and fuzzy matching with ranked suggestions."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from .errors import UnknownExercise, UnknownMuscle

if TYPE_CHECKING:
    from .kb import KnowledgeBase

_SPLIT = re.compile(r"[^a-z0-9]+")
_DROP = frozenset({"the", "a", "an"})
# Plurals the suffix rules below would get wrong.
_IRREGULAR = {"calves": "calf", "calve": "calf", "flyes": "fly", "flies": "fly", "halves": "half", "feet": "foot"}
_ES_AFTER = ("ss", "ch", "sh", "x", "z")
_KEEP_S = ("ss", "us", "is")

# A fuzzy match is taken without asking only when it is this close and clearly ahead of the next record.
ACCEPT_SCORE = 85.0
ACCEPT_MARGIN = 8.0
SUGGEST_SCORE = 55.0
WRATIO_WEIGHT = 0.9
WRATIO_LIMIT = 2000  # name keys; above this the partial scorer costs more than the 5 ms budget


def singular(word: str) -> str:
    """The singular form of one lower-case word (good enough to fold plurals together)."""
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if len(word) <= 2 or not word.endswith("s") or word.endswith(_KEEP_S):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("es") and word[:-2].endswith(_ES_AFTER):
        return word[:-2]
    return word[:-1]


# Abbreviations and spellings people type in workout apps, folded the same way when the index is built and when a
# name is looked up (after plurals are folded): "DB RDL" is "dumbbell romanian deadlift".
SYNONYMS: dict[str, tuple[str, ...]] = {
    "db": ("dumbbell",), "dumbell": ("dumbbell",), "dumbel": ("dumbbell",), "bb": ("barbell",),
    "barbel": ("barbell",), "kb": ("kettlebell",), "kettelbell": ("kettlebell",), "bw": ("bodyweight",),
    "rdl": ("romanian", "deadlift"), "sldl": ("stiff", "leg", "deadlift"), "ohp": ("overhead", "press"),
    "dl": ("deadlift",), "sl": ("single", "leg"), "sa": ("single", "arm"), "legged": ("leg",),
    "armed": ("arm",), "flye": ("fly",), "tyre": ("tire",), "leverage": ("machine",), "lever": ("machine",),
    "unilateral": ("single",), "hyper": ("hyperextension",), "alternate": ("alternating",),
    "oh": ("overhead",), "tri": ("tricep",), "ext": ("extension",),
}
# Word pairs that mean one thing: "one arm" is "single arm", "body weight" is "bodyweight".
PAIRS: dict[tuple[str, str], tuple[str, ...]] = {
    ("one", "arm"): ("single", "arm"), ("1", "arm"): ("single", "arm"), ("one", "leg"): ("single", "leg"),
    ("1", "leg"): ("single", "leg"), ("body", "weight"): ("bodyweight",), ("single", "handed"): ("single", "arm"),
    ("hammer", "strength"): ("machine",), ("iso", "lateral"): ("machine",), ("medium", "grip"): (),
    ("two", "dumbbell"): ("dumbbell",), ("lateral", "pulldown"): ("lat", "pulldown"), ("weight", "plate"): ("plate",),
}

# Words whose order matters: the two words of a pair, and "to" with its neighbours ("high to low")
ORDERED_WORDS: frozenset[str] = frozenset({"to", *(w for pair in PAIRS for w in pair)})


def raw_tokens(text: str) -> list[str]:
    """Lower-case word tokens of a name, punctuation and articles dropped."""
    text = text.lower().replace("'", "").replace("\u2019", "").replace("&", " and ")
    return [w for w in _SPLIT.split(text) if w and w not in _DROP]


def fold(words: list[str]) -> list[str]:
    """Singular words with abbreviations expanded, word pairs joined, and "x to y" kept as one ordered word.

    Matching ignores word order, so "high to low cable fly" would equal "low to high cable fly": the words around a
    "to" are bound into one ("high2low") to keep the direction.
    """
    out: list[str] = []
    for w in words:
        out.extend(SYNONYMS.get(singular(w), (singular(w),)))
    i, joined = 0, list[str]()
    while i < len(out):
        pair = PAIRS.get((out[i], out[i + 1])) if i + 1 < len(out) else None
        if pair is not None:
            joined.extend(pair)
            i += 2
        elif i + 2 < len(out) and out[i + 1] == "to" and out[i] != "to" and out[i + 2] != "to":
            joined.append(f"{out[i]}2{out[i + 2]}")
            i += 3
        else:
            joined.append(out[i])
            i += 1
    return list(dict.fromkeys(joined))


def tokens(text: str) -> list[str]:
    """Lower-case singular word tokens of a name, folded (see fold), punctuation and articles dropped."""
    return list(_tokens(text))


@lru_cache(maxsize=1 << 16)
def _tokens(text: str) -> tuple[str, ...]:
    # building the catalogue's name index folds each of its ~30,000 names several times
    return tuple(fold(raw_tokens(text)))


def name_key(text: str) -> str:
    """The order-free key of a name: its singular tokens, sorted."""
    return " ".join(sorted(tokens(text)))


def compact_key(text: str) -> str:
    """The spacing-free key of a name, so that "push-up", "push up" and "pushup" meet."""
    return "".join(tokens(text))


def name_keys(text: str) -> tuple[str, ...]:
    """Every index key a name is filed under."""
    key, compact = name_key(text), compact_key(text)
    return (key,) if key == compact else (key, compact)


class Candidate(NamedTuple):
    id: str
    name: str
    score: float  # 0-100
    kind: str = "exercise"
    variant: str = ""  # "key=value" when the name matched is an alias of a variant value


class Resolution(NamedTuple):
    """What a free-text name maps to: the match (or None), how sure, and the runners-up."""

    query: str
    kind: str
    match: str | None
    confidence: float
    method: str  # exact | fuzzy | none
    alternatives: tuple[Candidate, ...]
    variant: str = ""  # "key=value" when the name chose a variant ("wide grip lat pulldown")

    def preset(self) -> dict[str, str]:
        """The variant the name chose, as a mapping."""
        return preset_dict(self.variant)


def preset_dict(preset: str) -> dict[str, str]:
    """"grip=wide" -> {"grip": "wide"}."""
    return dict(part.split("=", 1) for part in preset.split(",") if part)


def exact_refs(kb: KnowledgeBase, text: str, kind: str) -> tuple[tuple[str, str], ...]:
    """(id, preset) of the records of `kind` whose id, name or alias equals `text` after normalisation."""
    found: list[tuple[str, str]] = []
    for key in name_keys(text):
        for ref_kind, ref_id, preset in kb.names.get(key, ()):
            if ref_kind == kind and (ref_id, preset) not in found:
                found.append((ref_id, preset))
    return tuple(found)


def exact_ids(kb: KnowledgeBase, text: str, kind: str) -> tuple[str, ...]:
    """Ids of the records of `kind` whose id, name or alias equals `text` after normalisation."""
    return tuple(dict.fromkeys(ref_id for ref_id, _preset in exact_refs(kb, text, kind)))


def fuzzy_candidates(kb: KnowledgeBase, text: str, kinds: tuple[str, ...], limit: int = 5) -> tuple[Candidate, ...]:
    """Records of the given kinds ranked by how closely one of their names matches `text`."""
    from rapidfuzz import fuzz, process

    # Typos are matched on the words as typed: folding "pres" to "pre" would only widen the gap to "press".
    query = " ".join(sorted(raw_tokens(text)))
    if not query:
        return ()
    choices = kb.name_choices(kinds)
    # The plain edit-distance ratio over the sorted words: typos left after word correction, and the closest names
    # to suggest. Partial names ("romanian" for the romanian deadlift) are found earlier, by their words
    # (_subset), so the costlier partial scorers are not needed here.
    # For the few hundred muscle and group names, WRatio (discounted, as it over-rewards a short query found in
    # a long name) also suggests from a partial or loose phrase ("hamstrung muscle group").
    scorers = [(fuzz.ratio, 1.0)] + ([(fuzz.WRatio, WRATIO_WEIGHT)] if len(choices.keys_list) < WRATIO_LIMIT else [])
    scores: dict[int, float] = {}
    for scorer, weight in scorers:
        for _key, score, idx in process.extract(query, choices.keys_list, scorer=scorer, limit=limit * 8,
                                                score_cutoff=SUGGEST_SCORE * 0.8):
            scores[idx] = max(scores.get(idx, 0.0), float(score) * weight)
    best: dict[tuple[str, str], tuple[float, str]] = {}
    for idx, score in scores.items():
        for ref_kind, ref_id, preset in choices.refs[idx]:
            if score > best.get((ref_kind, ref_id), (-1.0, ""))[0]:
                best[(ref_kind, ref_id)] = (score, preset)
    ranked = sorted(best.items(), key=lambda item: (-item[1][0], item[0][1]))[:limit]
    return tuple(Candidate(ref_id, kb.display_name(kind, ref_id), score, kind, preset)
                 for (kind, ref_id), (score, preset) in ranked)


def resolve_exercise(kb: KnowledgeBase, text: str) -> Resolution:
    """Map free text to an exercise: exact match, else the best fuzzy match if it is clear, else no match."""
    return _resolve(kb, text, "exercise", ("exercise",))


def resolve_muscle(kb: KnowledgeBase, text: str) -> Resolution:
    """Map free text to a muscle, else to a group (muscles are looked up first)."""
    for kind in ("muscle", "group"):
        ids = exact_ids(kb, text, kind)
        if ids:
            return Resolution(text, kind, ids[0], 1.0, "exact", ())
    return _resolve(kb, text, "muscle", ("muscle", "group"))


# Equipment words a name may carry as a qualifier ("Leg Press (Machine)"): dropping one is allowed only when the
# exercise found uses that equipment.
QUALIFIERS: dict[str, frozenset[str]] = {
    "machine": frozenset({"machine", "smith_machine"}), "cable": frozenset({"cable"}),
    "barbell": frozenset({"barbell", "ez_bar", "trap_bar"}), "dumbbell": frozenset({"dumbbell"}),
    "kettlebell": frozenset({"kettlebell"}), "band": frozenset({"band"}), "bodyweight": frozenset({"body_weight"}),
    "smith": frozenset({"smith_machine"}), "plate": frozenset({"plate"}), "weighted": frozenset({"plate", "dumbbell"}),
}
# Words that add nothing to what movement a name means.
FILLER = frozenset({"exercise", "with", "on", "and", "version", "movement", "standard", "regular", "normal",
                    "classic", "traditional", "basic", "attachment", "core", "powerlifting", "bodybuilding"})
_ALTERNATIVES = re.compile(r"[/()]")
ALTERNATIVES_CONFIDENCE = 0.95  # a name written as alternatives ("A/B", "A (B)") that all name one record
CORRECTED_CONFIDENCE = 0.9  # scales the confidence of a match found once a typo in one of its words was corrected
QUALIFIED_CONFIDENCE = 0.95  # a match found once an equipment word the exercise uses was set aside


def _resolve(kb: KnowledgeBase, text: str, kind: str, kinds: tuple[str, ...]) -> Resolution:
    refs = exact_refs(kb, text, kind)
    if refs:
        return Resolution(text, kind, refs[0][0], 1.0, "exact", (), refs[0][1])
    # "Barbell Shoulder Press/Military Press", "Hyperextensions (Back Extensions)": alternatives that each name
    # the same record exactly
    parts = [p for p in _ALTERNATIVES.split(text) if p.strip()]
    if len(parts) > 1:
        named = {exact_refs(kb, p, kind)[:1] for p in parts}
        if len(named) == 1 and (only := named.pop()):
            return Resolution(text, kind, only[0][0], ALTERNATIVES_CONFIDENCE, "fuzzy", (), only[0][1])
    words = tokens(text)
    fixed = _corrected(kb, words, kinds)
    tied: list[Candidate] = []  # records equally close by their words: the best suggestions if nothing is taken
    for attempt, scale in ((words, 1.0), (fixed, CORRECTED_CONFIDENCE)):
        if attempt is fixed and fixed == words:
            break
        found = _by_words(kb, attempt, kind, kinds, tied)
        if found is not None:
            ref_id, preset, confidence = found
            return Resolution(text, kind, ref_id, round(confidence * scale, 3), "fuzzy", (), preset)
    candidates = fuzzy_candidates(kb, " ".join(fixed), kinds)
    if tied:
        seen = {c.id for c in tied}
        candidates = (*tied[:5], *(c for c in candidates if c.id not in seen))[:max(5, len(tied[:5]))]
        return Resolution(text, kind, None, round(candidates[0].score / 100 * 0.95, 3), "none", candidates)
    if candidates:
        top = candidates[0]
        runner_up = candidates[1].score if len(candidates) > 1 else 0.0
        if (top.score >= ACCEPT_SCORE and top.score - runner_up >= ACCEPT_MARGIN
                and _covers(kb, top, fixed, kinds)):
            return Resolution(text, top.kind, top.id, round(top.score / 100 * 0.95, 3), "fuzzy", candidates[1:],
                              top.variant)
        return Resolution(text, kind, None, round(top.score / 100 * 0.95, 3), "none", candidates)
    return Resolution(text, kind, None, 0.0, "none", ())


def _equipment(kb: KnowledgeBase, kind: str, ref_id: str) -> frozenset[str]:
    return frozenset(kb.exercises[ref_id].equipment) if kind == "exercise" else frozenset()


def _marked(kb: KnowledgeBase, kind: str, ref_id: str) -> frozenset[str]:
    return frozenset(kb.exercises[ref_id].marked) if kind == "exercise" else frozenset()


def _by_words(kb: KnowledgeBase, words: list[str], kind: str, kinds: tuple[str, ...],
              tied: list[Candidate] | None = None) -> tuple[str, str, float] | None:
    """A record for a name that matched no name exactly: (id, preset, confidence), or None if it is not clear.

    In order: the record one of whose names holds every word and the fewest others (none of them a feature that
    sets it apart, such as "incline"); then the same once equipment words the record uses are set aside ("Leg
    Press (Machine)"). A word the index does not know is never set aside: it may be the very feature that makes the name
    another exercise ("handstand push-up").
    """
    core = [w for w in words if w not in FILLER]
    trials = [(core, False, 1.0)]
    if any(w in QUALIFIERS for w in core):
        trials.append((core, True, QUALIFIED_CONFIDENCE))
    for attempt, loose, scale in trials:
        found = _subset(kb, attempt, kind, kinds, loose, tied)
        if found is not None:
            return found[0], found[1], round(found[2] * scale, 3)
    return None


def _subset(kb: KnowledgeBase, words: list[str], kind: str, kinds: tuple[str, ...],
            loose: bool, tied: list[Candidate] | None = None) -> tuple[str, str, float] | None:
    """The record one of whose names holds every word with the fewest others, none of them a marked feature of it.

    With `loose`, an equipment word may instead be satisfied by the record's equipment. Two records tied on the
    fewest other words are a real ambiguity, so neither is chosen; they go into `tied`, as suggestions.
    """
    choices = kb.name_choices(kinds)
    needed = [w for w in words if not (loose and w in QUALIFIERS)]
    if not needed or any(w not in choices.by_token for w in needed):
        return None
    pools = sorted((choices.by_token[w] for w in needed), key=len)
    hits = set(pools[0]).intersection(*pools[1:])
    best: dict[str, tuple[int, str]] = {}
    for idx in hits:
        key_words = choices.keys_list[idx].split()
        for ref_kind, ref_id, preset in choices.refs[idx]:
            if ref_kind != kind:
                continue
            others = [w for w in key_words if w not in words]
            if set(others) & _marked(kb, kind, ref_id):
                continue
            if loose and not all(q in key_words or _equipment(kb, kind, ref_id) & QUALIFIERS[q]
                                 for q in words if q in QUALIFIERS):
                continue
            if ref_id not in best or len(others) < best[ref_id][0]:
                best[ref_id] = (len(others), preset)
    if not best:
        return None
    ranked = sorted(best.items(), key=lambda item: item[1][0])
    ref_id, (extra, preset) = ranked[0]
    if len(ranked) > 1 and ranked[1][1][0] == extra:
        if tied is not None and not tied:
            score = 100.0 * len(needed) / (len(needed) + extra)
            # hand-written exercises (the common forms) first, then the shorter names
            ties = sorted(((rid, pre) for rid, (n, pre) in ranked if n == extra),
                          key=lambda t: (kind == "exercise" and kb.exercises[t[0]].family is not None,
                                         len(kb.display_name(kind, t[0]))))
            tied.extend(Candidate(rid, kb.display_name(kind, rid), score, kind, pre) for rid, pre in ties)
        return None
    if extra > len(needed):  # the name says less than half of what the record's name says
        return None
    return ref_id, preset, (1.0 if extra == 0 else round(len(needed) / (len(needed) + extra), 3))


def _corrected(kb: KnowledgeBase, words: list[str], kinds: tuple[str, ...]) -> list[str]:
    """The words with each unknown one replaced by the single closest known word (one edit for short words, two
    for long ones; a swap of two letters counts as one)."""
    from rapidfuzz import process
    from rapidfuzz.distance import OSA

    choices = kb.name_choices(kinds)
    out = []
    for w in words:
        if w in choices.by_token or w in FILLER or w in QUALIFIERS or len(w) < 3 or w.isdigit():
            out.append(w)
            continue
        # a short word may be a typo whose plural "s" was folded away ("pres" -> "pre")
        probe = w + "s" if len(w) == 3 else w
        limit = 1 if len(probe) < 7 else 2
        vocab = [v for n in range(len(probe) - limit, len(probe) + limit + 1) for v in choices.by_length.get(n, ())]
        near = process.extract(probe, vocab, scorer=OSA.distance, limit=3, score_cutoff=limit)
        near = [n for n in near if n[1] <= limit]
        tied = [n[0] for n in near if near and n[1] == near[0][1]]
        # two known words equally close: take the far more common one ("pallof" over a stray "paloff")
        tied.sort(key=lambda t: -len(choices.by_token[t]))
        if len(tied) == 1 or (len(tied) > 1 and len(choices.by_token[tied[0]]) >= 3 * len(choices.by_token[tied[1]])):
            out.append(tied[0])
        else:
            out.append(w)
    return list(dict.fromkeys(out))


def _covers(kb: KnowledgeBase, cand: Candidate, words: list[str], kinds: tuple[str, ...]) -> bool:
    """Whether a fuzzy candidate's names hold every known word of the query: a name that states a modifier the
    candidate lacks ("incline hammer curl" for the incline curl) means another movement, and is not guessed."""
    choices = kb.name_choices(kinds)
    known = {w for w in words if w in choices.by_token and w not in FILLER and w not in QUALIFIERS}
    names = {w for idx in choices.by_id.get(cand.id, ()) for w in choices.keys_list[idx].split()}
    return known <= names


def require_exercise(kb: KnowledgeBase, text: str) -> Resolution:
    """Like resolve_exercise, but raise UnknownExercise with suggestions when there is no clear match."""
    res = resolve_exercise(kb, text)
    if res.match is None:
        raise UnknownExercise(text, _suggest(res))
    return res


def require_muscle(kb: KnowledgeBase, text: str) -> Resolution:
    """Like resolve_muscle, but raise UnknownMuscle with suggestions when there is no clear match."""
    res = resolve_muscle(kb, text)
    if res.match is None:
        raise UnknownMuscle(text, _suggest(res))
    return res


def _suggest(res: Resolution) -> tuple[str, ...]:
    return tuple(c.name for c in res.alternatives if c.score >= SUGGEST_SCORE)[:5]
