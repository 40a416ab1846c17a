"""How many published EMG comparisons the knowledge base reproduces, beside a binary-labelling baseline.

    python benchmarks/evidence_score.py [--verbose]

The comparisons live in benchmarks/evidence/*.csv (one row per finding: a muscle in exercise A versus B, or muscles
X versus Y in one exercise; direction >, < or =, with its source). benchmarks/evidence/heldout/*.csv holds rows added
after the engine's global parameters were fitted: every comparison its studies report on exercises the engine
computes, none chosen by outcome. They are scored apart and never used for fitting (benchmarks/fit_engine.py). A `>` or `<` row is reproduced when the
involvement numbers differ in that direction; an `=` row (no significant difference) when they are within
EQUAL_TOLERANCE of each other. The baseline labels each muscle of an exercise primary (its targets: 1) or
secondary (everything else, listed or not: 0), as most exercise databases do.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import NamedTuple

from musclemap.errors import BadVariant
from musclemap.kb import KnowledgeBase, load_yaml
from musclemap.query import exercise_answer

EVIDENCE = Path(__file__).resolve().parent / "evidence"
HELDOUT = EVIDENCE / "heldout"
EQUAL_TOLERANCE = 0.1
PRECISION = 3  # decimals compared


class Row(NamedTuple):
    id: str
    study: str
    kind: str
    exercise_a: str
    variant_a: str
    muscle_a: str
    exercise_b: str
    variant_b: str
    muscle_b: str
    direction: str
    region: str


def load_rows(directory: Path = EVIDENCE) -> list[Row]:
    rows = []
    for path in sorted(directory.glob("*.csv")):
        with path.open(newline="", encoding="utf-8") as f:
            for r in csv.DictReader(f):
                rows.append(Row(r["id"], r["study_key"], r["kind"], r["exercise_a"], r["variant_a"], r["muscle_a"],
                                r["exercise_b"], r["variant_b"], r["muscle_b"], r["direction"], path.stem))
    return rows


def parse_variant(text: str) -> dict[str, str]:
    out = {}
    for part in filter(None, (p.strip() for p in text.replace(",", ";").split(";"))):
        key, _, value = part.partition("=")
        out[key.strip()] = value.strip()
    return out


class Scorer:
    """Involvement and primary/secondary labels for (exercise, variant, muscle), cached per answer."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.cache: dict[tuple[str, str], dict[str, tuple[float, str]]] = {}

    def answer(self, exercise: str, variant: str) -> dict[str, tuple[float, str]]:
        key = (exercise, variant)
        if key not in self.cache:
            ans = exercise_answer(self.kb, exercise, parse_variant(variant))
            self.cache[key] = {w.muscle.id: (w.involvement, w.role) for w in ans.muscles}
        return self.cache[key]

    def value(self, exercise: str, variant: str, muscle: str) -> float:
        return self.answer(exercise, variant).get(muscle, (0.0, ""))[0]

    def label(self, exercise: str, variant: str, muscle: str) -> float:
        return 1.0 if self.answer(exercise, variant).get(muscle, (0.0, ""))[1] == "target" else 0.0


def agrees(a: float, b: float, direction: str, tolerance: float) -> bool:
    # Involvement is stated to two decimals (the engine's to three); comparing at that precision keeps float noise
    # (0.55 - 0.45 = 0.10000000000000003, or 0.62 + 0.03 > 0.65) from deciding a row.
    a, b = round(a, PRECISION), round(b, PRECISION)
    if direction == ">":
        return a > b
    if direction == "<":
        return a < b
    return round(abs(a - b), PRECISION) <= tolerance


INDEPENDENT = "independent"  # rows whose study neither compared exercise cites
COMPUTED = "computed"  # rows with at least one side computed by the mechanics engine


