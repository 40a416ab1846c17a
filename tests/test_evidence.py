"""The published EMG comparisons: well-formed, and reproduced by the knowledge base far better than a baseline."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from musclemap.kb import KnowledgeBase

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import evidence_score  # noqa: E402

ROWS = evidence_score.load_rows()


def test_the_table_is_large_and_broad() -> None:
    assert len(ROWS) >= 40
    assert len({r.study for r in ROWS}) >= 20
    assert {r.region for r in ROWS} == {"lower", "upper_trunk"}


@pytest.mark.parametrize("row", ROWS, ids=[r.id for r in ROWS])
def test_every_row_names_known_ids_and_a_direction(kb: KnowledgeBase, row: evidence_score.Row) -> None:
    assert row.exercise_a in kb.exercises and row.exercise_b in kb.exercises
    assert row.muscle_a in kb.muscles and row.muscle_b in kb.muscles
    assert row.direction in {">", "<", "="}
    if row.kind == "between":
        assert row.muscle_a == row.muscle_b
    else:
        assert (row.exercise_a, row.variant_a) == (row.exercise_b, row.variant_b)


def test_knowledge_base_reproduces_most_comparisons_and_beats_the_baseline(kb: KnowledgeBase) -> None:
    result = evidence_score.score(kb, ROWS)
    n = result["totals"]["all"]  # type: ignore[index]
    assert not result["skipped"]
    model = result["model"]["all"] / n  # type: ignore[index]
    baseline = result["baseline"]["all"] / n  # type: ignore[index]
    assert model >= 0.8
    assert model > baseline + 0.3


@pytest.mark.parametrize("a, b, direction, expected", [
    (0.55, 0.45, "=", True),  # 0.55 - 0.45 is 0.10000000000000003 in floats: still within 0.1
    (0.62 + 0.03, 0.65, ">", False),  # float noise is not a difference
    (0.651, 0.65, ">", True),
    (0.30, 0.41, "=", False),
    (0.2, 0.3, "<", True),
])
def test_comparisons_are_made_at_the_stated_precision(a: float, b: float, direction: str, expected: bool) -> None:
    assert evidence_score.agrees(a, b, direction, evidence_score.EQUAL_TOLERANCE) is expected


def test_rows_whose_study_the_exercises_cite_are_told_apart(kb: KnowledgeBase) -> None:
    cited = [r for r in ROWS if evidence_score.cites(kb, r)]
    result = evidence_score.score(kb, ROWS)
    assert 0 < len(cited) < len(ROWS)
    assert result["totals"][evidence_score.INDEPENDENT] == len(ROWS) - len(cited)  # type: ignore[index]


def test_rows_that_test_the_engine_are_counted_apart(kb: KnowledgeBase) -> None:
    engine_rows = [r for r in ROWS if evidence_score.computed(kb, r)]
    result = evidence_score.score(kb, ROWS)
    assert any(r.exercise_a == "leg_press" for r in engine_rows)
    assert not any({r.exercise_a, r.exercise_b} == {"back_squat"} for r in engine_rows)
    assert result["totals"][evidence_score.COMPUTED] == len(engine_rows)  # type: ignore[index]


HELDOUT = evidence_score.load_rows(evidence_score.HELDOUT)


@pytest.mark.parametrize("row", HELDOUT, ids=[r.id for r in HELDOUT])
def test_held_out_rows_test_the_engine_on_studies_nothing_else_uses(kb: KnowledgeBase, row: evidence_score.Row) -> None:
    # a held-out study is in neither the fitted table nor the knowledge base's sources, and each row has a side the
    # engine computes, so the set checks the engine on evidence it has never been shaped by
    assert row.exercise_a in kb.exercises and row.exercise_b in kb.exercises
    assert row.muscle_a in kb.muscles and row.muscle_b in kb.muscles
    assert row.direction in {">", "<", "="}
    assert row.study not in {r.study for r in ROWS}
    assert row.study not in kb.sources
    assert evidence_score.computed(kb, row)


def test_held_out_ids_do_not_clash_with_the_fitted_table() -> None:
    assert HELDOUT and not {r.id for r in HELDOUT} & {r.id for r in ROWS}
