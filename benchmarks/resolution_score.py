"""How many real-world exercise names the resolver maps to the right exercise, and how many it maps wrongly.

    python benchmarks/resolution_score.py [--verbose]

The names are in tests/data/resolution_set.csv: names as Strong, Hevy, FitNotes, JEFIT and free-exercise-db write
them, abbreviations, British spellings and typos, each with the exercise it means (NONE where the catalogue lacks
the movement: then the resolver must say it is unsure). A row is right when the resolver returns the expected
exercise, or no match for NONE; it is wrong (a silent mismatch) when it returns another exercise; otherwise it
is unsure. Targets: at least 97 % right and no wrong match.
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from collections import Counter
from pathlib import Path
from typing import NamedTuple

from musclemap.kb import KnowledgeBase, load_default
from musclemap.resolve import resolve_exercise

SET = Path(__file__).resolve().parents[1] / "tests" / "data" / "resolution_set.csv"


class Outcome(NamedTuple):
    name: str
    style: str
    expected: str
    got: str | None
    verdict: str  # right, wrong or unsure


def load_set(path: Path = SET) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def score(kb: KnowledgeBase, rows: list[dict[str, str]]) -> list[Outcome]:
    out = []
    for r in rows:
        got = resolve_exercise(kb, r["name"]).match
        expected = r["expected"]
        if (expected == "NONE" and got is None) or got == expected:
            verdict = "right"
        elif got is None:
            verdict = "unsure"
        else:
            verdict = "wrong"
        out.append(Outcome(r["name"], r["style"], expected, got, verdict))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--verbose", action="store_true", help="list every row not resolved right")
    args = parser.parse_args()
    kb = load_default()
    rows = load_set()
    resolve_exercise(kb, "warm the index up")
    start = time.perf_counter()
    outcomes = score(kb, rows)
    per_name = (time.perf_counter() - start) / len(rows)
    counts = Counter(o.verdict for o in outcomes)
    print(f"resolution set: {len(rows)} names ({sum(r['expected'] == 'NONE' for r in rows)} the catalogue lacks)")
    print(f"  right  {counts['right']:4d}  {100 * counts['right'] / len(rows):5.1f} %   (target >= 97 %)")
    print(f"  unsure {counts['unsure']:4d}  {100 * counts['unsure'] / len(rows):5.1f} %")
    print(f"  wrong  {counts['wrong']:4d}  {100 * counts['wrong'] / len(rows):5.1f} %   (target 0)")
    by_style: dict[str, Counter[str]] = {}
    for o in outcomes:
        by_style.setdefault(o.style, Counter())[o.verdict] += 1
    for style, c in sorted(by_style.items()):
        n = sum(c.values())
        print(f"  {style:17s} {n:4d} names  {100 * c['right'] / n:5.1f} % right  {c['wrong']} wrong")
    print(f"  mean time per name {per_name * 1e3:.2f} ms")
    if args.verbose:
        for o in outcomes:
            if o.verdict != "right":
                print(f"  {o.verdict:6s} {o.name!r}: expected {o.expected}, got {o.got}")
    sys.exit(0 if counts["right"] >= 0.97 * len(rows) and counts["wrong"] == 0 else 1)


if __name__ == "__main__":
    main()