def cites(kb: KnowledgeBase, r: Row) -> bool:
    """Whether either exercise of a row (or one of its declared variants) cites the row's study: such a row checks
    the knowledge base against a study its numbers may have been read from, so the score is also given without them."""
    for ex_id in {r.exercise_a, r.exercise_b}:
        ex = kb.exercises[ex_id]
        if r.study in ex.sources or any(r.study in v.sources for v in ex.variants):
            return True
    return False


def computed(kb: KnowledgeBase, r: Row) -> bool:
    """Whether either exercise of a row has a mechanics description, so that the engine, not a curator, gives its
    numbers: these rows test the engine itself."""
    return any(kb.exercises[ex_id].mechanics is not None for ex_id in (r.exercise_a, r.exercise_b))


def score(kb: KnowledgeBase, rows: list[Row]) -> dict[str, object]:
    """Counts of reproduced comparisons for the knowledge base and for the binary baseline."""
    s = Scorer(kb)
    totals: Counter[str] = Counter()
    model: Counter[str] = Counter()
    base: Counter[str] = Counter()
    misses: list[str] = []
    skipped: list[str] = []
    for r in rows:
        try:
            va, vb = s.value(r.exercise_a, r.variant_a, r.muscle_a), s.value(r.exercise_b, r.variant_b, r.muscle_b)
            la, lb = s.label(r.exercise_a, r.variant_a, r.muscle_a), s.label(r.exercise_b, r.variant_b, r.muscle_b)
        except (KeyError, BadVariant) as exc:
            skipped.append(f"{r.id}: {exc}")
            continue
        buckets = ["all", r.region, r.direction]
        if not cites(kb, r):
            buckets.append(INDEPENDENT)
        if computed(kb, r):
            buckets.append(COMPUTED)
        for bucket in buckets:
            totals[bucket] += 1
            model[bucket] += agrees(va, vb, r.direction, EQUAL_TOLERANCE)
            base[bucket] += agrees(la, lb, r.direction, 0.0)
        if not agrees(va, vb, r.direction, EQUAL_TOLERANCE):
            misses.append(f"{r.id} {r.study}: {r.exercise_a}[{r.variant_a}] {r.muscle_a} {va:.2f} "
                          f"{r.direction} {r.exercise_b}[{r.variant_b}] {r.muscle_b} {vb:.2f}")
    return {"totals": totals, "model": model, "baseline": base, "misses": misses, "skipped": skipped}


def by_study(rows: list[Row]) -> dict[str, list[Row]]:
    out: dict[str, list[Row]] = defaultdict(list)
    for r in rows:
        out[r.study].append(r)
    return out


def report(title: str, rows: list[Row], result: dict[str, object]) -> None:
    totals, model, base = result["totals"], result["model"], result["baseline"]  # type: ignore[assignment]
    studies = len(by_study(rows))
    print(f"{title}: {len(rows)} rows from {studies} studies ({len(result['skipped'])} skipped)")  # type: ignore[arg-type]
    print(f"{'subset':14s} {'n':>4s} {'musclemap':>10s} {'binary baseline':>16s}")
    for bucket in ["all", *sorted(k for k in totals if k not in ("all", ">", "<", "=", INDEPENDENT, COMPUTED)),
                   ">", "<", "=", INDEPENDENT, COMPUTED]:
        n = totals[bucket]  # type: ignore[index]
        if n:
            print(f"{bucket:14s} {n:4d} {100 * model[bucket] / n:9.1f}% {100 * base[bucket] / n:15.1f}%")  # type: ignore[index]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="list every comparison not reproduced")
    args = parser.parse_args()
    kb = load_yaml()
    for title, rows in (("EMG comparisons", load_rows()),
                        ("Held out (added after fitting, never fitted)", load_rows(HELDOUT))):
        if not rows:
            continue
        result = score(kb, rows)
        report(title, rows, result)
        if args.verbose:
            for line in result["misses"]:  # type: ignore[attr-defined]
                print("  miss", line)
            for line in result["skipped"]:  # type: ignore[attr-defined]
                print("  skip", line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
