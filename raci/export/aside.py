"""The words of the lines drawn aside, put where they cover nothing.

A line that takes no part in ranking (the share of members two bodies have
in common) carries its words as an external label in Graphviz, and Graphviz
2.43 places those over neighbouring nodes. So, once `dot` has laid the
drawing out, each such line's words become a small node of their own, on a
white ground: at the first spot along the line, from its middle outwards
(on it, then above, below, right or left of it), that stands on or beside
that line (the line crosses the words' middle row or column, through them
or right beside them, and nearer to them than any other line drawn aside,
so they never read as another line's, nor as no line's) and covers no
node, no frame's title, no other words and no reporting line (weighed as
words: a short one hidden under them is lost); where no such spot is free, at the
one that covers least (a node's words weigh most). Where each spot on the
line hides some words, or the line crosses none, they stand beside it
instead, at most their height from it, at a spot chosen the same way, if
that hides fewer words; else on its middle.
`raci.export.render` then draws the drawing with every position kept
(`neato -n2`), the lines first, so that the words stand on top of any line
that crosses them.

The letter of a RACI line (A, R, C or I), which Graphviz puts at the
arrowhead, on the node or on the other letters there, is placed the same
way, tried first near its arrowhead (`NEAR_HEAD`) rather than at the middle.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Iterator
from functools import partial
from itertools import pairwise, product
from typing import Any

from raci.export.graph import Edge, View
from raci.export.layout import LETTER_WIDTHS
from raci.export.look import FONT, NOTE_POINTS, plain_label

Box = tuple[float, float, float, float]
"""Left, bottom, right and top, in points."""
LETTER = LETTER_WIDTHS[NOTE_POINTS]
"""Points a letter of the words takes: "4 of 16 seat-holders" is 0.49 em a
letter, "3 van 9 deelnemers" 0.54 (at 0.6 the white ground ran 14 points past
the words, and a line through it passed well clear of them)."""
LINE_HEIGHT = 1.2 * NOTE_POINTS
PADDING = 3.0
"""Points of white around the words."""
ALONG = (0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8, 0.1, 0.9)
"""Where along its line an overlap's words are tried, as shares of its length."""
NEAR_HEAD = (0.8, 0.85, 0.75, 0.9, 0.7, 0.65, 0.6, 0.55, 0.5)
"""Where along its line a letter is tried: near its arrowhead, but off it."""
AWAY = 8
"""Half boxes the words may stand off their line, up or down."""
ACROSS = 3
"""Half boxes the words may stand off their line, left or right."""
STEP = 3.0
"""Points at most between two points taken along a line to measure it by."""
CELL = 100.0
"""Points a side of the grid that finds the boxes near a spot."""
NEAR = 20.0
"""Points a side of the grid that finds the points of lines near a spot: about
a letter's height, as a spot's words are measured to at most their height."""
CLEAR = 2.0
"""Points kept free around the words (`gvpack` rounds positions to whole points)."""
WORDS_WEIGHT = 100.0
"""How much worse covering a node's words is than covering the rest of its box."""
WORDS_CLASS = "words"


def words_aside(view: View) -> dict[str, Edge]:
    """The lines whose words are placed here, by their Graphviz id."""
    return {f"{view.name}:edge:{number}": edge for number, edge in enumerate(view.edges, 1)
            if _words(view, edge)[0]}


def _words(view: View, edge: Edge) -> tuple[str, tuple[float, ...]]:
    """The words placed beside the line, and where along it they are tried: a
    letter near the line's arrowhead, an overlap's words from its middle out."""
    if edge.head_label:
        return edge.head_label, NEAR_HEAD
    attrs = {**view.edge_styles[edge.style].attrs, **edge.attrs}
    return (edge.label, ALONG) if edge.label and attrs.get("constraint") == "false" else ("", ())


