"""The terminal face: parse the input, call one core function, format the result."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from functools import lru_cache
from typing import Any

import click

from . import __version__
from .errors import MusclemapError
from .kb import KnowledgeBase

# Output formats every command accepts; `--json` is the shorthand for `--format json`.
FORMATS: tuple[str, ...] = ("text", "json")


class UserError(click.ClickException):
    """A mistake in what the user asked for: a clean message on stderr and exit code 2."""

    exit_code = 2

    def show(self, file: Any = None) -> None:
        click.echo(f"musclemap: error: {self.format_message()}", err=True)


class _Group(click.Group):
    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except MusclemapError as exc:
            raise UserError(str(exc)) from None


@lru_cache(maxsize=1)
def knowledge_base() -> KnowledgeBase:
    from .kb import load_default

    return load_default()


def output_options(f: Callable[..., Any], formats: tuple[str, ...] = FORMATS) -> Callable[..., Any]:
    """The shared --format / --json options."""
    f = click.option("--json", "as_json", is_flag=True, help="Shorthand for --format json.")(f)
    f = click.option("--format", "fmt", type=click.Choice(formats), default="text", show_default=True,
                     help="Output format.")(f)
    return f


# `show` also writes the article: markdown, or one self-contained HTML page with the body map inline.
ARTICLE_FORMATS: tuple[str, ...] = ("markdown", "html")


def emit(fmt: str, as_json: bool, payload: Callable[[], Any], text: Callable[[], Any]) -> None:
    """Print the answer in the chosen format."""
    if as_json or fmt == "json":
        sys.stdout.write(json.dumps(payload(), indent=2, ensure_ascii=False) + "\n")
        return
    from rich.console import Console

    Console(highlight=False).print(text())


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="musclemap")
def cli() -> None:
    """Which muscles does this exercise work, in what role, and how hard?"""


@cli.command()
@click.argument("exercise")
@click.option("--variant", "-v", "variants", multiple=True, metavar="KEY=VALUE",
              help="Choose a declared variant, e.g. foot_placement=high (repeatable).")
@lambda f: output_options(f, FORMATS + ARTICLE_FORMATS)
def show(exercise: str, variants: tuple[str, ...], fmt: str, as_json: bool) -> None:
    """The muscles EXERCISE works, grouped, with role, involvement and why."""
    from .query import exercise_answer, parse_variant_pairs
    from .resolve import require_exercise

    kb = knowledge_base()
    requested = parse_variant_pairs(variants)
    res = require_exercise(kb, exercise)
    assert res.match is not None
    if res.method == "fuzzy":
        click.echo(f"musclemap: taking {exercise!r} as {kb.exercises[res.match].name!r}", err=True)
    ans = exercise_answer(kb, res.match, {**res.preset(), **requested})

    def payload() -> Any:
        from .render.payload import show_payload

        return show_payload(kb, ans)

    def text() -> Any:
        from .render.text import show_text

        return show_text(kb, ans)

    if fmt in ARTICLE_FORMATS and not as_json:
        from .ask import substitutes
        from .render import article as art

        related = tuple(e for e, _s in substitutes(kb, ans.exercise.id, 6))
        page = art.article(kb, ans, related)
        if fmt == "markdown":
            sys.stdout.write(art.markdown(page))
        else:
            from .model import in_sentence
            from .render.bodymap import body_map_svg, shades_of

            svg = body_map_svg(kb, shades_of([ans]), f"What the {in_sentence(ans.exercise.name)} works")
            sys.stdout.write(art.html_page(page, svg))
        return
    emit(fmt, as_json, payload, text)


@cli.command()
@click.argument("name")
@click.option("--limit", default=10, show_default=True, type=click.IntRange(min=1),
              help="How many top exercises to list.")
@output_options
def muscle(name: str, limit: int, fmt: str, as_json: bool) -> None:
    """Anatomy of a muscle or muscle group, and the exercises that work it hardest."""
    from .query import group_info, muscle_info
    from .render import payload as p
    from .resolve import require_muscle

    kb = knowledge_base()
    res = require_muscle(kb, name)
    assert res.match is not None
    if res.kind == "muscle":
        minfo = muscle_info(kb, res.match, limit)

        def text() -> Any:
            from .render.text import muscle_text

            return muscle_text(kb, minfo)

        emit(fmt, as_json, lambda: p.muscle_payload(kb, minfo), text)
    else:
        ginfo = group_info(kb, res.match, limit)

        def gtext() -> Any:
            from .render.text import group_text

            return group_text(kb, ginfo)

        emit(fmt, as_json, lambda: p.group_payload(kb, ginfo), gtext)


@cli.command()
@click.option("--muscle", "muscle_name", metavar="NAME", help="A muscle or muscle group.")
@click.option("--equipment", metavar="E", help="Only exercises that use this equipment (e.g. dumbbell).")
@click.option("--role", "roles", multiple=True, metavar="ROLE",
              help="Only where the muscle has this role (repeatable): target, synergist, stabilizer, ...")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="At most this many exercises.")
@click.option("--variations", is_flag=True,
              help="Also list catalogue variations in technique only (paused, tempo, one arm at a time).")
@output_options
def exercises(muscle_name: str | None, equipment: str | None, roles: tuple[str, ...], limit: int | None,
              variations: bool, fmt: str, as_json: bool) -> None:
    """Exercises ranked by how hard they work a muscle or group, with filters."""
    from .query import equipment_id, exercises_for
    from .render import payload as p
    from .resolve import require_muscle

    kb = knowledge_base()
    target = None
    title = "All exercises, by their main target"
    if muscle_name is not None:
        res = require_muscle(kb, muscle_name)
        target = res.match
        title = f"Exercises for the {kb.display_name(res.kind, res.match or '')}"
    norm_equipment = equipment_id(equipment) if equipment else None
    norm_roles = tuple(r.strip().lower().replace(" ", "_").replace("-", "_") for r in roles)
    rows = exercises_for(kb, target, equipment=norm_equipment, roles=norm_roles, limit=limit, variations=variations)
    filters = {"muscle": target, "equipment": norm_equipment, "roles": list(norm_roles), "limit": limit,
               "variations": variations}

    def text() -> Any:
        from .render.text import exercises_text

        return exercises_text(rows, title)

    emit(fmt, as_json, lambda: p.exercises_payload(rows, filters), text)


@cli.command(name="list")
@output_options
def list_(fmt: str, as_json: bool) -> None:
    """Every exercise id and name."""
    from .render import payload as p

    kb = knowledge_base()

    def text() -> Any:
        from .render.text import list_text

        return list_text(kb)

    emit(fmt, as_json, lambda: p.list_payload(kb), text)


@cli.command()
@click.argument("text")
@output_options
def resolve(text: str, fmt: str, as_json: bool) -> None:
    """Which exercise a free-text name maps to, with a confidence and alternatives."""
    from .render import payload as p
    from .resolve import resolve_exercise

    kb = knowledge_base()
    res = resolve_exercise(kb, text)

    def render() -> Any:
        from .render.text import resolve_text

        return resolve_text(kb, res)

    emit(fmt, as_json, lambda: p.resolve_payload(kb, res), render)


MAP_FORMATS = {".svg": "svg", ".png": "png"}


@cli.command(name="map")
@click.argument("exercises", nargs=-1)
@click.option("--variant", "-v", "variants", multiple=True, metavar="KEY=VALUE",
              help="A declared variant of the (single) exercise (repeatable).")
@click.option("--vector", "vector_file", type=click.Path(dir_okay=False), default=None,
              help="A JSON file of {muscle or group id: value 0-1} to map instead of exercises.")
@click.option("-o", "--output", "out", required=True, type=click.Path(dir_okay=False),
              help="The picture to write: FILE.svg or FILE.png.")
@click.option("--width", default=1200, show_default=True, type=click.IntRange(min=100, max=8000),
              help="Width in pixels of a PNG.")
@click.option("--title", default=None, help="The caption (default: the exercises' names).")
def map_(exercises: tuple[str, ...], variants: tuple[str, ...], vector_file: str | None, out: str, width: int,
         title: str | None) -> None:
    """A body map (front and back) coloured by how hard each muscle works, as SVG or PNG."""
    from pathlib import Path

    from .model import in_sentence
    from .query import exercise_answer, muscle_vector, parse_variant_pairs
    from .render import bodymap as bm
    from .resolve import require_exercise

    fmt = MAP_FORMATS.get(Path(out).suffix.lower())
    if fmt is None:
        raise UserError(f"{out}: the picture must end in .svg or .png")
    if bool(exercises) == bool(vector_file):
        raise UserError("give one or more exercises, or --vector FILE, but not both")
    if variants and len(exercises) != 1:
        raise UserError("--variant applies to a single exercise")
    kb = knowledge_base()
    if vector_file:
        try:
            raw = json.loads(Path(vector_file).read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise UserError(f"cannot read {vector_file} as JSON: {exc}") from None
        shades = bm.shades_from_vector(kb, muscle_vector(kb, raw))
        caption, sub = title or Path(vector_file).stem.replace("_", " "), "per-muscle values"
    else:
        requested = parse_variant_pairs(variants)
        answers = []
        for name in exercises:
            res = require_exercise(kb, name)
            assert res.match is not None
            answers.append(exercise_answer(kb, res.match, {**res.preset(), **requested}))
        shades = bm.shades_of(answers)
        names = [a.exercise.name for a in answers]
        caption = title or (f"What the {in_sentence(names[0])} works" if len(names) == 1 else " + ".join(names))
        chosen = [f"{c.key} {c.value}" for a in answers for c in a.variant if c.value != c.default]
        sub = ("; ".join(chosen) + " · " if chosen else "") + (
            "involvement at about 75% of 1RM" if len(names) == 1 else "the most each muscle works in any of them")
    svg = bm.body_map_svg(kb, shades, caption, sub)
    data = svg.encode("utf-8") if fmt == "svg" else bm.png_from_svg(svg, width)
    write_files(str(Path(out).parent or "."), {Path(out).name: data})
    click.echo(f"wrote {out}", err=True)


@cli.command()
@click.argument("question")
@output_options
def ask(question: str, fmt: str, as_json: bool) -> None:
    """Answer a question in plain English ("what muscles does the leg press work?")."""
    from .ask import ask as answer_question
    from .render import payload as p

    kb = knowledge_base()
    ans = answer_question(kb, question)

    def text() -> Any:
        from .render.text import ask_text

        return ask_text(kb, ans)

    emit(fmt, as_json, lambda: p.ask_payload(kb, ans), text)


@cli.command()
@output_options
def stats(fmt: str, as_json: bool) -> None:
    """Counts per pattern, equipment and muscle group, and which exercises are still curated."""
    from .query import catalogue_stats
    from .render import payload as p

    st = catalogue_stats(knowledge_base())

    def text() -> Any:
        from .render.text import stats_text

        return stats_text(st)

    emit(fmt, as_json, lambda: p.stats_payload(st), text)


@cli.command()
@click.option("--format", "fmt", type=click.Choice(("json", "csv")), default="json", show_default=True,
              help="json: one complete file that loads again; csv: flat tables.")
@click.option("-o", "--output", "out", type=click.Path(file_okay=False), default=None,
              help="Folder to write into (created if need be); without it, JSON goes to standard output.")
def export(fmt: str, out: str | None) -> None:
    """The whole knowledge base as open data (muscles, groups, exercises, involvement, sources), with its licence."""
    from .export import JSON_FILE, export_files

    if out is None and fmt != "json":
        raise UserError("a CSV export is several files: give a folder with -o DIR")
    files = export_files(knowledge_base(), fmt)
    if out is None:
        sys.stdout.write(files[JSON_FILE])
        return
    written = write_files(out, files)
    click.echo(f"wrote {len(written)} files to {out}: {', '.join(written)}", err=True)


def write_files(folder: str, files: dict[str, str] | dict[str, bytes]) -> list[str]:
    """Write each file through a temporary name and a rename, so none is left half-written."""
    import os
    from pathlib import Path

    root = Path(folder)
    try:
        root.mkdir(parents=True, exist_ok=True)
        for name, text in files.items():
            tmp = root / f".{name}.{os.getpid()}.tmp"
            if isinstance(text, bytes):
                tmp.write_bytes(text)
            else:
                tmp.write_text(text, encoding="utf-8")
            tmp.replace(root / name)
    except OSError as exc:
        raise UserError(f"cannot write to {folder}: {exc.strerror or exc}") from None
    return list(files)


def main() -> None:
    """Console-script entry point."""
    try:
        cli()
    except BrokenPipeError:  # output piped into `head` and closed early
        sys.stderr.close()
        sys.exit(0)
