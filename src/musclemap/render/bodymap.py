"""The body map: a front and a back figure whose muscle shapes are coloured by involvement, as SVG (and PNG).

The figure is the project's own drawing, data/bodymap.svg: one path per muscle and side, tagged with the muscle's
id (class "muscle" on the surface, class "deep" for a muscle under others). This module colours a copy: a
colour-blind-safe sequential scale (viridis, light = little, dark = much), a thick outline for targets, a thin one
for synergists, a dashed one for stabilizers; deep muscles are hatched over the muscle above, so they are not lost.
Every shape gets an id, its muscle id and a hover title.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Mapping, Sequence
from typing import NamedTuple

from ..kb import KnowledgeBase, data_dir
from ..query import ExerciseAnswer

SVG_NS = "http://www.w3.org/2000/svg"
ET.register_namespace("", SVG_NS)

# viridis at nine evenly spaced points, reversed so that more involvement is darker (Smith & van der Walt's
# perceptually uniform colour map, readable with the common colour-vision deficiencies)
SCALE: tuple[str, ...] = ("#fde725", "#b5de2b", "#6ece58", "#35b779", "#1f9e89", "#26828e", "#31688e", "#3e4989",
                          "#482878")
IDLE = "#e4e1dc"  # a muscle that does not work in this answer
OUTLINE = "#f5f2ee"
EDGE = "#3b3b3b"
ROLE_STROKES: dict[str, tuple[str, str]] = {  # role -> (stroke width, dash pattern)
    "target": ("3.2", ""),
    "synergist": ("1.4", ""),
    "dynamic_stabilizer": ("1.2", "4 2"),
    "stabilizer": ("1.2", "4 2"),
    "antagonist_stabilizer": ("1.2", "1.5 2"),
}
# The drawing is 1000 x 1000; the picture adds a caption band above it and a legend band below.
TOP = 78.0
LEGEND_Y = 1000.0 + TOP + 14.0
HEIGHT = LEGEND_Y + 40.0


class Shade(NamedTuple):
    """What the map shows for one muscle."""

    value: float  # 0-1
    role: str | None = None


def colour(value: float) -> str:
    """The scale's colour for an involvement in 0-1 (idle grey for none)."""
    if value <= 0.0:
        return IDLE
    return SCALE[min(len(SCALE) - 1, int(value * len(SCALE)))]


def _template() -> ET.Element:
    return ET.parse(data_dir() / "bodymap.svg").getroot()


def shapes(root: ET.Element | None = None) -> list[ET.Element]:
    """The muscle and deep-muscle paths of the figure."""
    root = _template() if root is None else root
    return [el for el in root.iter(f"{{{SVG_NS}}}path") if el.get("data-muscle")]


def surface_muscles(root: ET.Element | None = None) -> dict[str, set[str]]:
    """Muscle id -> the views it is drawn on the surface in."""
    out: dict[str, set[str]] = {}
    root = _template() if root is None else root
    for view in ("front", "back"):
        group = root.find(f".//{{{SVG_NS}}}g[@id='{view}']")
        if group is None:
            continue
        for el in group.iter(f"{{{SVG_NS}}}path"):
            if el.get("class") == "muscle" and el.get("data-muscle"):
                out.setdefault(str(el.get("data-muscle")), set()).add(view)
    return out


def _hatch(defs: ET.Element, fill: str, n: int) -> str:
    pid = f"hatch-{n}"
    pat = ET.SubElement(defs, f"{{{SVG_NS}}}pattern", id=pid, width="6", height="6",
                        patternUnits="userSpaceOnUse", patternTransform="rotate(45)")
    ET.SubElement(pat, f"{{{SVG_NS}}}rect", {"width": "6", "height": "6", "fill": "#ffffff", "fill-opacity": "0.35"})
    ET.SubElement(pat, f"{{{SVG_NS}}}rect", width="3", height="6", fill=fill)
    return f"url(#{pid})"


def body_map_svg(kb: KnowledgeBase, shades: Mapping[str, Shade], title: str, subtitle: str = "") -> str:
    """The body map as SVG text: each muscle coloured by its shade, with role outlines, hatching, titles, legend."""
    root = _template()
    figure = ET.Element(f"{{{SVG_NS}}}g", id="figure", transform=f"translate(0,{TOP:g})")
    for child in list(root):
        root.remove(child)
        figure.append(child)
    defs = ET.SubElement(root, f"{{{SVG_NS}}}defs")
    root.append(figure)
    root.set("viewBox", f"0 0 1000 {HEIGHT:g}")
    root.set("width", "1000")
    root.set("height", f"{HEIGHT:g}")
    hatches: dict[str, str] = {}
    for view in ("front", "back"):
        group = root.find(f".//{{{SVG_NS}}}g[@id='{view}']")
        if group is None:
            continue
        for el in group.iter(f"{{{SVG_NS}}}path"):
            cls = el.get("class")
            if cls == "outline":
                el.set("fill", OUTLINE)
                el.set("stroke", "#9a948c")
                el.set("stroke-width", "1.2")
                continue
            mid = el.get("data-muscle")
            if not mid:
                if cls == "detail":
                    el.set("fill", "none")
                    el.set("stroke", "#ffffff")
                    el.set("stroke-opacity", "0.6")
                continue
            shade = shades.get(mid, Shade(0.0))
            name = kb.muscles[mid].name if mid in kb.muscles else mid.replace("_", " ")
            el.set("id", f"{view}-{mid}-{el.get('data-side', 'mid')}")
            fill = colour(shade.value)
            label = f"{name}: " + (f"{shade.role.replace('_', ' ')}, " if shade.role else "") + \
                f"{round(shade.value * 100)}%" if shade.value > 0 else f"{name}: not involved"
            if cls == "deep":
                if shade.value <= 0:
                    el.set("fill", "none")
                    el.set("stroke", "none")
                    el.set("visibility", "hidden")
                else:
                    if fill not in hatches:
                        hatches[fill] = _hatch(defs, fill, len(hatches))
                    el.set("fill", hatches[fill])
                    el.set("stroke", fill)
                    el.set("stroke-width", "1")
                    label += " (deep: hatched over the muscle above)"
            else:
                el.set("fill", fill)
                width, dash = ROLE_STROKES.get(shade.role or "", ("0.6", ""))
                el.set("stroke", EDGE if shade.role else "#b9b2a8")
                el.set("stroke-width", width)
                if dash:
                    el.set("stroke-dasharray", dash)
                el.set("stroke-linejoin", "round")
            ET.SubElement(el, f"{{{SVG_NS}}}title").text = label
    _caption(root, title, subtitle)
    _legend(root, defs)
    return ET.tostring(root, encoding="unicode")


