"""Properties of name matching over generated input: order, case and punctuation never matter; nothing crashes."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from musclemap.kb import KnowledgeBase, load_default
from musclemap.resolve import ORDERED_WORDS, name_key, resolve_exercise, resolve_muscle

words = st.lists(st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=8).filter(
    lambda w: w not in ORDERED_WORDS), min_size=1, max_size=4)
KB: KnowledgeBase = load_default()


@given(words, st.randoms(use_true_random=False), st.sampled_from([" ", "-", ", ", " / ", "_"]))
def test_name_key_ignores_order_case_and_separators(ws: list[str], rnd: object, sep: str) -> None:
    shuffled = list(ws)
    rnd.shuffle(shuffled)  # type: ignore[attr-defined]
    assert name_key(sep.join(shuffled).upper()) == name_key(" ".join(ws))


@given(st.sampled_from(sorted(KB.exercises)), st.randoms(use_true_random=False))
def test_every_exercise_name_resolves_to_itself_in_any_word_order(ex_id: str, rnd: object) -> None:
    words_ = KB.exercises[ex_id].name.split()
    rnd.shuffle(words_)  # type: ignore[attr-defined]
    res = resolve_exercise(KB, " ".join(words_).upper())
    assert res.match == ex_id and res.method == "exact"


@settings(max_examples=300)
@given(st.text(max_size=40))
def test_arbitrary_text_never_crashes_and_confidence_is_bounded(text: str) -> None:
    for res in (resolve_exercise(KB, text), resolve_muscle(KB, text)):
        assert 0.0 <= res.confidence <= 1.0
        assert (res.match is None) == (res.method == "none")
