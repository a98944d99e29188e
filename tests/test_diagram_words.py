"""The words on a drawing's lines stand clear of its nodes, and each
overlap's words beside their own line: checked from the boxes and lines in
the `-Tjson` of the very drawing raci makes (heading and all), for the views
that put words on lines (the bodies view's overlaps, the letters of a small
raci view) of every sample."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterator
from itertools import product
from pathlib import Path
from typing import Any

import pytest
from test_diagram_views import box, drawn_json, few_items_model

from benchmarks.realdata import DEFAULT_DATA
from benchmarks.realdata import django as django_source
from raci.export.aside import placed_words
from raci.export.graph import Edge, Style, View, focus_view
from raci.export.page import Page
from raci.export.render import fits_page
from raci.export.report_diagrams import REPORT_PAGE
from raci.export.split import SPLITS, split_view
from raci.export.views import build_view
from raci.formats import read_model
from raci.i18n import set_language

SAMPLES = sorted((Path(__file__).parents[1] / "sample_orgs").glob("*.yaml"))
Box = tuple[float, float, float, float]
ASCENT, DESCENT = 0.9, 0.25
"""How far a line of text reaches above and below its baseline, in its size."""


def text_boxes(element: dict[str, Any]) -> Iterator[Box]:
    """The box of each line of an edge's words (middle, external, head and tail
    labels), from the text operations `dot` drew them with."""
    size = 14.0
    for key, operations in element.items():
        if not (key.startswith("_") and key.endswith("ldraw_")):
            continue
        for operation in operations:
            if operation["op"] == "F":
                size = float(operation["size"])
            elif operation["op"] == "T":
                x, y = operation["pt"]
                width = float(operation["width"])
                left = {"l": x, "r": x - width}.get(operation["align"], x - width / 2)
                yield left, y - DESCENT * size, left + width, y + ASCENT * size


def overlap(one: Box, other: Box) -> bool:
    return one[0] < other[2] and other[0] < one[2] and one[1] < other[3] and other[1] < one[3]


def words_over_nodes(view: View) -> list[str]:
    """Each place where the words of a line cover a node of the drawing: the
    words `dot` places cover no part of a node's box; the words raci places
    beside a line drawn aside cover no node's words and no other such words
    (beside a short line with no free spot near it, they may cover an empty
    corner of a node's box: standing by their own line comes first)."""
    drawn = drawn_json(view)
    objects = drawn.get("objects", [])
    nodes = {element["_gvid"]: element for element in objects
             if "pos" in element and element.get("style") != "invis"
             and float(element.get("width", 0)) > 0}
    placed = {gvid for gvid, node in nodes.items()
              if "words" in str(node.get("class", "")).split()}
    covered = [(text, node) for edge in drawn.get("edges", []) for text in text_boxes(edge)
               for node in nodes.values() if overlap(text, box(node))]
    for own, (gvid, node) in product(placed, nodes.items()):
        kept_clear = [*text_boxes(node), *([box(node)] if gvid in placed else [])]
        if gvid != own and any(overlap(box(nodes[own]), other) for other in kept_clear):
            covered.append((box(nodes[own]), node))
    return [f"{content} covers {node.get('id')}" for content, node in covered]


@pytest.mark.parametrize("sample", SAMPLES, ids=[path.stem for path in SAMPLES])
def test_the_words_on_the_lines_of_the_bodies_view_cover_no_node(sample: Path) -> None:
    view = build_view(read_model(sample).model, "bodies")
    assert any(edge.label for edge in view.edges) or sample.stem == "voorbeeld-gezond"
    assert words_over_nodes(view) == []


def test_the_letters_of_a_small_raci_view_cover_no_node() -> None:
    view = build_view(few_items_model(), "raci")
    assert any(edge.head_label for edge in view.edges)
    assert words_over_nodes(view) == []


def test_the_words_of_a_focused_view_cover_no_node() -> None:
    model = read_model(SAMPLES[0]).model
    view = focus_view(build_view(model, "bodies"), model, "pr-vego", 1)
    assert words_over_nodes(view) == []


def line_points(edge: dict[str, Any]) -> list[tuple[float, float]]:
    """Points close together along an edge's line as drawn (its Bézier pieces)."""
    points = []
    for operation in edge.get("_draw_", []):
        if operation["op"] in ("b", "B"):
            controls = [tuple(map(float, point)) for point in operation["points"]]
            for start in range(0, len(controls) - 3, 3):
                piece = controls[start:start + 4]
                (x0, y0), (x1, y1), (x2, y2), (x3, y3) = piece
                steps = math.ceil(sum(map(math.dist, piece, piece[1:]))) + 1  # a point a point
                for step in range(steps + 1):
                    t = step / steps
                    a, b, c, d = (1 - t) ** 3, 3 * (1 - t) ** 2 * t, 3 * (1 - t) * t ** 2, t ** 3
                    points.append((a * x0 + b * x1 + c * x2 + d * x3,
                                   a * y0 + b * y1 + c * y2 + d * y3))
    return points


def distance(words: Box, points: list[tuple[float, float]]) -> float:
    """Points between a box and the nearest of `points` (0 inside it)."""
    return min(math.hypot(max(words[0] - x, 0, x - words[2]), max(words[1] - y, 0, y - words[3]))
               for x, y in points)


def through_the_middle(words: Box, points: list[tuple[float, float]]) -> bool:
    """Whether the line of `points` (a point a point) crosses the middle row or
    the middle column of the text `words`, each reaching one line of text
    beyond it: it runs through the words, or right beside them, level with
    their middle, rather than past a corner."""
    reach = words[3] - words[1]
    middle_x, middle_y = (words[0] + words[2]) / 2, (words[1] + words[3]) / 2
    return any((words[0] - reach <= x <= words[2] + reach and abs(y - middle_y) <= 1)
               or (words[1] - reach <= y <= words[3] + reach and abs(x - middle_x) <= 1)
               for x, y in points)


def past_the_end(words: Box, points: list[tuple[float, float]]) -> bool:
    """Whether the point of the line nearest the middle of `words` is an end of
    it: the words stand past the line, level with where it ends (beside a short
    line, as if they were the words of the next line ending there)."""
    middle = (words[0] + words[2]) / 2, (words[1] + words[3]) / 2
    return min(points, key=lambda point: math.dist(point, middle)) in (points[0], points[-1])


def words_beside_another_line(view: View, page: Page | None = None,
                              on_the_line: bool = False) -> list[str]:
    """Each overlap's words that stand as near another overlap's line as their
    own, or more than their own height from it, or past its end
    (`past_the_end`), or (where `on_the_line`) whose line does not run
    through or right beside their middle (`through_the_middle`): words on a
    short line between two close bodies would hide some of theirs, and stand
    beside it."""
    drawn = drawn_json(view, page)
    placed = [element for element in drawn.get("objects", [])
              if "words" in str(element.get("class", "")).split()]
    owners = {str(element["id"]).removesuffix(":words") for element in placed}
    lines = {str(edge["id"]): line_points(edge) for edge in drawn.get("edges", [])
             if str(edge.get("id")) in owners}
    wrong = []
    for element in placed:
        words, own = box(element), str(element["id"]).removesuffix(":words")
        near = {line: distance(words, points) for line, points in lines.items() if points}
        nearest = min(near, key=lambda line: near[line])
        on_it = any(through_the_middle(text, lines[own]) for text in text_boxes(element))
        if near[own] > words[3] - words[1] or past_the_end(words, lines[own]) or (
                on_the_line and not on_it) or any(
                near[line] <= near[own] for line in near if line != own):
            wrong.append(f"{element['label']!r} off its line ({near[own]:.0f} pt); "
                         f"nearest {nearest} at {near[nearest]:.0f} pt")
    return wrong


@pytest.mark.parametrize("sample", SAMPLES, ids=[path.stem for path in SAMPLES])
def test_the_words_of_each_overlap_stand_beside_their_own_line(sample: Path) -> None:
    view = build_view(read_model(sample).model, "bodies")
    assert words_beside_another_line(view) == []


@pytest.mark.skipif(not DEFAULT_DATA.is_dir(), reason=f"no real data at {DEFAULT_DATA}")
def test_the_words_of_each_overlap_of_a_real_organisation_stand_on_their_own_line() -> None:
    """Django's "4 of 16 seat-holders" stood off a slanting line that only
    touched a corner of their white ground; each of its overlaps has room on
    its line."""
    [(_, model)] = django_source.models(DEFAULT_DATA)
    view = build_view(model, "bodies")
    assert sum(bool(edge.label) for edge in view.edges) == 4
    assert words_beside_another_line(view, on_the_line=True) == []


def test_the_words_of_each_overlap_in_the_dutch_handout_stand_beside_their_own_line() -> None:
    set_language("nl")
    model = read_model(SAMPLES[0]).model
    view = build_view(model, "bodies")
    parts = split_view(view, model, SPLITS[view.name], fits_page(REPORT_PAGE))
    assert [words_beside_another_line(part, REPORT_PAGE) for part in parts] == [[]] * len(parts)


def letters_over_nodes_or_letters(view: View) -> list[str]:
    """Each letter of a RACI line (placed by raci, or at its arrowhead by `dot`)
    whose box overlaps a node's box or another letter's."""
    drawn = drawn_json(view)
    nodes = [element for element in drawn.get("objects", [])
             if "pos" in element and element.get("style") != "invis"
             and float(element.get("width", 0)) > 0]
    letters = [(str(node["label"]), box(node)) for node in nodes
               if "words" in str(node.get("class", "")).split()]
    letters += [(str(edge.get("headlabel")), found) for edge in drawn.get("edges", [])
                for found in text_boxes(edge)]
    shapes = [node for node in nodes if "words" not in str(node.get("class", "")).split()]
    wrong = [f"{letter} at {found} covers {node.get('id')}"
             for (letter, found), node in product(letters, shapes) if overlap(found, box(node))]
    wrong += [f"{one[0]} at {one[1]} covers {other[0]} at {other[1]}"
              for number, one in enumerate(letters) for other in letters[number + 1:]
              if overlap(one[1], other[1])]
    return wrong


@pytest.mark.parametrize(("focus", "depth"), [("r.dg-ke", 2), ("g.wijkaanpak", 1)])
def test_the_letters_of_a_focused_raci_view_cover_no_node_and_no_other_letter(
        focus: str, depth: int) -> None:
    model = read_model(SAMPLES[0]).model
    view = focus_view(build_view(model, "raci"), model, focus, depth)
    assert sum(bool(edge.head_label) for edge in view.edges) > 3
    assert letters_over_nodes_or_letters(view) == []


def test_the_letters_of_a_whole_raci_view_cover_no_node_and_no_other_letter() -> None:
    view = build_view(few_items_model(), "raci")
    assert any(edge.head_label for edge in view.edges)
    assert letters_over_nodes_or_letters(view) == []


def long_crossing_lines(count: int) -> tuple[View, dict[str, Any]]:
    """A bodies view of `count` overlaps drawn as parallel diagonals 30 points
    apart, each as long as the drawing is wide (`count` × 100 points), so every
    line's box meets every other's, as the long lines of a large bodies view do."""
    length = 100.0 * count
    view = View("bodies", "", "TB", {}, {"overlap": Style("", {"constraint": "false"})},
                edges=[Edge(f"a{number}", f"b{number}", "overlap", label="1")
                       for number in range(count)])
    edges = [{"id": f"bodies:edge:{number + 1}",
              "_draw_": [{"op": "b", "points": [[share * length, 30 * number + share * length]
                                                for share in (0, 1 / 3, 2 / 3, 1)]}]}
             for number in range(count)]
    return view, {"objects": [], "edges": edges}


def test_placing_the_words_of_long_lines_grows_with_the_lines_not_their_square(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Each spot tried is measured against the points near it, not every point of
    every other line: twice the lines (each twice as long) take about twice the
    measuring, where measuring against all of them took eight times."""
    hypot = math.hypot

    def measuring(count: int) -> int:
        measured = Counter[str]()

        def counted(*sides: float) -> float:
            measured["distances"] += 1
            return hypot(*sides)

        monkeypatch.setattr(math, "hypot", counted)
        placed = placed_words(*long_crossing_lines(count))
        monkeypatch.undo()
        assert len(placed) == count
        return measured["distances"]

    assert measuring(40) < 3 * measuring(20)
