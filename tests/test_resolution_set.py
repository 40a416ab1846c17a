"""Real-world names (tests/data/resolution_set.csv) resolve to the exercise they mean, and never to another one."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from musclemap.kb import KnowledgeBase
from musclemap.resolve import resolve_exercise

SET = Path(__file__).resolve().parent / "data" / "resolution_set.csv"
ROWS = list(csv.DictReader(SET.open(newline="", encoding="utf-8")))


def test_the_set_is_large_and_names_real_exercises(kb: KnowledgeBase) -> None:
    assert len(ROWS) >= 300
    assert len({r["name"].lower() for r in ROWS}) == len(ROWS)
    assert all(r["expected"] == "NONE" or r["expected"] in kb.exercises for r in ROWS)


@pytest.mark.parametrize("row", ROWS, ids=[r["name"] for r in ROWS])
def test_a_name_never_resolves_to_a_different_exercise(kb: KnowledgeBase, row: dict[str, str]) -> None:
    got = resolve_exercise(kb, row["name"]).match
    assert got is None or got == row["expected"], f"{row['name']!r} -> {got}, expected {row['expected']}"


def test_at_least_97_percent_resolve_right(kb: KnowledgeBase) -> None:
    right = [r for r in ROWS if resolve_exercise(kb, r["name"]).match == (None if r["expected"] == "NONE"
                                                                           else r["expected"])]
    assert len(right) >= 0.97 * len(ROWS), f"{len(right)} of {len(ROWS)} right"
