"""The words on a drawing's lines stand clear of its nodes: checked from the
boxes in the `-Tjson` of the very drawing raci makes (heading and all), for
the views that put words on lines (the bodies view's overlaps, the letters
of a small raci view) of every sample."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from test_diagram_views import box, drawn_json, few_items_model

from raci.export import build_view, focus_view
from raci.export.graph import View
from raci.formats import read_model

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
    """Each place where the words of a line cover a node of the drawing."""
    drawn = drawn_json(view)
    objects = drawn.get("objects", [])
    nodes = {element["_gvid"]: element for element in objects
             if "pos" in element and element.get("style") != "invis"
             and float(element.get("width", 0)) > 0}
    words = [(element["_gvid"], box(element)) for element in objects
             if "words" in str(element.get("class", "")).split()]
    words += [(None, text) for edge in drawn.get("edges", []) for text in text_boxes(edge)]
    return [f"{content} covers {nodes[gvid].get('id')}"
            for own, content in words for gvid, node in nodes.items()
            if gvid != own and overlap(content, box(node))]


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