def placed_words(view: View, laid_out: dict[str, Any]) -> list[str]:
    """DOT statements of a node for the words of each line drawn aside, at a
    free spot along its line in `laid_out` (`dot -Tjson` of the drawing)."""
    aside = words_aside(view)
    taken, written = Grid(), Grid()
    for element in laid_out.get("objects", []):
        for found in _boxes(element):
            taken.add(found)
        for found in _text_boxes(element):
            written.add(found)
    for edge in laid_out.get("edges", []):
        if str(edge.get("id", "")) not in aside and edge.get("style") != "invis":
            for found in _line_boxes(edge):
                written.add(found)  # hidden, a line is lost as words are
    drawn = {str(edge["id"]): (edge, _points(edge)) for edge in laid_out.get("edges", [])
             if str(edge.get("id", "")) in aside}
    lines = Lines({name: points for name, (_, points) in drawn.items() if points})
    statements = []
    for name, (edge, points) in drawn.items():
        line = aside[name]
        words, shares = _words(view, line)
        width, height = _size(words)
        reach = _bounds(points, width + 2 * height)  # no spot beside the line reaches further
        along = [_at(points, share) for share in shares] if points else []
        spot = _best_spot(along, (width, height), (taken, written),
                          (partial(lines.near, name=name),
                           partial(lines.beside, name=name, reach=reach)))
        taken.add(spot)
        written.add(spot)
        statements.append(_statement(view, edge, line, words, spot))
    return statements


class Grid:
    """Boxes, found by the cells of a grid they touch."""

    def __init__(self) -> None:
        self.cells: dict[tuple[int, int], list[Box]] = defaultdict(list)

    def add(self, found: Box) -> None:
        for cell in _cells(found):
            self.cells[cell].append(found)

    def covered(self, spot: Box) -> float:
        """The area of `spot` the boxes cover (overlaps counted once per box)."""
        near = {other for cell in _cells(spot) for other in self.cells.get(cell, ())}
        return sum(_overlap(spot, other) for other in near)


class Lines:
    """The points of the lines drawn aside, found by the cells of a fine grid,
    so a spot is measured against the points near it rather than every point
    of every line (long lines that cross a large drawing have thousands each)."""

    def __init__(self, drawn: dict[str, list[tuple[float, float]]]) -> None:
        self.bounds = {name: _bounds(points, 1.0) for name, points in drawn.items()}
        self.ends = {name: {points[0], points[-1]} for name, points in drawn.items()}
        self.cells: dict[tuple[int, int], dict[str, list[tuple[float, float]]]] = (
            defaultdict(lambda: defaultdict(list)))
        for name, points in drawn.items():
            for x, y in points:
                self.cells[math.floor(x / NEAR), math.floor(y / NEAR)][name].append((x, y))

    def beside(self, spot: Box, name: str, reach: Box, through: bool = True) -> bool:
        """Whether line `name` crosses the middle row or column of the words at
        `spot` (`_middle_lines`; unless `through` is off: at most their height
        from them) and is nearer to them than any other line whose box meets
        `reach` by more than `STEP` (the points measured may miss a line
        clipping a corner by that much), so the words read as that line's. A
        line that only touches a corner of the words, slanting past them,
        reads as no line's: on Django's bodies view such words stood apart
        from their line."""
        if not self.near(spot, name, through):
            return False
        height = spot[3] - spot[1]
        own_points = [point for cell in self._near(spot, height)
                      for point in self.cells[cell].get(name, ())]
        if not own_points:
            return False
        own = _distance(spot, own_points)
        return own <= height and not self.past_end(spot, name, own_points) and not any(
            line != name and _overlap(reach, self.bounds[line]) > 0
            and _distance(spot, points) <= own + STEP
            for cell in self._near(spot, own + STEP)
            for line, points in self.cells[cell].items())

    def past_end(self, spot: Box, name: str, own_points: list[tuple[float, float]]) -> bool:
        """Whether the words at `spot` stand past an end of line `name`: the
        point of it nearest their middle is its end. Beside a short line (two
        close bodies) words level with its end, rather than with a point along
        it, read as the line's that ends there too (the sample's Stuurgroep).
        The nearest point is looked for on the whole line, not only among
        `own_points` (those near the words): energietransitie's "3 of 8
        seat-holders" stood past the end of its short line, which the points
        near them did not reach."""
        middle = (spot[0] + spot[2]) / 2, (spot[1] + spot[3]) / 2
        reach = min(map(partial(math.dist, middle), own_points))
        nearest = min((point for cell in self._near((*middle, *middle), reach)
                       for point in self.cells[cell].get(name, ())), key=partial(math.dist, middle))
        return nearest in self.ends[name]

    def near(self, spot: Box, name: str, through: bool = True) -> bool:
        """Whether line `name` may be `beside` the words at `spot`: it has a
        point in their middle row or column (unless `through` is off: at most
        their height from them). Asked first, of the few cells near, as most
        spots tried are off their line."""
        if not through:
            return any(self.cells[cell].get(name) for cell in self._near(spot, spot[3] - spot[1]))
        return any(_inside(point, middle) for middle in _middle_lines(spot)
                   for cell in self._near(middle, 0.0) for point in self.cells[cell].get(name, ()))

    def _near(self, spot: Box, margin: float) -> list[tuple[int, int]]:
        """The cells with points at most `margin` from `spot`, and perhaps some further."""
        return [cell for cell in _cells(_widened(spot, margin), NEAR) if cell in self.cells]


