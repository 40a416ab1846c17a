"""The article for one exercise, in the seed's spirit but from the knowledge base: markdown, or one HTML file.

Every sentence is assembled from records (the exercise's muscles, roles and why lines; each muscle's location,
actions and functions; each group's description; variants, modifiers, safety notes and sources), so the article
says no more than the data does and changes when the data does.
"""

from __future__ import annotations

import html
from typing import NamedTuple

from .. import model as m
from ..kb import KnowledgeBase
from ..query import ExerciseAnswer, MuscleWork, load_phrase, moment_phrases

ROLE_PHRASES: dict[str, str] = {
    "target": "a target: one of the muscles the exercise trains most",
    "synergist": "a synergist: it helps the targets move the load",
    "stabilizer": "a stabilizer: it holds a joint steady while others move",
    "dynamic_stabilizer": "a dynamic stabilizer: it works at two joints at once and changes length little",
    "antagonist_stabilizer": "an antagonist stabilizer: it braces against the movers to keep a joint in place",
}


class Section(NamedTuple):
    heading: str
    paragraphs: tuple[str, ...] = ()
    bullets: tuple[str, ...] = ()
    leads: tuple[str, ...] = ()  # per paragraph, words to set in bold at its start ("" for none)


class Article(NamedTuple):
    title: str
    sections: tuple[Section, ...]


# how each piece of equipment reads after "done with"
EQUIPMENT_PHRASES: dict[str, str] = {
    "barbell": "a barbell", "dumbbell": "dumbbells", "kettlebell": "a kettlebell", "cable": "a cable",
    "machine": "a machine", "smith_machine": "a Smith machine", "band": "a band", "body_weight": "body weight",
    "ez_bar": "an EZ bar", "trap_bar": "a trap bar", "plate": "a weight plate", "bench": "a bench",
    "pull_up_bar": "a pull-up bar", "dip_station": "dip bars", "ab_wheel": "an ab wheel", "landmine": "a landmine",
    "other": "other equipment", "medicine_ball": "a medicine ball", "sled": "a sled", "sandbag": "a sandbag",
    "cardio_machine": "a cardio machine", "box": "a box", "jump_rope": "a jump rope",
}


def _list(words: list[str]) -> str:
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


def _a(word: str) -> str:
    """The word with its indefinite article: "an isolation", "a compound"."""
    return f"{'an' if word[:1].lower() in 'aeiou' else 'a'} {word}"


def plain_name(mu: m.Muscle) -> str:
    """A muscle's name as it reads inside a sentence: "Deltoid, anterior part" -> "anterior part of the deltoid"."""
    whole, _, part = mu.name.partition(", ")
    return f"{part} of the {whole.lower()}" if part else mu.name.lower()


def _pct(value: float) -> str:
    return f"{round(value * 100)} %"


def _actions(kb: KnowledgeBase, mu: m.Muscle) -> str:
    prime = [kb.actions[a.action].name for a in mu.actions if a.prime_mover]
    helps = [kb.actions[a.action].name for a in mu.actions if not a.prime_mover]
    parts = []
    if prime:
        parts.append(f"it is a prime mover of {_list(prime)}")
    if helps:
        parts.append(f"it assists {_list(helps)}")
    return "; ".join(parts)


def _muscle_paragraph(kb: KnowledgeBase, ex: m.Exercise, w: MuscleWork) -> str:
    mu = w.muscle
    text = (f"({mu.latin}). {mu.location.rstrip('.')}. {_actions(kb, mu).capitalize()}. "
            f"In the {m.in_sentence(ex.name)} it is {ROLE_PHRASES[w.role]} ({_pct(w.involvement)} involvement). "
            f"{w.why.rstrip('.')}.")
    if w.driver and w.driver != w.why:
        text += f" {w.driver.rstrip('.')}."
    if mu.functions:
        text += f" Outside the gym: {_list([f.rstrip('.').lower() for f in mu.functions])}."
    return text


