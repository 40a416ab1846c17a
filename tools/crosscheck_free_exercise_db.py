"""Cross-check the catalogue against free-exercise-db's coarse muscle labels, and write where they disagree and why.

    python tools/crosscheck_free_exercise_db.py [PATH/free-exercise-db.json] [-o docs/free-exercise-db.md]

free-exercise-db (public domain, ../shared/data) labels each of its 873 exercises with "primary" and "secondary"
muscles from 17 coarse regions. Each name is resolved to a musclemap exercise (names the resolver is unsure of are
listed, not guessed); then its primary labels are compared with the regions of our targets. Every disagreement is
written with our role and involvement for the muscles behind the label, which is the reason for it: a region they
call primary that we count as a synergist or stabilizer, or a target of ours they leave out.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from musclemap.kb import KnowledgeBase, load_default
from musclemap.query import exercise_answer
from musclemap.resolve import resolve_exercise

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DB = ROOT.parent / "shared" / "data" / "free-exercise-db.json"

# free-exercise-db's region labels -> the musclemap muscles they cover
LABELS: dict[str, tuple[str, ...]] = {
    "abdominals": ("rectus_abdominis", "external_oblique", "internal_oblique", "transversus_abdominis"),
    "abductors": ("gluteus_medius", "gluteus_minimus", "tensor_fasciae_latae"),
    "adductors": ("adductor_magnus", "adductor_longus", "adductor_brevis", "gracilis", "pectineus"),
    "biceps": ("biceps_brachii_long_head", "biceps_brachii_short_head", "brachialis"),
    "calves": ("gastrocnemius_medial_head", "gastrocnemius_lateral_head", "soleus"),
    "chest": ("pectoralis_major_clavicular_head", "pectoralis_major_sternal_head", "pectoralis_minor"),
    "forearms": ("brachioradialis", "flexor_carpi_radialis", "flexor_carpi_ulnaris", "flexor_digitorum_superficialis",
                 "flexor_digitorum_profundus", "extensor_carpi_radialis_longus", "extensor_carpi_radialis_brevis",
                 "extensor_carpi_ulnaris", "extensor_digitorum", "pronator_teres", "supinator"),
    "glutes": ("gluteus_maximus",),
    "hamstrings": ("biceps_femoris_long_head", "biceps_femoris_short_head", "semitendinosus", "semimembranosus"),
    "lats": ("latissimus_dorsi", "teres_major"),
    "lower back": ("erector_spinae", "multifidus", "quadratus_lumborum"),
    "middle back": ("rhomboids", "trapezius_middle", "trapezius_lower"),
    "neck": ("sternocleidomastoid", "splenius_capitis", "scalenes"),
    "quadriceps": ("vastus_lateralis", "vastus_medialis", "vastus_intermedius", "rectus_femoris"),
    "shoulders": ("deltoid_anterior", "deltoid_lateral", "deltoid_posterior", "supraspinatus", "infraspinatus",
                  "teres_minor", "subscapularis"),
    "traps": ("trapezius_upper", "levator_scapulae"),
    "triceps": ("triceps_brachii_long_head", "triceps_brachii_lateral_head", "triceps_brachii_medial_head"),
}
LABEL_OF = {mid: label for label, mids in LABELS.items() for mid in mids}


def crosscheck(kb: KnowledgeBase, db: list[dict[str, object]]) -> dict[str, object]:
    """Resolve every free-exercise-db name and compare labels; returns counts and the rows to report."""
    matched, unsure, agree = [], [], 0
    disagreements = []
    for entry in db:
        name = str(entry["name"])
        res = resolve_exercise(kb, name)
        if res.match is None:
            unsure.append((name, [c.name for c in res.alternatives[:3]]))
            continue
        matched.append(name)
        ans = exercise_answer(kb, res.match, res.preset())
        work = {w.muscle.id: w for w in ans.muscles}
        ours = {LABEL_OF[w.muscle.id] for w in ans.muscles if w.role == "target" and w.muscle.id in LABEL_OF}
        primary = {str(p) for p in entry.get("primaryMuscles", []) or []}  # type: ignore[union-attr]
        secondary = {str(s) for s in entry.get("secondaryMuscles", []) or []}  # type: ignore[union-attr]
        if ours & primary or (not primary and not ours):
            agree += 1
            continue
        reasons = []
        for label in sorted(primary - ours):
            busiest = max((work[mid] for mid in LABELS.get(label, ()) if mid in work),
                          key=lambda w: w.involvement, default=None)
            if busiest is None:
                reasons.append(f"{label}: none of its muscles works here in our data")
            else:
                reasons.append(f"{label}: our busiest is the {busiest.muscle.name.lower()}, a "
                               f"{busiest.role.replace('_', ' ')} at {busiest.involvement:.2f}")
        for label in sorted(ours - primary):
            where = "their secondary" if label in secondary else "not listed by them"
            reasons.append(f"{label}: a target here, {where}")
        disagreements.append((name, kb.exercises[res.match].name, sorted(primary), sorted(ours), reasons))
    return {"total": len(db), "matched": matched, "unsure": unsure, "agree": agree, "disagreements": disagreements}


def report(result: dict[str, object]) -> str:
    """The cross-check as a markdown document."""
    total = result["total"]
    matched = result["matched"]
    unsure = result["unsure"]
    dis = result["disagreements"]
    assert isinstance(matched, list) and isinstance(unsure, list) and isinstance(dis, list)
    kinds = Counter(r.split(":")[0] for row in dis for r in row[4])
    lines = [
        "# free-exercise-db cross-check",
        "",
        "Written by `tools/crosscheck_free_exercise_db.py` from free-exercise-db (public domain; `../shared/data/`).",
        "Each of its names is resolved to a musclemap exercise; names the resolver is unsure of are listed at the",
        "end rather than guessed. Its primary-muscle labels (17 coarse regions) are then compared with the regions",
        "of our targets. They agree when at least one region is shared.",
        "",
        f"- names: {total}; resolved: {len(matched)}; unsure: {len(unsure)}",
        f"- labels agree: {result['agree']} of {len(matched)} resolved; disagree: {len(dis)}",
        "",
        "Why they disagree, in general: free-exercise-db lists one or two regions as primary by the exercise's",
        "aim, while musclemap grades every muscle and calls a target only a muscle within the top band of",
        "involvement (ExRx's roles). Most disagreements are a region they call primary that we grade as a",
        "synergist or stabilizer (their \"lower back\" in a deadlift: for us the erector spinae holds the spine",
        "rather than moving a joint), or a region we count as a target that they list as secondary. The reason",
        "column gives, for each label, our busiest muscle in that region with its role and involvement.",
        "",
        "Regions behind the disagreements: " + ", ".join(f"{k} {n}" for k, n in kinds.most_common()),
        "",
        "| free-exercise-db name | musclemap exercise | their primary | our target regions | reason |",
        "|---|---|---|---|---|",
    ]
    for name, ours_name, primary, ours, reasons in dis:
        lines.append(f"| {name} | {ours_name} | {', '.join(primary)} | {', '.join(ours)} | {'; '.join(reasons)} |")
    lines += ["", "## Names the resolver is unsure of", "",
              "| free-exercise-db name | closest musclemap names |", "|---|---|"]
    for name, alts in unsure:
        lines.append(f"| {name} | {', '.join(alts)} |")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("db", nargs="?", default=str(DEFAULT_DB))
    parser.add_argument("-o", "--output", default=str(ROOT / "docs" / "free-exercise-db.md"))
    args = parser.parse_args()
    path = Path(args.db)
    if not path.exists():
        print(f"no such file: {path}", file=sys.stderr)
        sys.exit(2)
    result = crosscheck(load_default(), json.loads(path.read_text(encoding="utf-8")))
    Path(args.output).write_text(report(result), encoding="utf-8")
    print(f"{result['total']} names, {len(result['matched'])} resolved, {result['agree']} agree, "  # type: ignore[arg-type]
          f"{len(result['disagreements'])} disagree; wrote {args.output}")  # type: ignore[arg-type]


if __name__ == "__main__":
    main()
