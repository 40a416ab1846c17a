"""Names to ids: normalisation, exact lookup and fuzzy matching with ranked suggestions."""

from __future__ import annotations

import re
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


def raw_tokens(text: str) -> list[str]:
    """Lower-case word tokens of a name, punctuation and articles dropped."""
    text = text.lower().replace("'", "").replace("\u2019", "").replace("&", " and ")
    return [w for w in _SPLIT.split(text) if w and w not in _DROP]


def tokens(text: str) -> list[str]:
    """Lower-case singular word tokens of a name, punctuation and articles dropped."""
    return [singular(w) for w in raw_tokens(text)]


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
    # Plain edit-distance ratio catches typos; WRatio also catches partial names ("romanian" for "romanian
    # deadlift") but over-rewards a short query found inside a long name, so it is discounted.
    scores: dict[int, float] = {}
    for scorer, weight in ((fuzz.ratio, 1.0), (fuzz.WRatio, WRATIO_WEIGHT)):
        for _key, score, idx in process.extract(query, choices.keys_list, scorer=scorer, limit=limit * 8):
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


def _resolve(kb: KnowledgeBase, text: str, kind: str, kinds: tuple[str, ...]) -> Resolution:
    refs = exact_refs(kb, text, kind)
    if refs:
        return Resolution(text, kind, refs[0][0], 1.0, "exact", (), refs[0][1])
    candidates = fuzzy_candidates(kb, text, kinds)
    if candidates:
        top = candidates[0]
        runner_up = candidates[1].score if len(candidates) > 1 else 0.0
        if top.score >= ACCEPT_SCORE and top.score - runner_up >= ACCEPT_MARGIN:
            return Resolution(text, top.kind, top.id, round(top.score / 100 * 0.95, 3), "fuzzy", candidates[1:],
                              top.variant)
        return Resolution(text, kind, None, round(top.score / 100 * 0.95, 3), "none", candidates)
    return Resolution(text, kind, None, 0.0, "none", ())


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
