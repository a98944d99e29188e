"""Every line of a node's text inside the outline drawn around it, with room to
spare, in the geometry Graphviz drew: the SVG `raci diagram` writes, whose
shapes and text (each line at the width `dot` measured it, `textLength`) are
the same positions the PNG and PDF of that run are drawn from.

A rounded box's corners curve in by up to 12 points: the first line of a
two-line name, set the plain margin in from the side, ran over them (by
1.6 points on the politie-digitaal roles, a bold name on the outline once
printed). Checked in English and Dutch, on the samples' views and on a real
organisation's (`../shared/realdata`, skipped where absent).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import numpy as np
import pytest
from matplotlib.path import Path as Outline

from benchmarks.realdata import DEFAULT_DATA
from benchmarks.realdata import django as django_source
from raci.export.render import draw
from raci.export.views import build_view
from raci.formats import read_model
from raci.i18n import set_language
from raci.model import Model

SAMPLES = Path(__file__).parents[1] / "sample_orgs"
ROOM = 1.5
"""Points (at the drawing's own size) a line of text keeps from its outline:
still more than a point once scaled to the smallest text that reads (8 of 10)."""
ASCENT, DESCENT = 0.76, 0.24
"""Of a line's font size, above and below its baseline (DejaVu Sans: 0.76, 0.24)."""
_NODE = re.compile(r'<g id="([^"]*)" class="node[^"]*">(.*?)</g>', re.S)
_SHAPE = re.compile(r"<(polygon|path|ellipse)([^>]*)/?>")
_TEXT = re.compile(r"<text ([^>]*)>([^<]*)</text>")
_ATTRIBUTE = re.compile(r'([\w-]+)="([^"]*)"')
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")


def outline_points(tag: str, attributes: dict[str, str]) -> np.ndarray:
    """A shape's outline as points, curves and ellipses followed closely."""
    if tag == "polygon":
        return np.array([[float(n) for n in point.split(",")]
                         for point in attributes["points"].split()])
    if tag == "ellipse":
        turn = np.linspace(0, 2 * np.pi, 180)
        return np.c_[float(attributes["cx"]) + float(attributes["rx"]) * np.cos(turn),
                     float(attributes["cy"]) + float(attributes["ry"]) * np.sin(turn)]
    controls = np.array([float(n) for n in _NUMBER.findall(attributes["d"])]).reshape(-1, 2)
    points = [controls[0]]  # Graphviz writes a path as M and cubic Béziers
    for start in range(0, len(controls) - 3, 3):
        p0, p1, p2, p3 = controls[start:start + 4]
        points += [(1 - t) ** 3 * p0 + 3 * (1 - t) ** 2 * t * p1 + 3 * (1 - t) * t ** 2 * p2
                   + t ** 3 * p3 for t in np.linspace(0, 1, 16)[1:]]
    return np.array(points)


def text_lines(body: str) -> Iterator[tuple[str, tuple[float, float, float, float]]]:
    """Each line of text and the box it is drawn in (left, top, right, bottom)."""
    for raw, content in _TEXT.findall(body):
        attributes = dict(_ATTRIBUTE.findall(raw))
        x, y = float(attributes["x"]), float(attributes["y"])
        width, size = float(attributes["textLength"]), float(attributes["font-size"])
        left = {"middle": x - width / 2, "end": x - width}.get(
            attributes.get("text-anchor", "start"), x)
        yield html.unescape(content), (left, y - ASCENT * size, left + width, y + DESCENT * size)


def distance_to(point: np.ndarray, outline: np.ndarray) -> float:
    """From a point to the nearest side of an outline."""
    starts, ends = outline, np.roll(outline, -1, axis=0)
    sides = ends - starts
    along = np.clip(((point - starts) * sides).sum(1) / np.maximum((sides ** 2).sum(1), 1e-9),
                    0, 1)
    gaps = starts + sides * along[:, None] - point
    return float(np.sqrt((gaps ** 2).sum(1)).min())


def room_left(svg: str) -> Iterator[tuple[str, str, float]]:
    """Each node's lines of text and the room each keeps inside its outline (the
    smallest shape around the line's middle), negative where it runs over."""
    for node, body in _NODE.findall(svg):
        outlines = [outline_points(tag, attributes) for tag, raw in _SHAPE.findall(body)
                    if (attributes := dict(_ATTRIBUTE.findall(raw))).get("stroke", "black")
                    not in ("none", "transparent")]
        if not outlines:
            continue  # words with no outline to stay in (the title, a line's meaning in the key)
        for text, (left, top, right, bottom) in text_lines(body):
            if not text.strip():
                continue  # a space draws nothing (an indicator's first line ends in one)
            middle = ((left + right) / 2, (top + bottom) / 2)
            around = [points for points in outlines if Outline(points).contains_point(middle)]
            if not around:
                yield node, text, -np.inf
                continue
            outline = min(around, key=lambda points: np.ptp(points[:, 0]) * np.ptp(points[:, 1]))
            corners = np.array([(x, y) for x in (left, middle[0], right)
                                for y in (top, middle[1], bottom)])
            yield node, text, min(
                distance_to(corner, outline) * (1 if Outline(outline).contains_point(corner)
                                                else -1) for corner in corners)


def assert_text_inside(svg: bytes) -> None:
    checked = 0
    for node, text, room in room_left(svg.decode("utf-8")):
        checked += 1
        assert room >= ROOM, f"{text!r} of {html.unescape(node)} keeps {room:.1f} pt"
    assert checked >= 10  # the names, notes and key were found


@cache
def sample(name: str) -> Model:
    return read_model(SAMPLES / f"{name}.yaml").model


@pytest.mark.parametrize("language", ["en", "nl"])
@pytest.mark.parametrize(("name", "view"), [("politie-digitaal", "org"),
                                            ("energietransitie", "bodies"),
                                            ("nationaal-archief", "goals")])
def test_every_line_of_a_node_stays_inside_its_outline(name: str, view: str,
                                                       language: str) -> None:
    """Rounded role boxes with two-line names, vacant and external roles, the
    bodies' hexagons, 3-D boxes and tabs, the indicators' folded corners (a
    first line as wide as the `note` ran into it), and the key's samples of each."""
    set_language(language)
    assert_text_inside(draw(build_view(sample(name), view), "svg").data)


@pytest.mark.skipif(not DEFAULT_DATA.is_dir(), reason=f"no real data at {DEFAULT_DATA}")
@pytest.mark.parametrize("view", ["org", "bodies"])
def test_a_real_organisations_names_stay_inside_their_outlines(view: str) -> None:
    [(_, model)] = django_source.models(DEFAULT_DATA)
    assert_text_inside(draw(build_view(model, view), "svg").data)


def test_a_name_over_a_rounded_corner_is_caught() -> None:
    """The check itself: a first line set 1 point in from a rounded box's side."""
    corner = ("M10,0 C4,0 0,4 0,10 C0,10 0,40 0,40 C0,46 4,50 10,50 C10,50 90,50 90,50 "
              "C96,50 100,46 100,40 C100,40 100,10 100,10 C100,4 96,0 90,0 C90,0 10,0 10,0")
    svg = (f'<g id="n" class="node"><path d="{corner}"/><text text-anchor="start" x="{{x}}" '
           'y="12" font-size="12" textLength="{width}">x</text></g>')
    [(_, _, over)] = room_left(svg.format(x=1, width=98))
    [(_, _, clear)] = room_left(svg.format(x=12, width=76))
    assert over < 0 < ROOM < clear
