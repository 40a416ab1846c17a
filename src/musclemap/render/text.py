"""Terminal text: rich renderables for each command's answer."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Group as RenderGroup
from rich.console import RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from .. import model as m
from ..kb import KnowledgeBase
from ..query import (CatalogueStats, ExerciseAnswer, GroupInfo, MuscleInfo, RankedExercise, joint_moment_rows, load_phrase,
                     moment_phrases)
from ..resolve import Resolution

if TYPE_CHECKING:
    from ..ask import Answer, Comparison, Substitutes

BAR_WIDTH = 20
ROLE_STYLES = {
    "target": "bold red",
    "synergist": "yellow",
    "stabilizer": "cyan",
    "dynamic_stabilizer": "blue",
    "antagonist_stabilizer": "magenta",
}


def moments_sentence(got: m.Computed) -> str:
    """The net joint moments of a statics description, in words (the load they are given at first)."""
    return f"net joint moments from statics for a 75 kg adult with {load_phrase(got)}: {', '.join(moment_phrases(got))}"


def bar(value: float, width: int = BAR_WIDTH) -> Text:
    """An involvement bar: filled blocks for the share of maximal effort, then the percentage."""
    filled = round(value * width)
    text = Text("█" * filled, style="green")
    text.append("░" * (width - filled), style="dim")
    text.append(f" {round(value * 100):3d}%")
    return text


def short_cite(kb: KnowledgeBase, key: str) -> str:
    """"Escamilla et al. 2001" for a source key."""
    s = kb.sources[key]
    words = s.authors.split(",")[0].split("(")[0].split()
    if len(words) > 1 and words[-1].isupper():
        words = words[:-1]  # drop the initials
    first = " ".join(words)
    many = "," in s.authors
    year = s.year if s.year is not None else "n.d."
    return f"{first}{' et al.' if many else ''} {year}"


def _role(role: str) -> Text:
    return Text(m.ROLE_LABELS[role], style=ROLE_STYLES[role])


def show_text(kb: KnowledgeBase, ans: ExerciseAnswer) -> RenderableType:
    """`show`: the muscles grouped by muscle group, each with role, bar and why."""
    ex = ans.exercise
    parts: list[RenderableType] = []
    head = Text(f"What muscles does the {m.in_sentence(ex.name)} work?", style="bold")
    parts.append(head)
    parts.append(Text(f"{', '.join(e.replace('_', ' ') for e in ex.equipment)} · {ex.mechanic} · {ex.force}"
                      f" · moves: {', '.join(kb.actions[a].name for a in ex.actions)}", style="dim"))
    if ex.anchor:
        how = ("the mechanics engine computes it from that exercise's description with each modifier applied"
               if ans.computed is not None else "its numbers start from that exercise's and move with each modifier")
        parts.append(Text(f"A variation of the {m.in_sentence(kb.exercises[ex.anchor].name)}: {how}:", style="dim"))
        parts.extend(Padding(Text(f"{k.replace('_', ' ')}: {v.replace('_', ' ')}. {n}".rstrip(" .") + ".",
                                  style="dim"), (0, 0, 0, 2)) for k, v, n in ex.modifiers)
    for c in ans.variant:
        others = [v for v in c.values if v != c.value]
        line = Text(f"{c.key} = {c.value}", style="bold")
        line.append(f"  {c.note}")
        if others:
            line.append(f"  (also: {', '.join(others)})", style="dim")
        parts.append(line)
    name_width = max(len(w.muscle.name) for w in ans.muscles) + 2
    role_width = max(len(m.ROLE_LABELS[w.role]) for w in ans.muscles) + 2
    for g in ans.groups:
        parts.append(Text(""))
        parts.append(Text(g.group.name, style="bold underline"))
        for w in g.muscles:
            line = Text("  " + w.muscle.name.ljust(name_width))
            line.append(m.ROLE_LABELS[w.role].ljust(role_width), style=ROLE_STYLES[w.role])
            line.append_text(bar(w.involvement))
            parts.append(line)
            parts.append(Padding(Text(w.why, style="dim"), (0, 0, 0, 4)))
            if w.driver and w.driver != w.why:
                parts.append(Padding(Text(w.driver, style="dim italic"), (0, 0, 0, 4)))
    parts.append(Text(""))
    if ans.computed is not None:
        got = ans.computed
        moments = ", ".join(moment_phrases(got))
        per_dumbbell = " per dumbbell" if got.load_unit == "dumbbell" else ""
        basis = (f"computed from joint moments, moment arms and static optimisation for a 75 kg adult (1RM about "
                 f"{got.one_rm_kg:.0f} kg{per_dumbbell}; peak moments per {got.model} at 75%: {moments}); muscles the "
                 "model lacks are curated from the sources below")
    elif ans.moments is not None:
        basis = f"curated from the sources below; {moments_sentence(ans.moments)}"
    else:
        basis = "curated from the sources below"
    if ex.pattern == "stretch":
        parts.append(Text("Involvement in a stretch: how far the position takes each muscle toward the end of its range "
                          "(curated from the sources below), not how hard it works.", style="dim"))
    else:
        parts.append(Text("Involvement: mean activation over the range of motion as a share of maximal voluntary "
                          f"effort, in a hard set at about 75% of one-repetition maximum ({basis}).", style="dim"))
    if ex.safety:
        parts.append(Text("\nSafety", style="bold"))
        parts.extend(Text(f" • {s}") for s in ex.safety)
    keys = list(dict.fromkeys([*ex.sources, *(k for v in ex.variants for k in v.sources)]))
    parts.append(Text("\nSources: " + "; ".join(short_cite(kb, k) for k in keys), style="dim"))
    return RenderGroup(*parts)


def _ranked_table(rows: tuple[RankedExercise, ...], show_muscle: bool) -> Table:
    table = Table(box=None, header_style="bold", pad_edge=False)
    table.add_column("#", justify="right")
    table.add_column("exercise")
    table.add_column("role", no_wrap=True)
    table.add_column("involvement", no_wrap=True)
    for i, r in enumerate(rows, 1):
        detail = ", ".join(e.replace("_", " ") for e in r.exercise.equipment)
        if show_muscle:
            detail = f"{r.muscle.name} · {detail}"
        cell = Text(r.exercise.name)
        cell.append(f"\n{detail}", style="dim")
        table.add_row(str(i), cell, _role(r.role), bar(r.involvement))
    return table


def muscle_text(kb: KnowledgeBase, info: MuscleInfo) -> RenderableType:
    """`muscle` for a muscle: anatomy, actions, functions, volume and top exercises."""
    mu = info.muscle
    parts: list[RenderableType] = [
        Text(mu.name, style="bold").append(f"  ({mu.latin})", style="italic dim"),
        Text(f"groups: {', '.join(g.name for g in info.groups)} · region: {mu.region.replace('_', ' ')}"
             f" · seen from the {' and '.join(mu.views)} · {mu.depth}", style="dim"),
        Text(mu.location),
    ]
    if mu.aliases:
        parts.append(Text("also called: " + ", ".join(mu.aliases), style="dim"))
    parts.append(Text("\nActions", style="bold"))
    for a in mu.actions:
        parts.append(Text(f" • {kb.actions[a.action].name}").append(
            "  prime mover" if a.prime_mover else "  assists", style="red" if a.prime_mover else "dim"))
    parts.append(Text("\nIn daily life and sport", style="bold"))
    parts.extend(Text(f" • {f}") for f in mu.functions)
    if mu.volume:
        how = "derived from the model of " if mu.volume.basis == "model" else ""
        parts.append(Text(f"\nTypical adult volume: about {mu.volume.value:g} cm³ ({how}{short_cite(kb, mu.volume.source)})"))
    if mu.note:
        parts.append(Text(f"\nNote: {mu.note}", style="yellow"))
    if info.top:
        parts.append(Text("\nExercises that work it hardest", style="bold"))
        parts.append(_ranked_table(info.top, show_muscle=False))
    parts.append(Text("\nSources: " + "; ".join(short_cite(kb, k) for k in mu.sources), style="dim"))
    return RenderGroup(*parts)


def group_text(kb: KnowledgeBase, info: GroupInfo) -> RenderableType:
    """`muscle` for a group: description, members and top exercises."""
    g = info.group
    parts: list[RenderableType] = [Text(g.name, style="bold"), Text(g.description)]
    if g.aliases:
        parts.append(Text("also called: " + ", ".join(g.aliases), style="dim"))
    parts.append(Text("\nMembers", style="bold"))
    for mu in info.members:
        parts.append(Text(f" • {mu.name}").append(f"  {mu.location}", style="dim"))
    if info.top:
        parts.append(Text("\nExercises that work it hardest", style="bold"))
        parts.append(_ranked_table(info.top, show_muscle=True))
    parts.append(Text("\nSources: " + "; ".join(short_cite(kb, k) for k in g.sources), style="dim"))
    return RenderGroup(*parts)


def exercises_text(rows: tuple[RankedExercise, ...], title: str) -> RenderableType:
    """`exercises`: a ranked table."""
    if not rows:
        return Text(f"{title}: no exercise matches these filters.")
    return RenderGroup(Text(title, style="bold"), _ranked_table(rows, show_muscle=True))


def list_text(kb: KnowledgeBase) -> RenderableType:
    """`list`: every exercise id and name."""
    table = Table(box=None, header_style="bold", pad_edge=False)
    table.add_column("id", no_wrap=True)
    table.add_column("name")
    table.add_column("equipment")
    for ex in sorted(kb.exercises.values(), key=lambda e: e.name.lower()):
        table.add_row(ex.id, ex.name, ", ".join(ex.equipment))
    return RenderGroup(table, Text(f"{len(kb.exercises)} exercises", style="dim"))


def resolve_text(kb: KnowledgeBase, res: Resolution) -> RenderableType:
    """`resolve`: the match, its confidence and the alternatives."""
    parts: list[RenderableType] = []
    if res.match:
        chosen = f" with {res.variant.replace(',', ', ')}" if res.variant else ""
        parts.append(Text(f"{res.query!r} -> {kb.display_name(res.kind, res.match)} ({res.match}){chosen}",
                          style="bold").append(f"  confidence {res.confidence:.2f}, {res.method} match", style="dim"))
    else:
        parts.append(Text(f"{res.query!r}: no confident match", style="bold yellow"))
    if res.alternatives:
        parts.append(Text("alternatives:" if res.match else "closest:", style="dim"))
        parts.extend(Text(f"  {c.name} ({c.id})  score {c.score / 100:.2f}") for c in res.alternatives)
    return RenderGroup(*parts)


def _counts(title: str, rows: tuple[tuple[str, int], ...], limit: int | None = None) -> Table:
    table = Table(title=title, title_justify="left", title_style="bold", box=None, pad_edge=False)
    table.add_column("", no_wrap=True)
    table.add_column("exercises", justify="right")
    for key, n in rows[:limit]:
        table.add_row(key.replace("_", " "), str(n))
    return table


def stats_text(st: CatalogueStats) -> RenderableType:
    """`stats`: counts per pattern, equipment, group and family, and what is still curated."""
    parts: list[RenderableType] = [
        Text(f"{st.total} exercises: {st.hand_written} hand-written, {st.generated} generated from "
             f"{len(st.by_family)} families", style="bold"),
        Text(f"involvement computed by the mechanics engine for {len(st.computed)}; curated for {len(st.curated)} "
             f"({st.unverified} include an estimate not yet checked against a study)"),
        Text(f"exercises without a target: {len(st.without_target)}"
             + (f" ({', '.join(st.without_target)})" if st.without_target else ""),
             style="bold red" if st.without_target else ""),
        Text(""), _counts("By movement pattern", st.by_pattern),
        Text(""), _counts("By equipment", st.by_equipment),
        Text(""), _counts("By muscle group (exercises with a target in it)", st.by_group),
        Text(""), _counts("By family", st.by_family),
        Text(""), Text("Computed by the mechanics engine:", style="bold"),
        Text(", ".join(st.computed), style="dim"),
        Text("Curated, with net joint moments from statics:", style="bold"),
        Text(", ".join(st.moments_only), style="dim"),
        Text("Curated (use --json for the full list of the " + str(len(st.curated)) + ")", style="dim"),
    ]
    return RenderGroup(*parts)


def compare_text(cmp: Comparison) -> RenderableType:
    """Two exercises side by side, muscle by muscle."""
    a, b = cmp.first.exercise, cmp.second.exercise
    table = Table(title=f"{a.name} vs {b.name}", title_justify="left", title_style="bold", box=None, pad_edge=False)
    table.add_column("muscle")
    table.add_column(a.name, justify="right")
    table.add_column(b.name, justify="right")
    for mu, va, vb in cmp.rows[:15]:
        table.add_row(mu.name, f"{va * 100:.0f}%" if va else "-", f"{vb * 100:.0f}%" if vb else "-")
    note = "Involvement as in `musclemap show`."
    parts: list[RenderableType] = [table]
    moments = joint_moment_rows(cmp.first, cmp.second)
    if moments:
        loads = [f"{ans.moments.load_kg:.0f} kg" if ans.moments else "not described"
                 for ans in (cmp.first, cmp.second)]
        joints = Table(title=f"Net joint moments, peak N m (at {loads[0]} and {loads[1]})", title_justify="left",
                       title_style="bold", box=None, pad_edge=False)
        joints.add_column("joint")
        joints.add_column(a.name, justify="right")
        joints.add_column(b.name, justify="right")
        for joint, first, second in moments:
            joints.add_row(joint.replace("_", " "), *(f"{v[0]:.0f} ({v[1]})" if v else "-" for v in (first, second)))
        parts += [Text(""), joints]
    bases = (cmp.first.computed is not None, cmp.second.computed is not None)
    if bases[0] != bases[1]:
        computed, curated = (a, b) if bases[0] else (b, a)
        note += (f" The {m.in_sentence(computed.name)} is computed by the mechanics engine and the {m.in_sentence(curated.name)} is "
                 "curated from EMG studies; computed numbers run lower, so compare the order of the muscles more "
                 "than their sizes (docs/mechanics.md).")
    if moments:
        note += (" Joint moments are per leg or per arm (the lumbar spine's for the whole body) for the reference 75 kg "
                 "adult; they grow with the load, so weigh them against the loads given.")
    return RenderGroup(*parts, Text(note, style="dim"))



def substitutes_text(sub: Substitutes) -> RenderableType:
    """Exercises that work the same muscles the same way."""
    table = Table(title=f"Instead of the {m.in_sentence(sub.exercise.exercise.name)}", title_justify="left",
                  title_style="bold", box=None, pad_edge=False)
    table.add_column("#", justify="right")
    table.add_column("exercise")
    table.add_column("similarity", justify="right")
    for i, (ex, score) in enumerate(sub.ranked, 1):
        table.add_row(str(i), ex.name, f"{score:.2f}")
    return RenderGroup(table, Text("Similarity: cosine of the muscles' involvement; one exercise per family.",
                                   style="dim"))


def ask_text(kb: KnowledgeBase, ans: Answer) -> RenderableType:
    """`ask`: the answer, in the form of the command that answers that kind of question."""
    if ans.exercise is not None:
        return show_text(kb, ans.exercise)
    if ans.muscle is not None:
        return muscle_text(kb, ans.muscle)
    if ans.group is not None:
        return group_text(kb, ans.group)
    if ans.compare is not None:
        return compare_text(ans.compare)
    if ans.substitutes is not None:
        return substitutes_text(ans.substitutes)
    return exercises_text(ans.exercises, ans.exercises_title)
