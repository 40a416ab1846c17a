"""JSON payloads: the stable, documented contract of every command (docs/json-contract.md, docs/schemas/)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..kb import KnowledgeBase
from ..query import CatalogueStats, ExerciseAnswer, GroupInfo, MuscleInfo, RankedExercise, joint_moment_rows
from ..resolve import Resolution

if TYPE_CHECKING:
    from ..ask import Answer

SCHEMA_VERSION = "1.0"


def source_entries(kb: KnowledgeBase, keys: tuple[str, ...] | list[str]) -> list[dict[str, Any]]:
    """Full bibliography entries for source keys, in order, without repeats."""
    out = []
    for key in dict.fromkeys(keys):
        s = kb.sources[key]
        out.append({"key": s.key, "authors": s.authors, "year": s.year, "title": s.title, "where": s.where,
                    "doi": s.doi, "verified": s.verified})
    return out


def show_payload(kb: KnowledgeBase, ans: ExerciseAnswer) -> dict[str, Any]:
    """`show --json`."""
    ex = ans.exercise
    keys = list(ex.sources)
    for var in ex.variants:
        keys.extend(var.sources)
    return {
        "schema_version": SCHEMA_VERSION,
        "exercise": {
            "id": ex.id,
            "name": ex.name,
            "aliases": list(ex.aliases),
            "equipment": list(ex.equipment),
            "mechanic": ex.mechanic,
            "force": ex.force,
            "pattern": ex.pattern,
            "actions": list(ex.actions),
            "variant": {c.key: c.value for c in ans.variant},
            "variants": {c.key: list(c.values) for c in ans.variant},
            "variant_defaults": {c.key: c.default for c in ans.variant},
            "variant_notes": {c.key: c.note for c in ans.variant},
            "safety": list(ex.safety),
            "family": ex.family,
            "derived_from": ex.anchor,
            "modifiers": [{"axis": k, "value": v, "note": n} for k, v, n in ex.modifiers],
        },
        "involvement_basis": "computed" if ans.computed is not None else "curated",
        "muscles": [
            {"id": w.muscle.id, "name": w.muscle.name, "groups": list(w.muscle.groups), "role": w.role,
             "involvement": w.involvement, "why": w.why, "basis": w.basis, "driver": w.driver}
            for w in ans.muscles
        ],
        "joint_moments": [
            {"joint": j, "peak_nm": peak, "mean_nm": mean, "direction": direction}
            for j, peak, mean, direction in (ans.moments.joint_moments if ans.moments else ())
        ],
        "moments_at_kg": ans.moments.load_kg if ans.moments else None,
        "one_rm_kg": ans.computed.one_rm_kg if ans.computed else None,
        "one_rm_of": ans.computed.load_unit if ans.computed else None,
        "moments_per": ans.moments.model if ans.moments else None,
        "groups": [
            {"id": g.group.id, "name": g.group.name, "involvement": g.involvement,
             "muscles": [w.muscle.id for w in g.muscles]}
            for g in ans.groups
        ],
        "sources": source_entries(kb, keys),
    }


def _ranked(rows: tuple[RankedExercise, ...]) -> list[dict[str, Any]]:
    return [
        {"id": r.exercise.id, "name": r.exercise.name, "equipment": list(r.exercise.equipment),
         "muscle": r.muscle.id, "role": r.role, "involvement": r.involvement}
        for r in rows
    ]


def muscle_payload(kb: KnowledgeBase, info: MuscleInfo) -> dict[str, Any]:
    """`muscle --json` for a muscle."""
    mu = info.muscle
    keys = list(mu.sources) + ([mu.volume.source] if mu.volume else [])
    return {
        "schema_version": SCHEMA_VERSION,
        "kind": "muscle",
        "id": mu.id,
        "name": mu.name,
        "latin": mu.latin,
        "aliases": list(mu.aliases),
        "groups": list(mu.groups),
        "region": mu.region,
        "views": list(mu.views),
        "depth": mu.depth,
        "location": mu.location,
        "volume_cm3": mu.volume.value if mu.volume else None,
        "volume_source": mu.volume.source if mu.volume else None,
        "volume_basis": mu.volume.basis if mu.volume else None,
        "actions": [
            {"joint": a.joint, "action": a.action, "name": kb.actions[a.action].name, "prime_mover": a.prime_mover}
            for a in mu.actions
        ],
        "functions": list(mu.functions),
        "note": mu.note,
        "top_exercises": _ranked(info.top),
        "sources": source_entries(kb, keys),
    }


def group_payload(kb: KnowledgeBase, info: GroupInfo) -> dict[str, Any]:
    """`muscle --json` for a group."""
    g = info.group
    return {
        "schema_version": SCHEMA_VERSION,
        "kind": "group",
        "id": g.id,
        "name": g.name,
        "aliases": list(g.aliases),
        "group_kind": g.kind,
        "description": g.description,
        "members": [{"id": mu.id, "name": mu.name} for mu in info.members],
        "top_exercises": _ranked(info.top),
        "sources": source_entries(kb, g.sources),
    }


def exercises_payload(rows: tuple[RankedExercise, ...], filters: dict[str, Any]) -> dict[str, Any]:
    """`exercises --json`."""
    return {"schema_version": SCHEMA_VERSION, "filters": filters, "exercises": _ranked(rows)}


def list_payload(kb: KnowledgeBase) -> dict[str, Any]:
    """`list --json`."""
    exercises = sorted(kb.exercises.values(), key=lambda e: e.name.lower())
    return {
        "schema_version": SCHEMA_VERSION,
        "exercises": [{"id": e.id, "name": e.name, "equipment": list(e.equipment), "pattern": e.pattern,
                       "family": e.family} for e in exercises],
    }


def resolve_payload(kb: KnowledgeBase, res: Resolution) -> dict[str, Any]:
    """`resolve --json`."""
    return {
        "schema_version": SCHEMA_VERSION,
        "query": res.query,
        "match": {"id": res.match, "name": kb.display_name(res.kind, res.match)} if res.match else None,
        "confidence": res.confidence,
        "method": res.method,
        "variant": res.preset(),
        "alternatives": [{"id": c.id, "name": c.name, "score": round(c.score / 100, 3)} for c in res.alternatives],
    }


def stats_payload(st: CatalogueStats) -> dict[str, Any]:
    """`stats --json`."""
    return {
        "schema_version": SCHEMA_VERSION,
        "exercises": st.total,
        "hand_written": st.hand_written,
        "generated": st.generated,
        "computed": len(st.computed),
        "curated": len(st.curated),
        "unverified": st.unverified,
        "without_target": list(st.without_target),
        "by_pattern": dict(st.by_pattern),
        "by_equipment": dict(st.by_equipment),
        "by_group": dict(st.by_group),
        "by_family": dict(st.by_family),
        "computed_exercises": list(st.computed),
        "curated_exercises": list(st.curated),
        "moments_only_exercises": list(st.moments_only),
    }


def ask_payload(kb: KnowledgeBase, ans: Answer) -> dict[str, Any]:
    """`ask --json`: the question, what kind of question it was, and the answer in that command's JSON."""
    answer: dict[str, Any]
    if ans.exercise is not None:
        answer = show_payload(kb, ans.exercise)
    elif ans.muscle is not None:
        answer = muscle_payload(kb, ans.muscle)
    elif ans.group is not None:
        answer = group_payload(kb, ans.group)
    elif ans.compare is not None:
        c = ans.compare
        answer = {"exercises": [c.first.exercise.id, c.second.exercise.id],
                  "muscles": [{"id": mu.id, "name": mu.name, "involvement": [va, vb]} for mu, va, vb in c.rows],
                  "moments_at_kg": [x.moments.load_kg if x.moments else None for x in (c.first, c.second)],
                  "joint_moments": [{"joint": j, "peak_nm": [v[0] if v else None for v in (p, q)],
                                     "direction": [v[1] if v else None for v in (p, q)]}
                                    for j, p, q in joint_moment_rows(c.first, c.second)]}
    elif ans.substitutes is not None:
        answer = {"exercise": ans.substitutes.exercise.exercise.id,
                  "substitutes": [{"id": e.id, "name": e.name, "similarity": s} for e, s in ans.substitutes.ranked]}
    else:
        answer = {"title": ans.exercises_title, "exercises": _ranked(ans.exercises)}
    answer.pop("schema_version", None)
    return {"schema_version": SCHEMA_VERSION, "question": ans.question, "intent": ans.intent, "answer": answer}