def _text(parent: ET.Element, x: float, y: float, text: str, size: float = 14, weight: str = "normal",
          anchor: str = "start") -> None:
    el = ET.SubElement(parent, f"{{{SVG_NS}}}text", {
        "x": f"{x:g}", "y": f"{y:g}", "fill": "#222222", "font-family": "DejaVu Sans, Arial, Helvetica, sans-serif",
        "font-size": f"{size:g}", "font-weight": weight, "text-anchor": anchor})
    el.text = text


def _caption(root: ET.Element, title: str, subtitle: str) -> None:
    g = ET.SubElement(root, f"{{{SVG_NS}}}g", id="caption")
    _text(g, 500, 28, title, 24, "bold", "middle")
    if subtitle:
        _text(g, 500, 50, subtitle, 14, "normal", "middle")
    _text(g, 250, 74, "Front", 16, "bold", "middle")
    _text(g, 750, 74, "Back", 16, "bold", "middle")


def _legend(root: ET.Element, defs: ET.Element) -> None:
    g = ET.SubElement(root, f"{{{SVG_NS}}}g", id="legend")
    x0, w = 30.0, 24.0
    _text(g, x0, LEGEND_Y - 8, "involvement", 15)
    for i, fill in enumerate(SCALE):
        ET.SubElement(g, f"{{{SVG_NS}}}rect", x=f"{x0 + i * w:g}", y=f"{LEGEND_Y:g}", width=f"{w:g}", height="12",
                      fill=fill)
    for frac in (0.0, 0.5, 1.0):
        _text(g, x0 + frac * w * len(SCALE), LEGEND_Y + 30, f"{frac * 100:.0f}%", 14, anchor="middle")
    x = x0 + w * len(SCALE) + 40
    for role, label in (("target", "target"), ("synergist", "synergist"), ("stabilizer", "stabilizer")):
        width, dash = ROLE_STROKES[role]
        attrs = {"stroke": EDGE, "stroke-width": width, "fill": SCALE[4]}
        if dash:
            attrs["stroke-dasharray"] = dash
        ET.SubElement(g, f"{{{SVG_NS}}}rect", {**attrs, "x": f"{x:g}", "y": f"{LEGEND_Y:g}", "width": "22",
                                                 "height": "12"})
        _text(g, x + 28, LEGEND_Y + 12, label, 15)
        x += 125
    ET.SubElement(g, f"{{{SVG_NS}}}rect", x=f"{x:g}", y=f"{LEGEND_Y:g}", width="22", height="12",
                  fill=_hatch(defs, SCALE[5], 99))
    _text(g, x + 28, LEGEND_Y + 12, "deep muscle", 15)
    x += 135
    ET.SubElement(g, f"{{{SVG_NS}}}rect", x=f"{x:g}", y=f"{LEGEND_Y:g}", width="22", height="12", fill=IDLE)
    _text(g, x + 28, LEGEND_Y + 12, "not involved", 15)


def png_from_svg(svg: str, width: int = 1200) -> bytes:
    """The SVG rendered to PNG bytes at the given width (resvg: no browser and no system library needed)."""
    import resvg_py

    return bytes(resvg_py.svg_to_bytes(svg_string=svg, width=width, background="#ffffff"))


def shades_of(answers: Sequence[ExerciseAnswer]) -> dict[str, Shade]:
    """Per muscle, the most any of the exercises works it, with its role there."""
    out: dict[str, Shade] = {}
    for ans in answers:
        for w in ans.muscles:
            if w.muscle.id not in out or w.involvement > out[w.muscle.id].value:
                out[w.muscle.id] = Shade(w.involvement, w.role)
    return out


def shades_from_vector(kb: KnowledgeBase, vector: Mapping[str, float]) -> dict[str, Shade]:
    """Shades from any per-muscle vector (0-1); a muscle group's value goes to each of its members."""
    out: dict[str, Shade] = {}
    for key, value in vector.items():
        members = (key,) if key in kb.muscles else kb.groups[key].members
        for mid in members:
            out[mid] = Shade(max(value, out.get(mid, Shade(0.0)).value))
    return out