def _middle_lines(spot: Box) -> tuple[Box, Box]:
    """The middle row of the words at `spot`, reaching `CLEAR` past its white
    ground left and right, and their middle column reaching `PADDING` further
    up and down, each `STEP` thick, so a line crossing one has a point measured
    in it: a line through them goes through the words, or passes right beside
    them, level with their middle."""
    middle_x, middle_y = (spot[0] + spot[2]) / 2, (spot[1] + spot[3]) / 2
    return ((spot[0] - CLEAR, middle_y - STEP / 2, spot[2] + CLEAR, middle_y + STEP / 2),
            (middle_x - STEP / 2, spot[1] - PADDING, middle_x + STEP / 2, spot[3] + PADDING))


def _inside(point: tuple[float, float], found: Box) -> bool:
    return found[0] <= point[0] <= found[2] and found[1] <= point[1] <= found[3]


def _widened(found: Box, margin: float) -> Box:
    return found[0] - margin, found[1] - margin, found[2] + margin, found[3] + margin


def _cells(found: Box, side: float = CELL) -> list[tuple[int, int]]:
    rows = range(math.floor(found[1] / side), math.floor(found[3] / side) + 1)
    return [(column, row) for column in range(math.floor(found[0] / side),
                                              math.floor(found[2] / side) + 1) for row in rows]


def _overlap(one: Box, other: Box) -> float:
    across = min(one[2], other[2]) - max(one[0], other[0])
    down = min(one[3], other[3]) - max(one[1], other[1])
    return across * down if across > 0 and down > 0 else 0.0


def _boxes(element: dict[str, Any]) -> Iterator[Box]:
    """A visible node's box, and a frame's title."""
    if "pos" in element and element.get("style") != "invis" and float(element["width"]) > 0:
        x, y = map(float, element["pos"].split(","))
        half_width, half_height = float(element["width"]) * 36, float(element["height"]) * 36
        yield x - half_width, y - half_height, x + half_width, y + half_height
    if "lp" in element and "lwidth" in element:
        x, y = map(float, element["lp"].split(","))
        half_width, half_height = float(element["lwidth"]) * 36, float(element["lheight"]) * 36
        yield x - half_width, y - half_height, x + half_width, y + half_height