def article(kb: KnowledgeBase, ans: ExerciseAnswer, related: tuple[m.Exercise, ...] = ()) -> Article:
    """The article for an exercise's answer (at its chosen variant)."""
    ex = ans.exercise
    main = [w for w in ans.muscles if w.role == "target"]
    helpers = [w for w in ans.muscles if w.role == "synergist"]
    steady = [w for w in ans.muscles if w.role in ("stabilizer", "dynamic_stabilizer", "antagonist_stabilizer")]
    worked_groups = [g for g in ans.groups if g.involvement >= 0.3]
    equipment = _list([EQUIPMENT_PHRASES.get(e, e.replace("_", " ")) for e in ex.equipment])
    intro = [
        f"The {m.in_sentence(ex.name)} is {_a(ex.mechanic)} {ex.force} exercise ({ex.pattern.replace('_', ' ')} pattern) "
        f"done with {equipment}. It moves by {_list([kb.actions[a].name for a in ex.actions])}.",
        f"Its targets are the {_list([plain_name(w.muscle) for w in main])}"
        + (f", helped by the {_list([plain_name(w.muscle) for w in helpers[:6]])}" if helpers else "")
        + (f"; {len(steady)} more muscles steady the joints and the trunk" if steady else "") + ". "
        f"It works {len(worked_groups)} muscle group{'s' if len(worked_groups) != 1 else ''} at 30 % or more of "
        f"their maximum in one movement"
        + (f": {_list([g.group.name.lower() for g in worked_groups])}." if worked_groups else "."),
    ]
    if ex.anchor:
        intro.append(f"It is a variation of the {m.in_sentence(kb.exercises[ex.anchor].name)}: "
                     + " ".join(n for _k, _v, n in ex.modifiers if n))
    if ans.computed is not None:
        got = ans.computed
        moments = _list(moment_phrases(got))
        intro.append(f"Involvement here is computed from mechanics for a 75 kg adult at about 75 % of a "
                     f"one-repetition maximum of {got.one_rm_kg:.0f} kg: peak joint moments per {got.model} "
                     f"{moments}.")
    else:
        intro.append("Involvement is the muscle's mean activation over the movement as a share of its maximum, in a "
                     "hard set at about 75 % of a one-repetition maximum, curated from the studies listed below.")
        if ans.moments is not None:
            got = ans.moments
            moments = _list(moment_phrases(got))
            intro.append(f"Statics for a 75 kg adult with {load_phrase(got)}, give these net joint moments: {moments}.")
    sections = [Section("Introduction", tuple(intro))]
    for g in ans.groups:
        paras = [g.group.description.rstrip(".") + "."]
        paras += [_muscle_paragraph(kb, ex, w) for w in g.muscles]
        leads = ("", *(w.muscle.name for w in g.muscles))
        sections.append(Section(f"{g.group.name} ({_pct(g.involvement)})", tuple(paras), (), leads))
    if ans.variant:
        bullets = []
        for c in ans.variant:
            var = ex.variant(c.key)
            assert var is not None
            for v in var.values:
                mark = " (shown above)" if v.value == c.value else ""
                bullets.append(f"{c.key.replace('_', ' ')} {v.value.replace('_', ' ')}{mark}: {v.note}")
        sections.append(Section("Variants and how they shift the work", (), tuple(bullets)))
    if ex.safety:
        sections.append(Section("Safety", (), ex.safety))
    if related:
        sections.append(Section("Related exercises", (), tuple(r.name for r in related)))
    keys = list(dict.fromkeys([*ex.sources, *(k for v in ex.variants for k in v.sources),
                               *(k for w in ans.muscles for k in w.muscle.sources)]))
    sections.append(Section("Sources", (), tuple(kb.sources[k].citation() for k in keys if k in kb.sources)))
    return Article(f"What muscles does the {m.in_sentence(ex.name)} work?", tuple(sections))


def markdown(art: Article) -> str:
    """The article as markdown."""
    out = [f"# {art.title}", ""]
    for s in art.sections:
        out += [f"## {s.heading}", ""]
        for i, p in enumerate(s.paragraphs):
            lead = s.leads[i] if i < len(s.leads) else ""
            out += [f"**{lead}** {p}" if lead else p, ""]
        if s.bullets:
            out += [f"- {b}" for b in s.bullets] + [""]
    return "\n".join(out)


CSS = """body{font-family:Georgia,'DejaVu Serif',serif;max-width:46rem;margin:2rem auto;padding:0 1rem;
line-height:1.55;color:#222}h1{font-family:'DejaVu Sans',Arial,sans-serif;line-height:1.2}
h2{font-family:'DejaVu Sans',Arial,sans-serif;font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ddd}
figure{margin:1.5rem 0}figure svg{width:100%;height:auto}figcaption{font-size:.85rem;color:#555}
li{margin:.3rem 0}"""


def html_page(art: Article, svg: str | None = None) -> str:
    """The article as one self-contained HTML file, with the body map inline."""
    e = html.escape
    out = ["<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">', f"<title>{e(art.title)}</title>",
           f"<style>{CSS}</style>", "</head>", "<body>", f"<h1>{e(art.title)}</h1>"]
    for i, s in enumerate(art.sections):
        out.append(f"<h2>{e(s.heading)}</h2>")
        for j, p in enumerate(s.paragraphs):
            lead = s.leads[j] if j < len(s.leads) else ""
            out.append(f"<p><strong>{e(lead)}</strong> {e(p)}</p>" if lead else f"<p>{e(p)}</p>")
        if i == 0 and svg:
            out.append(f"<figure>{svg}<figcaption>Front and back: darker means more involvement; a thick outline "
                       "marks a target, a dashed one a stabilizer; hatched shapes are deep muscles. Hover a muscle "
                       "for its name and number.</figcaption></figure>")
        if s.bullets:
            out.append("<ul>" + "".join(f"<li>{e(b)}</li>" for b in s.bullets) + "</ul>")
    out += ["</body>", "</html>"]
    return "\n".join(out) + "\n"
