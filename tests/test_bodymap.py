"""The body map: its drawing, the coloured SVG, the PNG, the `map` command, and the article formats of `show`."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from musclemap.cli import cli
from musclemap.kb import KnowledgeBase
from musclemap.query import exercise_answer
from musclemap.render import bodymap as bm

NS = {"s": bm.SVG_NS}
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def leg_press_svg(kb: KnowledgeBase) -> ET.Element:
    ans = exercise_answer(kb, "leg_press")
    return ET.fromstring(bm.body_map_svg(kb, bm.shades_of([ans]), "What the leg press works"))


def test_every_surface_muscle_has_a_shape_on_each_side_in_each_of_its_views(kb: KnowledgeBase) -> None:
    root = ET.parse(ROOT / "src" / "musclemap" / "data" / "bodymap.svg").getroot()
    drawn: dict[tuple[str, str], set[str]] = {}
    for view in ("front", "back"):
        group = root.find(f"s:g[@id='{view}']", NS)
        assert group is not None
        for el in group.iter(f"{{{bm.SVG_NS}}}path"):
            if el.get("class") == "muscle":
                drawn.setdefault((str(el.get("data-muscle")), view), set()).add(str(el.get("data-side")))
    missing = [(mu.id, view) for mu in kb.muscles.values() if mu.depth == "superficial" for view in mu.views
               if not {"left", "right"} <= drawn.get((mu.id, view), set())]
    assert missing == []
    assert len({mid for mid, _view in drawn}) >= 40


def test_every_deep_muscle_is_drawn_to_be_hatched(kb: KnowledgeBase) -> None:
    root = ET.parse(ROOT / "src" / "musclemap" / "data" / "bodymap.svg").getroot()
    deep = {el.get("data-muscle") for el in root.iter(f"{{{bm.SVG_NS}}}path") if el.get("class") == "deep"}
    assert {mu.id for mu in kb.muscles.values() if mu.depth == "deep"} <= deep


def test_the_drawing_names_only_known_muscles(kb: KnowledgeBase) -> None:
    assert {el.get("data-muscle") for el in bm.shapes()} <= set(kb.muscles)


def test_each_shape_has_a_unique_id_its_muscle_and_a_title(leg_press_svg: ET.Element) -> None:
    paths = [el for el in leg_press_svg.iter(f"{{{bm.SVG_NS}}}path") if el.get("data-muscle")]
    ids = [el.get("id") for el in paths]
    assert len(ids) == len(set(ids)) and all(ids)
    assert all(str(el.get("id")).split("-")[1] == el.get("data-muscle") for el in paths)
    assert all(el.find("s:title", NS) is not None for el in paths)


def test_colours_darken_with_involvement(kb: KnowledgeBase, leg_press_svg: ET.Element) -> None:
    shades = bm.shades_of([exercise_answer(kb, "leg_press")])
    seen = []
    for el in leg_press_svg.iter(f"{{{bm.SVG_NS}}}path"):
        mid = el.get("data-muscle")
        if el.get("class") == "muscle" and mid in shades and shades[mid].value > 0:
            seen.append((shades[mid].value, bm.SCALE.index(str(el.get("fill")))))
    seen.sort()
    assert [i for _v, i in seen] == sorted(i for _v, i in seen)
    assert len({i for _v, i in seen}) >= 3


def test_targets_get_the_thick_outline_and_idle_muscles_grey(kb: KnowledgeBase, leg_press_svg: ET.Element) -> None:
    shades = bm.shades_of([exercise_answer(kb, "leg_press")])
    for el in leg_press_svg.iter(f"{{{bm.SVG_NS}}}path"):
        mid = el.get("data-muscle")
        if el.get("class") != "muscle" or not mid:
            continue
        if mid not in shades:
            assert el.get("fill") == bm.IDLE
        elif shades[mid].role == "target":
            assert el.get("stroke-width") == bm.ROLE_STROKES["target"][0]


def test_a_working_deep_muscle_is_hatched(kb: KnowledgeBase, leg_press_svg: ET.Element) -> None:
    fills = {el.get("fill") for el in leg_press_svg.iter(f"{{{bm.SVG_NS}}}path")
             if el.get("class") == "deep" and el.get("data-muscle") == "vastus_intermedius"}
    assert fills and all(str(f).startswith("url(#hatch-") for f in fills)


def test_text_is_escaped(kb: KnowledgeBase) -> None:
    svg = bm.body_map_svg(kb, {}, 'A <b>bold</b> & "quoted" title', "x < y")
    assert "<b>" not in svg and "&lt;b&gt;" in svg and "&amp;" in svg
    ET.fromstring(svg)


def test_png_is_rendered_without_a_browser(kb: KnowledgeBase) -> None:
    png = bm.png_from_svg(bm.body_map_svg(kb, {}, "empty"), 600)
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert int.from_bytes(png[16:20], "big") == 600


@pytest.mark.parametrize("name", ["map.svg", "map.png"])
def test_map_command_writes_the_picture(tmp_path: Path, name: str) -> None:
    out = tmp_path / name
    result = CliRunner().invoke(cli, ["map", "leg press", "-v", "foot_placement=high", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.stat().st_size > 1000


def test_map_of_several_exercises_and_of_a_vector(tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "two.svg"
    assert runner.invoke(cli, ["map", "leg press", "lat pulldown", "-o", str(out)]).exit_code == 0
    assert "Leg press + Lat pulldown" in out.read_text(encoding="utf-8")
    vec = tmp_path / "week.json"
    vec.write_text(json.dumps({"quadriceps": 0.8, "biceps_brachii_long_head": 0.3}), encoding="utf-8")
    out2 = tmp_path / "week.svg"
    assert runner.invoke(cli, ["map", "--vector", str(vec), "-o", str(out2)]).exit_code == 0
    assert 'data-muscle="vastus_lateralis"' in out2.read_text(encoding="utf-8")


@pytest.mark.parametrize(("args", "message"), [
    (["map", "leg press", "-o", "x.jpg"], ".svg or .png"),
    (["map", "-o", "x.svg"], "one or more exercises"),
    (["map", "leg press", "squat", "-v", "foot_placement=high", "-o", "x.svg"], "single exercise"),
    (["map", "zzqx wobble", "-o", "x.svg"], "unknown exercise"),
])
def test_map_mistakes_exit_2(tmp_path: Path, args: list[str], message: str) -> None:
    args = [str(tmp_path / a) if a.startswith("x.") else a for a in args]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2
    assert message in result.output
    assert not any(tmp_path.iterdir())


def test_a_bad_vector_exits_2(tmp_path: Path) -> None:
    vec = tmp_path / "v.json"
    vec.write_text(json.dumps({"not_a_muscle": 0.5}), encoding="utf-8")
    result = CliRunner().invoke(cli, ["map", "--vector", str(vec), "-o", str(tmp_path / "v.svg")])
    assert result.exit_code == 2 and "not a muscle or group id" in result.output


def test_show_markdown_is_the_article() -> None:
    result = CliRunner().invoke(cli, ["show", "leg press", "--format", "markdown"])
    assert result.exit_code == 0
    text = result.output
    assert text.startswith("# What muscles does the leg press work?")
    for heading in ("## Introduction", "## Quadriceps", "## Variants and how they shift the work", "## Safety",
                    "## Related exercises", "## Sources"):
        assert heading in text
    assert text.index("## Quadriceps") < text.index("## Gluteals")


@pytest.mark.parametrize(("exercise", "phrase"), [
    ("hammer curl", "is an isolation pull exercise"),
    ("leg press", "is a compound push exercise"),
])
def test_the_article_takes_the_right_indefinite_article(exercise: str, phrase: str) -> None:
    result = CliRunner().invoke(cli, ["show", exercise, "--format", "markdown"])
    assert result.exit_code == 0 and phrase in result.output


def test_show_html_is_one_self_contained_page_with_the_map_inline() -> None:
    result = CliRunner().invoke(cli, ["show", "leg press", "--format", "html"])
    assert result.exit_code == 0
    page = result.output
    assert page.startswith("<!DOCTYPE html>") and "<svg" in page and 'data-muscle="vastus_lateralis"' in page
    assert "src=" not in page and "<link" not in page and "<script" not in page


def test_docs_hold_the_leg_press_examples() -> None:
    assert (ROOT / "docs" / "examples" / "leg-press-map.png").stat().st_size > 10_000
    assert "<svg" in (ROOT / "docs" / "examples" / "leg-press.html").read_text(encoding="utf-8")