def _line_boxes(edge: dict[str, Any]) -> Iterator[Box]:
    """Small boxes along a line drawn in rank (a reporting line) and its
    arrowhead, weighed as words (`WORDS_WEIGHT`), so that words stand off it
    where they can: the sample's
    "3 of 9 seat-holders" hid the 30-point line from its programme board to
    its steering group."""
    for x, y in _points(edge):
        yield x - STEP / 2, y - STEP / 2, x + STEP / 2, y + STEP / 2
    for operation in edge.get("_hdraw_", []):
        if operation["op"] in ("p", "P"):
            xs, ys = zip(*(map(float, point) for point in operation["points"]), strict=True)
            yield min(xs), min(ys), max(xs), max(ys)


def _text_boxes(element: dict[str, Any]) -> Iterator[Box]:
    """The box of each line of a node's words, from the text `dot` drew."""
    size = NOTE_POINTS
    for operation in element.get("_ldraw_", []):
        if operation["op"] == "F":
            size = float(operation["size"])
        elif operation["op"] == "T":
            x, y = map(float, operation["pt"])
            width = float(operation["width"])
            left = {"l": x, "r": x - width}.get(operation["align"], x - width / 2)
            yield left, y - 0.25 * size, left + width, y + 0.9 * size


def _size(words: str) -> tuple[float, float]:
    lines = words.splitlines() or [""]
    return (max(len(line) for line in lines) * LETTER + 2 * PADDING,
            len(lines) * LINE_HEIGHT + 2 * PADDING)


def _points(edge: dict[str, Any]) -> list[tuple[float, float]]:
    """Points along the line as drawn, close enough together to measure it by."""
    points: list[tuple[float, float]] = []
    for operation in edge.get("_draw_", []):
        if operation["op"] not in ("b", "B"):
            continue
        controls = [tuple(map(float, point)) for point in operation["points"]]
        for start in range(0, len(controls) - 3, 3):
            piece = controls[start:start + 4]
            steps = max(1, math.ceil(sum(map(math.dist, piece, piece[1:])) / STEP))
            points += [_bezier(piece, step / steps) for step in range(steps + 1)]
    return points


def _bezier(piece: list[tuple[float, ...]], t: float) -> tuple[float, float]:
    weights = ((1 - t) ** 3, 3 * (1 - t) ** 2 * t, 3 * (1 - t) * t ** 2, t ** 3)
    return (sum(w * p[0] for w, p in zip(weights, piece, strict=True)),
            sum(w * p[1] for w, p in zip(weights, piece, strict=True)))


def _at(points: list[tuple[float, float]], share: float) -> tuple[float, float]:
    """The point `share` of the way along the line."""
    pairs = list(pairwise(points))
    lengths = [math.dist(one, other) for one, other in pairs]
    left = sum(lengths) * share
    for (one, other), length in zip(pairs, lengths, strict=True):
        if left <= length and length > 0:
            t = left / length
            return one[0] + (other[0] - one[0]) * t, one[1] + (other[1] - one[1]) * t
        left -= length
    return points[-1]


def _best_spot(along: list[tuple[float, float]], size: tuple[float, float],
               taken: tuple[Grid, Grid], beside: tuple[Callable[..., bool], ...]) -> Box:
    """A spot on the line (`_free_spot`, the line through the words), unless
    each such spot hides some words (a node's, or other words on lines) and
    one beside it (at most the words' height from it) hides fewer: hidden
    words are lost, words beside their line still read as its (a line 40
    points long between two close bodies leaves no room on it); else the
    first point `along` the line. (`beside` is `Lines.near`, then `Lines.beside`.)"""
    def hidden(spot: Box) -> float:
        return taken[1].covered(_cleared(spot))

    on = _free_spot(along, size, taken, [partial(test, through=True) for test in beside])
    found = [on] if on is not None and not hidden(on) else [
        on, _free_spot(along, size, taken, [partial(test, through=False) for test in beside])]
    return min((spot for spot in found if spot is not None), key=hidden,
               default=_on_line(along, size))


