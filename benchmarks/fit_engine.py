"""Fit the mechanics engine's two global parameters on the EMG evidence table, with a leave-one-study-out score.

    python benchmarks/fit_engine.py

The parameters are CO_ACTIVATION (the floor on two-joint muscles, a share of the one-joint agonists' drive) and
EMG_GAIN (static mean activation -> EMG-scale involvement). For each pair on a grid, every exercise with a mechanics
description is analysed, its answers replace the curated ones, and the whole evidence table is scored
(benchmarks/evidence_score.py). The in-sample best pair is what the engine ships with; the leave-one-study-out score
refits the pair without each study in turn and scores only that study's rows with it, so a parameter that only
suits one study cannot raise it.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import evidence_score as es  # noqa: E402
from musclemap.kb import load_yaml  # noqa: E402
from musclemap.mechanics import engine  # noqa: E402

CO_GRID = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5)
GAIN_GRID = (1.0, 1.25, 1.5, 1.75, 2.0, 2.25, 2.5, 2.75, 3.0)


def hits_per_row(kb: es.KnowledgeBase, rows: list[es.Row]) -> list[bool]:
    scorer = es.Scorer(kb)
    return [es.agrees(scorer.value(r.exercise_a, r.variant_a, r.muscle_a),
                      scorer.value(r.exercise_b, r.variant_b, r.muscle_b), r.direction, es.EQUAL_TOLERANCE)
            for r in rows]


def main() -> int:
    rows = es.load_rows()
    kb = load_yaml(compute=False)
    table: dict[tuple[float, float], list[bool]] = {}
    for co in CO_GRID:
        raws = engine.raw_all(kb, co)
        for gain in GAIN_GRID:
            kb.computed = {k: engine.finish(r, gain) for k, r in raws.items()}
            table[(co, gain)] = hits_per_row(kb, rows)
    kb.computed = {}
    curated = sum(hits_per_row(kb, rows))

    shipped = (engine.CO_ACTIVATION, engine.EMG_GAIN)

    def best(keep: list[int]) -> tuple[float, float]:
        # most rows reproduced; ties go to the values nearest the shipped ones, which were set beforehand from the
        # literature (hamstrings quieter but not silent in a leg press; no gain), so the table moves them only
        # where it has evidence to
        return max(table, key=lambda p: (sum(table[p][i] for i in keep), -abs(p[0] - shipped[0]),
                                         -abs(p[1] - shipped[1])))

    everything = list(range(len(rows)))
    fit = best(everything)
    by_study: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(rows):
        by_study[r.study].append(i)
    loso = 0
    for study, held in sorted(by_study.items()):
        held_set = set(held)
        params = best([i for i in everything if i not in held_set])
        loso += sum(table[params][i] for i in held)
    n = len(rows)
    print(f"evidence rows: {n} from {len(by_study)} studies")
    print(f"  curated only (no engine):          {curated}/{n} = {100 * curated / n:.1f}%")
    ship = sum(table.get(shipped, []))
    print(f"  shipped (co={shipped[0]}, gain={shipped[1]}):    {ship}/{n} = {100 * ship / n:.1f}%")
    print(f"  best fit co={fit[0]}, gain={fit[1]}: {sum(table[fit])}/{n} = {100 * sum(table[fit]) / n:.1f}%")
    print(f"  leave-one-study-out:               {loso}/{n} = {100 * loso / n:.1f}%")
    print("grid (rows reproduced; rows = co, columns = gain):")
    print("  co\\gain " + " ".join(f"{g:5.2f}" for g in GAIN_GRID))
    for co in CO_GRID:
        print(f"  {co:7.1f} " + " ".join(f"{sum(table[(co, g)]):5d}" for g in GAIN_GRID))
    return 0


if __name__ == "__main__":
    sys.exit(main())
