"""The handout's diagrams as Chromium prints them: every line of a node's text
inside the outline `dot` drew around it.

`dot` sizes a shape by the width it measures its text at; Chromium draws the
SVG's text with its own measure, several per cent wider for some names (a
bold "Netcapaciteit Gelderland" ran 9 points past its box), and Graphviz
draws a 3-D box's front face and a `cds` arrow's body inside the node's box.
A part of a split view (3-D boxes, hexagons, the dashed arrows of nodes
drawn in another part) is printed with the real Chromium, and the place of
every word in the PDF (`pdftotext -bbox`) is checked against its node's
outline in the SVG.
"""

from __future__ import annotations

import html
import re
import subprocess
from pathlib import Path

import pytest
from browser import require_chromium, require_program

from raci.export.look import FONT, NOTE_POINTS, plain_label
from raci.export.pdf import print_to_pdf
from raci.export.render import render, svg_markup
from raci.export.report_diagrams import draw_for_report
from raci.export.views import build_view
from raci.formats import read_model

SAMPLES = Path(__file__).parents[1] / "raci" / "sample_orgs"
TOLERANCE = 0.5
"""Points a word may touch its outline by (antialiasing, rounding of the PDF)."""
_NODE = re.compile(r'<g id="[^"]*" class="node([^"]*)">(.*?)</g>', re.S)
_POINTS = re.compile(r'points="([^"]*)"')
_LINE = re.compile(r"<text [^>]*>([^<]*)</text>")
_TRANSFORM = re.compile(r'transform="scale\(([\d.]+) ([\d.]+)\) rotate\(0\) '
                        r'translate\(([\d.]+) ([\d.]+)\)"')
_SIZE = re.compile(r'<svg width="([\d.]+)pt" height="([\d.]+)pt"')
_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">'
                   r"([^<]*)</word>")

Box = tuple[float, float, float, float]


def outlines(svg: str) -> list[tuple[Box, set[str]]]:
    """Each node's outline on the printed page (points from its top left) and its
    words; a node drawn in another part (a `cds` arrow) without its tip."""
    scale_x, scale_y, shift_x, shift_y = map(float, _TRANSFORM.search(svg).groups())  # type: ignore[union-attr]
    nodes = []
    for classes, body in _NODE.findall(svg):
        points = [tuple(map(float, point.split(","))) for found in _POINTS.findall(body)
                  for point in found.split()]
        if not points:
            continue  # words with no outline to stay in (the title, a line's meaning in the key)
        if "elsewhere" in classes.split():  # the tip is the one corner alone at its x
            points = [(x, y) for x, y in points if sum(x == x_ for x_, _ in points) > 1]
        xs = [scale_x * (x + shift_x) for x, _ in points]
        ys = [scale_y * (y + shift_y) for _, y in points]
        words = {word for line in _LINE.findall(body) for word in html.unescape(line).split()}
        nodes.append(((min(xs), min(ys), max(xs), max(ys)), words))
    return nodes


def printed_words(svg: str, tmp_path: Path) -> list[tuple[Box, str]]:
    """The drawing printed alone on a page of its size by Chromium: each word and its box."""
    width, height = _SIZE.search(svg).groups()  # type: ignore[union-attr]
    page = tmp_path / "drawing.html"
    page.write_text(f"<!DOCTYPE html><meta charset='utf-8'><style>@page {{ size: {width}pt "
                    f"{height}pt; margin: 0 }} body {{ margin: 0 }} svg {{ display: block }}"
                    f"</style>{svg_markup(svg.encode())}", encoding="utf-8")
    print_to_pdf(page, tmp_path / "drawing.pdf", 120)
    boxes = tmp_path / "words.html"
    subprocess.run([require_program("pdftotext"), "-bbox", "-f", "1", "-l", "1",
                    str(tmp_path / "drawing.pdf"), str(boxes)], check=True)
    return [((float(x0), float(y0), float(x1), float(y1)), html.unescape(word))
            for x0, y0, x1, y1, word in _WORD.findall(boxes.read_text(encoding="utf-8"))]


def spills(word: Box, outline: Box) -> bool:
    return (word[0] < outline[0] - TOLERANCE or word[2] > outline[2] + TOLERANCE
            or word[1] < outline[1] - TOLERANCE or word[3] > outline[3] + TOLERANCE)


def assert_words_inside(svg: str, tmp_path: Path, least: int) -> None:
    """Every printed word of a node's text inside its outline; at least `least` found."""
    nodes = outlines(svg)
    checked = 0
    for box, word in printed_words(svg, tmp_path):
        centre = ((box[0] + box[2]) / 2, (box[1] + box[3]) / 2)
        for outline, own in nodes:
            inside = outline[0] <= centre[0] <= outline[2] and outline[1] <= centre[1] <= outline[3]
            if inside and word in own:
                checked += 1
                assert not spills(box, outline), f"{word!r} at {box} runs past {outline}"
    assert checked >= least  # the names and notes were found in the PDF


def test_text_prints_no_wider_than_dot_measured_it(tmp_path: Path) -> None:
    """Notes in 10 pt, which `dot` measures up to 4 % narrower than they print
    (its glyph widths hinted to whole pixels), each in a box without margin."""
    require_chromium()
    notes = ["6 leden, vergadert elke 14 dagen", "voorzitter: Programmadirecteur",
             "3 gedeeld (38%)"]
    nodes = "".join(f"n{number} [label={plain_label(note)}]\n"
                    for number, note in enumerate(notes))
    source = (f'digraph {{ node [shape=box fontname="{FONT}" fontsize={NOTE_POINTS} margin=0]\n'
              f"{nodes}}}")
    assert_words_inside(render(source, "svg").decode("utf-8"), tmp_path, 10)


@pytest.mark.parametrize(("sample", "view"), [("energietransitie", "bodies"),
                                             ("politie-digitaal", "goals")])
def test_every_node_word_prints_inside_its_outline(sample: str, view: str,
                                                   tmp_path: Path) -> None:
    """The first part of a split view: 3-D boxes, hexagons, goals, and the
    dashed arrows of what is drawn in another part."""
    require_chromium()
    model = read_model(SAMPLES / f"{sample}.yaml").model
    diagram = draw_for_report(build_view(model, view), model, sample, 60)
    assert_words_inside(diagram.drawings[0].data.decode("utf-8"), tmp_path, 10)