def _cleared(spot: Box) -> Box:
    """The spot with `CLEAR` points around it."""
    return spot[0] - CLEAR, spot[1] - CLEAR, spot[2] + CLEAR, spot[3] + CLEAR


def _free_spot(along: list[tuple[float, float]], size: tuple[float, float],
               taken: tuple[Grid, Grid], beside: list[Callable[[Box], bool]]) -> Box | None:
    """The first spot near the line, `beside` it rather than any other line
    drawn aside, whose box is free, else such a spot that covers least
    (words first: `taken` holds the boxes, then the words, of what is drawn),
    else None. Spots are tried on the line, at each point `along` it, then
    half a box off it, then a whole box, and so on, up to `AWAY` half boxes up
    or down and `ACROSS` left or right. `beside` is a quick test that the
    line is near the spot, then the whole test: the boxes a spot covers are
    measured only where its line is near (OpenTelemetry's bodies view tried
    150,000 spots, 168 beside their line)."""
    near, whole = beside
    width, height = size
    best: tuple[float, Box] | None = None
    for ring in range(AWAY + 1):
        shifts = [(across, down) for across in range(-min(ring, ACROSS), min(ring, ACROSS) + 1)
                  for down in range(-ring, ring + 1) if max(abs(across), abs(down)) == ring]
        for (x, y), (across, down) in product(along, shifts):
            x, y = x + across * (width / 2 + 1), y + down * (height / 2 + 1)
            spot = (x - width / 2, y - height / 2, x + width / 2, y + height / 2)
            if not near(spot):
                continue
            cleared = _cleared(spot)
            covered = taken[0].covered(cleared) + WORDS_WEIGHT * taken[1].covered(cleared)
            if (best is None or covered < best[0]) and whole(spot):
                if covered == 0:
                    return spot
                best = (covered, spot)
    return best[1] if best is not None else None


def _on_line(along: list[tuple[float, float]], size: tuple[float, float]) -> Box:
    """The words on the first point `along` the line, where no spot stands
    beside it: touching another line reads better than standing by the wrong one."""
    width, height = size
    x, y = along[0] if along else (width / 2, height / 2)
    return x - width / 2, y - height / 2, x + width / 2, y + height / 2


def _bounds(points: list[tuple[float, float]], margin: float) -> Box:
    """The box around `points`, `margin` points wider on every side."""
    xs, ys = [x for x, _ in points] or [0.0], [y for _, y in points] or [0.0]
    return min(xs) - margin, min(ys) - margin, max(xs) + margin, max(ys) + margin


def _distance(spot: Box, points: list[tuple[float, float]]) -> float:
    """Points from `spot` to the nearest of `points` (0 for one inside it)."""
    left, bottom, right, top = spot
    return min(math.hypot(left - x if x < left else x - right if x > right else 0.0,
                          bottom - y if y < bottom else y - top if y > top else 0.0)
               for x, y in points)


def _statement(view: View, laid: dict[str, Any], line: Edge, words: str, spot: Box) -> str:
    """The words' node: plain text on white, in the line's colour, at `spot`."""
    attrs = {**view.edge_styles[line.style].attrs, **line.attrs}
    colour = attrs.get("fontcolor", attrs.get("color", "black"))
    x, y = (spot[0] + spot[2]) / 2, (spot[1] + spot[3]) / 2
    return (f'"{laid["id"]}:words" [shape=box, style="filled", color=white, fillcolor=white, '
            f'margin="0.02,0.01", width={(spot[2] - spot[0]) / 72:.3f}, '
            f'height={(spot[3] - spot[1]) / 72:.3f}, fontname="{FONT}", '
            f'fontsize={NOTE_POINTS}, fontcolor="{colour}", pos="{x:.2f},{y:.2f}", '
            f'label={plain_label(words)}, id="{laid["id"]}:words", '
            f'class="{WORDS_CLASS} {line.style}"];')
