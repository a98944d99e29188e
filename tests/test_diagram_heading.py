"""The title and key stand above the drawing, never on it: read from the final SVG."""

from __future__ import annotations

import json
import subprocess
import xml.etree.ElementTree as ET
from itertools import pairwise
from pathlib import Path

import pytest

from raci.export.dot import GUESSED
from raci.export.render import DEFAULT_TIMEOUT_SECONDS, draw, run_titled
from raci.export.views import build_view
from raci.formats import read_model
from raci.i18n import speak
from raci.model import Model
from raci.vocabulary import VIEW_TITLES

SVG = "{http://www.w3.org/2000/svg}"
SAMPLES = sorted((Path(__file__).parents[1] / "sample_orgs").glob("*.yaml"))
SHORT_WIDE = """\
raci: 1
org: {name: Klein}
bodies:
  - {id: sg, name: Stuurgroep Klein, kind: steering_group, meets_every_days: 28}
  - {id: ov, name: Overleg, kind: advisory_board, meets_every_days: 14}
decisions:
  - {id: d1, name: Besluit een, raci: {A: sg, C: [ov]}}
  - {id: d2, name: Besluit twee, raci: {A: ov}}
"""
Box = tuple[float, float, float, float]
"""Left, top, right, bottom in the SVG's points (y grows downwards)."""


def _numbers(text: str) -> list[float]:
    return [float(number) for number in text.replace(",", " ").split()]


def _box(group: ET.Element, texts_only: bool = False) -> Box | None:
    """What `group` draws: its shapes' points and its words (each at the width
    it was measured at, as high as its font); None when it draws nothing."""
    xs: list[float] = []
    ys: list[float] = []
    for element in group.iter():
        tag = element.tag.removeprefix(SVG)
        if tag == "text":
            x, y = float(element.get("x", 0)), float(element.get("y", 0))
            width = float(element.get("textLength", 0))
            size = float(element.get("font-size", 10))
            start = {"start": x, "middle": x - width / 2, "end": x - width}[
                element.get("text-anchor", "start")]
            xs += [start, start + width]
            ys += [y - size, y]
        elif texts_only:
            continue
        elif tag in ("polygon", "polyline"):
            points = _numbers(element.get("points", ""))
            xs += points[0::2]
            ys += points[1::2]
        elif tag == "ellipse":
            cx, cy = float(element.get("cx", 0)), float(element.get("cy", 0))
            rx, ry = float(element.get("rx", 0)), float(element.get("ry", 0))
            xs += [cx - rx, cx + rx]
            ys += [cy - ry, cy + ry]
        elif tag == "path":
            points = _numbers("".join(c if c in ".-" or c.isdigit() else " "
                                      for c in element.get("d", "")))
            xs += points[0::2]
            ys += points[1::2]
    return (min(xs), min(ys), max(xs), max(ys)) if xs else None


def heading_and_drawing(svg: bytes) -> tuple[list[Box], list[Box]]:
    """The boxes of the title and key (nodes and lines of class `legend`), and
    those of the drawing's nodes and the words on its lines."""
    heading: list[Box] = []
    drawing: list[Box] = []
    for group in ET.fromstring(svg).iter(f"{SVG}g"):
        classes = (group.get("class") or "").split()
        if "legend" in classes:
            box = _box(group)
            if box:
                heading.append(box)
        elif "node" in classes or "edge" in classes:
            box = _box(group, texts_only="edge" in classes)
            if box:
                drawing.append(box)
    return heading, drawing


def assert_heading_above(svg: bytes, what: str) -> None:
    heading, drawing = heading_and_drawing(svg)
    assert heading and drawing, f"{what}: no heading or no drawing found"
    for key in heading:
        for part in drawing:
            apart = key[2] <= part[0] or part[2] <= key[0] or (
                key[3] <= part[1] or part[3] <= key[1])
            assert apart, f"{what}: the heading's {key} lies over the drawing's {part}"
    gap = min(part[1] for part in drawing) - max(key[3] for key in heading)
    assert gap > 0, f"{what}: the heading reaches {-gap:.1f} points into the drawing"


def short_wide(tmp_path: Path) -> Model:
    path = tmp_path / "short-wide.yaml"
    path.write_text(SHORT_WIDE, encoding="utf-8")
    return read_model(path).model


@pytest.mark.parametrize("language", ["en", "nl"])
@pytest.mark.parametrize("view", ["decisions", "bodies", "raci"])
def test_the_heading_of_a_short_wide_drawing_stands_above_it(
        tmp_path: Path, view: str, language: str) -> None:
    """A drawing of one row, padded by Graphviz's `ratio` to a taller box, its
    row in the middle: `gvpack` measured it by its nodes and put the key's
    samples and lines on them ('Besluit twee', 'Overleg'), and `neato -n2`
    stretched the heading's rows apart to the root's `ratio`."""
    speak(language)
    drawn = draw(build_view(short_wide(tmp_path), view), "svg")
    assert_heading_above(drawn.data, f"{view} ({language})")


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda path: path.stem)
def test_the_heading_of_every_sample_view_stands_above_it(sample: Path) -> None:
    """One layout a view (no fitting to the page), the heading packed as `draw` packs it."""
    model = read_model(sample).model
    for view in VIEW_TITLES:
        svg = run_titled(build_view(model, view), None, True, GUESSED, ("svg",),
                         DEFAULT_TIMEOUT_SECONDS)["svg"]
        assert_heading_above(svg, f"{sample.stem}, {view} view")


@pytest.mark.parametrize("name", ["decisions", "goals", "bodies", "org"])
def test_the_key_of_a_dot_file_reads_in_rows_under_the_title(name: str) -> None:
    """`--format dot` holds the heading in the drawing's own graph, whose ranks
    run its way: in the decisions view (left to right) the key's rows came
    out as columns, and in the bodies view (bottom to top) the title stood
    under the key. Laid out as it is, the key reads as in an SVG: the
    title on top, under it rows running left to right."""
    model = read_model(Path(__file__).parents[1] / "sample_orgs" / "energietransitie.yaml").model
    source = draw(build_view(model, name), "dot", page=None).data.decode("utf-8")
    laid = json.loads(subprocess.run(["dot", "-Tjson"], input=source.encode("utf-8"),
                                     capture_output=True, check=True).stdout)
    at = {str(node.get("id")): tuple(map(float, node["pos"].split(",")))
          for node in laid["objects"] if ":key:" in str(node.get("id", "")) and "pos" in node}
    title = at.pop(f"{name}:key:title")
    heights = sorted(y for _x, y in at.values())
    rows = 1 + sum(1 for low, high in pairwise(heights) if high - low > 12)
    assert len(at) >= 6 and rows <= len(at) / 3, sorted(at.values())
    assert all(y < title[1] for _x, y in at.values()), "the title on top"
