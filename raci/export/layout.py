"""Rows that wrap and parts that fill the page: what Graphviz's `dot` leaves to us.

`dot` puts everything of one rank in one row: forty working groups
reporting to one board, the sub-units of a directorate, the people of a
unit who hold no role. Its `unflatten` staggers the leaves of a whole graph,
but nothing in it wraps a row inside a frame or a row of frames; and its
packing of disconnected parts (`pack`) leaves much of a page empty when the
parts are frames of very different sizes. This module adds what is missing
with the means `unflatten` uses: invisible edges that put one block after
another in rank order, and edge lengths (`minlen`).

- `wrapping_links`: a *block* is one node, or one frame with everything in
  it. In each frame (and at the top), the blocks hanging from one and the
  same node (all their edges out point to it), and in a frame the blocks
  linked to nothing, form a *family*; a family too broad for the page is
  laid in rows, each block after the one a row earlier.
- `staggered_lengths`: the leaves of each node take turns over two or three
  ranks (`unflatten -l`), where a tree is too broad for the page.
- `arranging_links`: the drawing's disconnected *parts* (`top_parts`),
  measured in a first layout (`part_extents`), are laid on shelves (rows of
  parts, the deepest first) or in stacks (columns), whichever makes the
  whole closest to the page's shape.
- `guessed_to_fit` and `guessed_pages` guess from the text alone, before
  any layout, whether a view fits a page (or how many pages it fills);
  `chart_layout` decides how a RACI chart is laid on it (turned, in blocks).

`raci.export.render.fitted` makes the first layouts and gathers what they
decide in a `Fitting`, which `raci.export.dot.to_dot` draws.
"""

from __future__ import annotations

import heapq
import math
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import partial
from itertools import accumulate, pairwise
from typing import Any

from raci.export.graph import View
from raci.export.look import NAME_POINTS, NAME_WIDTH, NOTE_POINTS, NOTE_WIDTH, merged, wrapped
from raci.export.page import (
    DEFAULT_PAGE,
    PAGES,
    SMALLEST_DRAWN_POINTS,
    SMALLEST_READABLE_POINTS,
)

MOST_IN_A_ROW = 6
"""Blocks side by side before a family is wrapped, however narrow."""
ROW_SHARE = 0.6
"""The share of the page's width (or height, where ranks are columns) a row
of one family may take before it is wrapped."""
FEWEST_IN_A_ROW = 1
ACROSS_RANK_DIRECTIONS = frozenset({"LR", "RL"})
"""Where ranks are columns, a row of blocks stands upright on the page."""
LAST_FIRST_DIRECTIONS = frozenset({"BT", "RL"})
"""Where the first rank is drawn at the bottom (or right): the largest part
goes last in rank order, so that it still stands at the top (or left)."""
ROOM = PAGES[DEFAULT_PAGE].room
"""Points wide and high a drawing may be when no page is given: the default page's."""
GAPS = (14.4, 21.6)
"""Points between the nodes of a rank and between ranks (`raci.export.dot.SPACING`)."""
LETTER_WIDTHS = {NAME_POINTS: 0.62 * NAME_POINTS, NOTE_POINTS: 0.55 * NOTE_POINTS}
"""Points an average letter of a bold name and of a note takes (Helvetica)."""
SHAPE_GROWTH = {"ellipse": 1.42, "egg": 1.42, "hexagon": 1.3, "octagon": 1.25,
                "house": 1.2, "parallelogram": 1.4, "cds": 1.2}
"""How much larger than its text's box Graphviz makes a node of a rounded or slanted shape."""
MOST_LINKS_PER_STEP = 64
"""Invisible edges between two blocks; past it only the first start is kept."""
BETWEEN_SHELVES = "between shelves "
"""Names of the invisible points between two shelves (no entity id has a space)."""
ORDER_ALLOWANCE = 1.3
"""How much wider a page-shaped box the parts may need on shelves in their
given order (as the part's title names them: alphabetically where nothing
else orders them; rows, or columns where ranks are columns) than packed
deepest first: a box is found in a part read in order, at the cost of text
a little smaller or, in a split, a few more parts (OpenStack's goals: 12
parts, not 9, where the widest names had filled one column)."""
POINTS_PER_INCH = 72
FRAME_SIDES = (2 * 8 + GAPS[0], 2 * 8 + 1.2 * NAME_POINTS + GAPS[1])
"""Points a frame adds to the width and the height of what it holds: Graphviz's
margin of 8 on each side, a line of its name, and the gaps around it."""

Link = tuple[str, str]
Size = tuple[float, float]
"""Width and height in points."""
Extent = tuple[float, float]
"""A part's depth along the ranks and breadth across them, in points."""


@dataclass(frozen=True)
class Fitting:
    """How a view's drawing is fitted to its page, as first layouts of it measured
    (`raci.export.render.fitted`); the defaults guess from the text."""

    sizes: Mapping[str, Size] | None = None
    """Node and frame id -> its size at its own size (None: guessed)."""
    wrap: bool = True
    """Whether crowded rows are wrapped (`wrapping_links`)."""
    stagger: int = 1
    """Ranks the leaves of each node take turns over (`staggered_lengths`)."""
    links: tuple[Link, ...] = ()
    """How the disconnected parts are laid out (`arranging_links`; none: Graphviz packs them)."""
    width: float | None = None
    """Points the drawing is about wide, for the heading to be no wider."""
    ratio: float | None = None
    """Graphviz's `ratio` (height over width) the drawing is widened or heightened to."""


@dataclass
class Block:
    nodes: list[str]
    starts: list[str]
    """Nodes no edge inside the block points to: the first in rank order."""
    ends: list[str]
    """Nodes with no edge to another node of the block: the last in rank order."""


class Links:
    """Edges both ways, for finding a block's first and last nodes."""

    def __init__(self, pairs: Iterable[Link]) -> None:
        self.outgoing: dict[str, list[str]] = defaultdict(list)
        self.incoming: dict[str, list[str]] = defaultdict(list)
        self.add(pairs)

    def add(self, pairs: Iterable[Link]) -> None:
        for tail, head in pairs:
            if tail != head:
                self.outgoing[tail].append(head)
                self.incoming[head].append(tail)

    def block(self, nodes: list[str]) -> Block:
        own = set(nodes)
        starts = [n for n in nodes if not any(t in own for t in self.incoming[n])]
        ends = [n for n in nodes if not any(h in own for h in self.outgoing[n])]
        return Block(nodes, starts or nodes[:1], ends or nodes[-1:])


def between(first: Block, then: Block) -> list[Link]:
    """Links that put block `then` after block `first` in rank order."""
    starts = then.starts if len(first.ends) * len(then.starts) <= MOST_LINKS_PER_STEP \
        else then.starts[:1]
    return [(end, start) for end in first.ends for start in starts]


# ---- rows that wrap --------------------------------------------------------------


@dataclass
class Wrapping:
    """The invisible edges that lay crowded families in rows (`wrapping_links`)."""

    after: list[Link]
    """Each block after the one a row earlier, in rank order."""
    beside: list[Link]
    """In a family linked to no node, each box after the box before it in its
    row, on the same rank (`dot` draws such an edge's tail left of its head):
    the row reads in the family's given order, which Graphviz's crossing
    minimisation otherwise shuffles. A family hanging from a node is kept in
    the order of its edges without them, and not with them: `dot` swapped
    boxes in its second column on (one goal's twelve initiatives read i05,
    i07, i06)."""


def wrapping_links(view: View, ranked: Iterable[Link], room: tuple[float, float] = ROOM,
                   sizes: Mapping[str, Size] | None = None) -> Wrapping:
    """Invisible (tail, head) edges that lay each crowded family in rows, in
    its given order (`Wrapping`).

    `ranked` are the edges that take part in ranking. Frames are handled from
    the innermost out, so a frame already wrapped counts as one block of the
    frame around it. A family is crowded with more than `MOST_IN_A_ROW`
    blocks, or a row broader than `ROW_SHARE` of the `room` on the page
    (points wide and high); its rows are as long as makes it about the
    page's shape, and no longer than that share. A block's size is taken
    from `sizes` (node or frame id -> points, as a first layout measured
    them, `measured_sizes`) where given, else guessed from its text. That
    layout drew each family in one row: a frame with rows wrapped inside it
    is taken as narrower and deeper by as much (`_row_change`); four units of
    eight roles each, measured 1,435 points wide, stood one under the other
    in a column a quarter of the page wide.
    """
    wrapping = Wrapping([], [])
    known = Links(ranked)
    members, children = view.frames()
    inside: dict[str | None, list[str]] = {}
    changed: dict[str | None, Size] = {}
    across = view.direction in ACROSS_RANK_DIRECTIONS
    last_first = view.direction in LAST_FIRST_DIRECTIONS
    for frame in [*_innermost_first(children), None]:
        inside[frame] = [*members[frame], *(n for c in children[frame] for n in inside[c])]
        blocks = [[n] for n in members[frame]] + [inside[c] for c in children[frame]]
        inner = [changed[c] for c in children[frame] if c in changed]
        change = (sum(b for b, _ in inner), max((d for _, d in inner), default=0.0))
        extent = dict(zip(map(id, blocks), [
            *(_size(view, sizes, n, [n]) for n in members[frame]),
            *(_changed(_size(view, sizes, c, inside[c]), changed.get(c), across)
              if sizes is not None and c in sizes else _size(view, sizes, c, inside[c])
              for c in children[frame])], strict=True))
        for family, before, loose in (_families(blocks, known, frame is None, last_first)
                                      if len(blocks) > 1 else []):
            extents = [extent[id(b)] for b in family]
            per_row = blocks_per_row(extents, view.direction, room)
            made = _rows(family, before, known, per_row)
            known.add(made)
            wrapping.after += made
            if made and loose:
                wrapping.beside += _beside(family, per_row)
            if made:
                breadth, depth = _row_change(extents, per_row, across)
                change = (change[0] + breadth, change[1] + depth)
        if change != (0.0, 0.0):
            changed[frame] = change
    return wrapping


def _row_change(extents: list[Size], per_row: int, across: bool) -> Size:
    """How much narrower and deeper (across and along the ranks, in points) a
    family of blocks of these widths and heights is in rows of `per_row` than
    in one row."""
    gap_w, gap_h = (GAPS[1], GAPS[0]) if across else GAPS
    breadths = [(h + gap_h) if across else (w + gap_w) for w, h in extents]
    depths = [(w + gap_w) if across else (h + gap_h) for w, h in extents]
    count = len(extents)
    rows = math.ceil(count / per_row)
    return (-(count - per_row) * sum(breadths) / count, (rows - 1) * sum(depths) / count)


def _changed(size: Size, change: Size | None, across: bool) -> Size:
    """A frame's size as measured in one row, changed by its rows (`_row_change`)."""
    if change is None:
        return size
    width, height = size
    breadth, depth = (height, width) if across else (width, height)
    breadth, depth = max(breadth + change[0], breadth / 4), depth + change[1]
    return (depth, breadth) if across else (breadth, depth)


def _innermost_first(children: Mapping[str | None, list[str]]) -> list[str]:
    """Every frame after the frames inside it."""
    order: list[str] = []
    stack = list(children[None])
    while stack:
        frame = stack.pop()
        order.append(frame)
        stack.extend(children[frame])
    return order[::-1]


def _families(blocks: list[list[str]], known: Links, at_top: bool,
              last_first: bool) -> list[tuple[list[list[str]], bool, bool]]:
    """Blocks grouped by the one node they hang from (the one node all their
    edges out point to, or all those of the block's last nodes in rank order:
    a unit's frame hangs from the role its head reports to, wherever else a
    holder in it holds a role; else the one node all their edges in come
    from; and whether they come before it in rank order), and those linked
    to nothing, unless `at_top` (there they are parts, `arranging_links`);
    and whether the family is linked to nothing.
    Where the first rank is drawn last (`last_first`: at the bottom), those
    linked to nothing count as coming before, so that their first row stands
    at the top, where a page is read from (it stood at the bottom)."""
    families: dict[tuple[str, bool] | None, list[list[str]]] = defaultdict(list)
    for block in blocks:
        own = set(block)
        above = {h for n in block for h in known.outgoing[n] if h not in own}
        last = {h for n in known.block(block).ends for h in known.outgoing[n] if h not in own}
        above = last if len(above) > 1 and len(last) == 1 else above
        below = {t for n in block for t in known.incoming[n] if t not in own}
        if not above and not below:
            if not at_top:
                families[None].append(block)
        elif len(above) == 1:  # what else links to the block does not move it
            families[(above.pop(), True)].append(block)
        elif not above and len(below) == 1:
            families[(below.pop(), False)].append(block)
    return [(family, last_first if key is None else key[1], key is None)
            for key, family in families.items() if len(family) > 1]


def _rows(family: list[list[str]], before: bool, known: Links,
          per_row: int) -> list[Link]:
    """Links that put each block of a family one row further from where it
    hangs.

    A family hanging *before* its node (its edges point to it) grows away
    from it in rank order: each block comes before the one a row earlier.
    """
    shaped = [known.block(nodes) for nodes in family]
    after: list[Link] = []
    for place in range(per_row, len(shaped)):
        earlier, later = shaped[place - per_row], shaped[place]
        after += between(later, earlier) if before else between(earlier, later)
    return after


def _beside(family: list[list[str]], per_row: int) -> list[Link]:
    """Links that put a box beside the box before it in its row of a family
    (`Wrapping.beside`); Graphviz keeps no such order between frames."""
    return [(family[place - 1][0], family[place][0]) for place in range(len(family))
            if place % per_row and len(family[place - 1]) == len(family[place]) == 1]


def blocks_per_row(extents: list[Size], direction: str,
                   room: tuple[float, float]) -> int:
    """How many blocks of a family (their widths and heights) stand side by side:
    all of them when they are few and their row no broader than `ROW_SHARE` of
    the room across the ranks; else as many as make the family about the
    page's shape, in a row no broader than the room."""
    across = direction in ACROSS_RANK_DIRECTIONS
    gap_w, gap_h = (GAPS[1], GAPS[0]) if across else GAPS
    widths = [w + gap_w for w, _ in extents]
    heights = [h + gap_h for _, h in extents]
    breadths, limit = (heights, room[1]) if across else (widths, room[0])
    count = len(extents)
    if count <= MOST_IN_A_ROW and sum(breadths) <= ROW_SHARE * limit:
        return count
    width, height = sum(widths) / count, sum(heights) / count
    shape = room[0] / room[1]
    squared = count * width / (shape * height) if across else shape * count * height / width
    fitting = int(limit / (sum(breadths) / count))
    return max(FEWEST_IN_A_ROW, min(math.ceil(math.sqrt(squared)), fitting))


def _size(view: View, sizes: Mapping[str, Size] | None, key: str, nodes: list[str]) -> Size:
    """A block's width and height in points: measured, else guessed (`guessed_size`)."""
    if sizes is not None and key in sizes:
        return sizes[key]
    return guessed_size(view, nodes)


def guessed_size(view: View, nodes: list[str]) -> Size:
    """About the width and height of a block in points: one node's own, or for a
    frame the sides of a square holding its nodes."""
    if len(nodes) == 1:
        return node_extent(view, nodes[0])
    area = guessed_area(view, nodes)
    return math.sqrt(area), math.sqrt(area)


def guessed_area(view: View, nodes: Iterable[str]) -> float:
    """About the square points the nodes take, each with the gaps around it."""
    return sum((w + GAPS[0]) * (h + GAPS[1]) for w, h in map(partial(node_extent, view), nodes))


def guessed_framed_area(view: View, nodes: Iterable[str]) -> float:
    """About the square points the nodes take with the frames around them,
    each frame a square around what it holds, `FRAME_SIDES` larger: a guess
    that adds up over the parts of a view, from which `raci.export.split`
    guesses how many fill a page (forty frames of one person each take
    about twice the room of their people)."""
    held: dict[str, float] = defaultdict(float)
    total = 0.0
    for node in nodes:
        area = guessed_area(view, [node])
        total += area
        frame = view.nodes[node].cluster
        while frame is not None and frame in view.clusters:
            held[frame] += area
            frame = view.clusters[frame].parent
    return total + sum(math.sqrt(area) * sum(FRAME_SIDES) + math.prod(FRAME_SIDES)
                       for area in held.values())


def drawn_size(laid_out: dict[str, Any]) -> Size:
    """The whole drawing's width and height in points, from `dot -Tjson`."""
    left, bottom, right, top = map(float, laid_out["bb"].split(","))
    return right - left, top - bottom


def content_width(laid_out: dict[str, Any]) -> float:
    """How wide the nodes and frames of a drawing are, its heading left out."""
    lefts, rights = [], []
    for element in laid_out.get("objects", []):
        if "bb" in element and "nodes" in element:
            left, _, right, _ = map(float, element["bb"].split(","))
        elif "pos" in element:
            x = float(element["pos"].split(",")[0])
            half = float(element["width"]) * POINTS_PER_INCH / 2
            left, right = x - half, x + half
        else:
            continue
        lefts.append(left)
        rights.append(right)
    return max(rights) - min(lefts) if lefts else 0.0


def measured_sizes(view: View, laid_out: dict[str, Any]) -> dict[str, Size]:
    """Node and frame id -> its width and height in points, from `dot -Tjson`."""
    sizes: dict[str, Size] = {}
    prefix = f"{view.name}:"
    for element in laid_out.get("objects", []):
        key = str(element.get("id", ""))
        if not key.startswith(prefix):
            continue
        if "bb" in element:
            left, bottom, right, top = map(float, element["bb"].split(","))
            sizes[key.removeprefix(prefix)] = (right - left, top - bottom)
        elif "width" in element:
            sizes[key.removeprefix(prefix)] = (float(element["width"]) * POINTS_PER_INCH,
                                               float(element["height"]) * POINTS_PER_INCH)
    return sizes


def node_extent(view: View, node_id: str) -> tuple[float, float]:
    """About the width and height in points Graphviz gives a node, from its text and shape."""
    node = view.nodes[node_id]
    names = wrapped(node.title, NAME_WIDTH)
    notes = [part for line in node.lines for part in wrapped(line, NOTE_WIDTH)]
    width = max([len(line) * LETTER_WIDTHS[NAME_POINTS] for line in names]
                + [len(line) * LETTER_WIDTHS[NOTE_POINTS] for line in notes]) + 9
    height = len(names) * 1.2 * NAME_POINTS + len(notes) * 1.2 * NOTE_POINTS + 5
    shape = merged([view.node_styles[key] for key in node.styles]).get("shape", "box")
    growth = SHAPE_GROWTH.get(shape, 1.0)
    return width * growth, height * growth


FILL = 0.35
"""The share of a page a laid-out drawing covers with its nodes (measured on the
samples: 0.3 to 0.45), for guessing whether a drawing fits before laying it out."""
TABLE_SIZES = {"name": 160.0, "column": 74.0, "row": 30.0, "head": 110.0}
"""Points a chart's column of names, each other column, each row and the heading
(title, key and the names over the columns) take, about."""
BETWEEN_BLOCKS = 18
"""Points between two blocks of a chart drawn side by side."""
CHART_OWN_SIZE = SMALLEST_DRAWN_POINTS / SMALLEST_READABLE_POINTS
"""The scale of a chart drawn at its own size, against a page's room (which
holds it where its smallest text prints at the least that reads)."""
TURN_GAIN = 0.8
"""How much smaller the page a turned chart needs must be before it is turned:
items down is how a RACI chart reads."""


def table_size(rows: int, columns: int) -> Size:
    """About the width and height in points of a chart of `rows` by `columns`."""
    return (TABLE_SIZES["name"] + columns * TABLE_SIZES["column"],
            TABLE_SIZES["head"] + rows * TABLE_SIZES["row"])


def turn_table(items: int, actors: int, room: Size = ROOM) -> bool:
    """Whether a chart of `items` by `actors` is drawn turned (actors down)."""
    shape = room[0] / room[1]
    upright, turned = table_size(items, actors), table_size(actors, items)
    return max(turned[0], turned[1] * shape) < TURN_GAIN * max(upright[0], upright[1] * shape)


@dataclass(frozen=True)
class ChartLayout:
    """How a RACI chart is laid on its page (`chart_layout`)."""

    turned: bool
    """Actors down, items across."""
    blocks: int
    """Blocks side by side the items run down, each under the actors' names."""
    size: Size
    """About the chart's width and height in points, so laid."""


def chart_layout(items: int, actors: int, room: Size = ROOM) -> ChartLayout:
    """How a chart of `items` by `actors` is laid in `room` (points wide and
    high): the one place that decides it, for the drawing
    (`raci.export.dot`) and for the guess of the pages it fills
    (`guessed_pages`), which took a long chart in blocks as one and so
    guessed two pages of A3 for a chart that read on one."""
    if turn_table(items, actors, room):
        return ChartLayout(True, 1, table_size(actors, items))
    blocks = _side_by_side(items, actors, room)
    width, height = table_size(math.ceil(items / blocks), actors)
    return ChartLayout(False, blocks, (blocks * width + (blocks - 1) * BETWEEN_BLOCKS, height))


def _side_by_side(items: int, actors: int, room: Size) -> int:
    """In how many blocks side by side a chart of `items` down and `actors`
    across is drawn: the most that still draw it larger in `room` than one
    block fewer, as a page fits it whole; one where it fits at its own size."""
    def scale(blocks: int) -> float:
        width, height = table_size(math.ceil(items / blocks), actors)
        return min(CHART_OWN_SIZE, room[0] / (blocks * width + (blocks - 1) * BETWEEN_BLOCKS),
                   room[1] / height)

    blocks = 1
    while blocks < items and scale(blocks + 1) > scale(blocks):
        blocks += 1
    return blocks


def guessed_to_fit(view: View, room: Size = ROOM) -> bool:
    """Whether the view, laid out, would likely fit in `room` (points wide and high)."""
    return guessed_pages(view, room) <= 1


def guessed_pages(view: View, room: Size = ROOM) -> float:
    """About how many times `room` (points wide and high) the view, laid out,
    would fill: a chart by its columns and rows, a drawing by its nodes' area."""
    rows = view.table_rows()
    if rows is not None:
        width, height = chart_layout(len(rows), len(view.nodes) - len(rows), room).size
        return math.ceil(width / room[0]) * math.ceil(height / room[1])
    return guessed_area(view, view.nodes) / (FILL * room[0] * room[1])


# ---- leaves that take turns -----------------------------------------------------------


MOST_STAGGER = 3
"""Ranks at most that the leaves of one node are spread over."""
STAGGER_FROM = 1.3
"""How much broader than deep (each against the page) a drawing is before its
leaves are spread."""


def stagger_for(view: View, natural: Size, room: Size) -> int:
    """Over how many ranks to spread leaves (1: not at all), from the drawing's size
    at its own size: as many as bring it closer to the page's shape, where it is
    too broad across its ranks to fit the `room`."""
    across = view.direction in ACROSS_RANK_DIRECTIONS
    width, height = natural
    broad, deep = (height / room[1], width / room[0]) if across else (width / room[0],
                                                                       height / room[1])
    if broad <= 1.0 or broad <= STAGGER_FROM * deep:
        return 1
    return min(MOST_STAGGER, math.ceil(math.sqrt(broad / max(deep, 0.1))))


def staggered_lengths(ranked: list[Link], ranks: int) -> dict[int, int]:
    """Index in `ranked` -> the edge's `minlen`, for the edges of leaves, so that
    the leaves of each node take turns over `ranks` ranks, as Graphviz's
    `unflatten -l` does (a leaf: a node with one edge; the first leaf of each
    node keeps its length)."""
    if ranks < 2:
        return {}
    degree: dict[str, int] = defaultdict(int)
    for tail, head in ranked:
        degree[tail] += 1
        degree[head] += 1
    turns: dict[str, int] = defaultdict(int)
    lengths: dict[int, int] = {}
    for index, (tail, head) in enumerate(ranked):
        leaf, parent = (tail, head) if degree[tail] == 1 else (head, tail)
        if degree[leaf] == 1 and degree[parent] > 1:
            if turns[parent] % ranks:
                lengths[index] = 1 + turns[parent] % ranks
            turns[parent] += 1
    return lengths


# ---- parts that fill the page ------------------------------------------------------


def top_parts(view: View, ranked: Iterable[Link]) -> list[list[str]]:
    """The drawing's disconnected parts: its top-level nodes and frames (with
    all they hold), those joined by an edge taken together."""
    members, children = view.frames()
    inside: dict[str | None, list[str]] = {}
    for frame in _innermost_first(children):
        inside[frame] = [*members[frame], *(n for c in children[frame] for n in inside[c])]
    blocks = [[n] for n in members[None]] + [inside[c] for c in children[None]]
    block_of = {node: index for index, block in enumerate(blocks) for node in block}
    leader = list(range(len(blocks)))

    def find(index: int) -> int:
        while leader[index] != index:
            leader[index] = leader[leader[index]]
            index = leader[index]
        return index

    for tail, head in ranked:
        if tail in block_of and head in block_of:
            leader[find(block_of[head])] = find(block_of[tail])
    parts: dict[int, list[str]] = defaultdict(list)
    for index, block in enumerate(blocks):
        parts[find(index)].extend(block)
    return [part for part in parts.values() if part]  # an empty frame is not drawn


def part_extents(view: View, parts: list[list[str]], laid_out: dict[str, Any],
                 names: Mapping[str, str]) -> list[Extent]:
    """Each part's depth and breadth as `dot -Tjson` laid it out (`names`: entity
    id -> Graphviz node name): the box around its nodes and the frames it holds."""
    boxes: dict[str, tuple[float, float, float, float]] = {}
    frames: list[tuple[set[int], tuple[float, float, float, float]]] = []
    number_of: dict[int, str] = {}
    for element in laid_out.get("objects", []):
        if "bb" in element and "nodes" in element:
            left, bottom, right, top = map(float, element["bb"].split(","))
            frames.append((set(element["nodes"]), (left, bottom, right, top)))
        elif "pos" in element:
            x, y = map(float, element["pos"].split(","))
            half_w = float(element["width"]) * POINTS_PER_INCH / 2
            half_h = float(element["height"]) * POINTS_PER_INCH / 2
            boxes[element["name"]] = (x - half_w, y - half_h, x + half_w, y + half_h)
            number_of[element["_gvid"]] = element["name"]
    across = view.direction in ACROSS_RANK_DIRECTIONS
    extents = []
    for part in parts:
        own = {names[node] for node in part}
        corners = [boxes[name] for name in own if name in boxes]
        corners += [box for gvids, box in frames
                    if gvids and {number_of.get(g) for g in gvids} <= own]
        width = max(c[2] for c in corners) - min(c[0] for c in corners)
        height = max(c[3] for c in corners) - min(c[1] for c in corners)
        extents.append((width, height) if across else (height, width))
    return extents


def arranging_links(view: View, parts: list[list[str]], extents: list[Extent],
                    ranked: Iterable[Link], room: tuple[float, float] = ROOM) -> list[Link]:
    """Links that lay the parts on shelves or in stacks, whichever needs the
    smaller page of the `room`'s shape, yet on shelves in their given order
    where that needs a page not much larger (`ORDER_ALLOWANCE`); each
    shelf's parts come after the shelf before it through an invisible point
    (`BETWEEN_SHELVES`) that keeps them in order."""
    page_shape = room[0] / room[1]
    across = view.direction in ACROSS_RANK_DIRECTIONS
    gap_across, gap_along = GAPS
    deepest_first = sorted(range(len(parts)), key=lambda index: -extents[index][0])

    def page_side(groups: list[list[int]], shelves: bool) -> float:
        """The width of the page-shaped box the groups need: smaller is better."""
        depths = [max(extents[i][0] for i in g) if shelves
                  else sum(extents[i][0] + gap_along for i in g) for g in groups]
        breadths = [sum(extents[i][1] + gap_across for i in g) if shelves
                    else max(extents[i][1] for i in g) + gap_across for g in groups]
        deep = sum(depths) + gap_along * len(groups) if shelves else max(depths)
        broad = max(breadths) if shelves else sum(breadths)
        width, height = (deep, broad) if across else (broad, deep)
        return max(width, height * page_shape)

    packed = [(_shelves(deepest_first, extents, limit, gap_across), True)
              for limit in _shelf_widths(extents, gap_across)]
    packed += [(_stacks(deepest_first, extents, count, gap_along), False)
               for count in range(1, len(parts) + 1)]
    breadths = [breadth + gap_across for _, breadth in extents]
    widest = max(breadths)
    in_order = [(_shelves_in_order(breadths, limit), True)
                for limit in accumulate(breadths) if limit >= widest]
    best = min(packed, key=lambda option: page_side(*option))
    ordered = min(in_order, key=lambda option: page_side(*option))
    groups, shelves = ordered if page_side(*ordered) <= ORDER_ALLOWANCE * page_side(*best) \
        else best
    if view.direction in LAST_FIRST_DIRECTIONS:
        groups = groups[::-1] if shelves else [group[::-1] for group in groups]
    known = Links(ranked)
    links: list[Link] = []
    if shelves:
        for number, (upper, lower) in enumerate(pairwise(groups), 1):
            point = f"{BETWEEN_SHELVES}{number}"
            links += [(end, point) for i in upper for end in known.block(parts[i]).ends]
            links += [(point, start) for i in lower for start in known.block(parts[i]).starts]
        return links
    for stack in groups:
        for above, below in pairwise(stack):
            links += between(known.block(parts[above]), known.block(parts[below]))
    return links


def _shelf_widths(extents: list[Extent], gap: float) -> list[float]:
    """The shelf widths worth trying: from the broadest part to all side by side."""
    broadest = max(breadth for _, breadth in extents)
    total = sum(breadth + gap for _, breadth in extents)
    steps = 24
    return [broadest + gap + (total - broadest) * step / steps for step in range(steps + 1)]


def _shelves_in_order(breadths: list[float], limit: float) -> list[list[int]]:
    """The parts in their given order on shelves, one filled before the next
    is begun, none broader than `limit` (gaps included): the first shelf's
    breadth, tried for each count of parts on it, so that the page's shape,
    not a step of 1/24, sets where a shelf ends."""
    shelves: list[list[int]] = [[]]
    used = 0.0
    for index, breadth in enumerate(breadths):
        if shelves[-1] and used + breadth > limit:
            shelves.append([])
            used = 0.0
        shelves[-1].append(index)
        used += breadth
    return shelves


def _shelves(order: list[int], extents: list[Extent], limit: float,
             gap: float) -> list[list[int]]:
    """The parts, deepest first, on shelves no broader than `limit` (each taking
    the first shelf it fits on)."""
    shelves: list[list[int]] = []
    used: list[float] = []
    for index in order:
        breadth = extents[index][1] + gap
        fitting = next((n for n, width in enumerate(used) if width + breadth <= limit), None)
        if fitting is None:
            shelves.append([index])
            used.append(breadth)
        else:
            shelves[fitting].append(index)
            used[fitting] += breadth
    return shelves


def _stacks(order: list[int], extents: list[Extent], count: int,
            gap: float) -> list[list[int]]:
    """The parts, deepest first, dealt to `count` stacks, each to the shallowest
    (the first of equals), kept on a heap: `arranging_links` tries every
    count, which, the shallowest looked for in a list, grew with the cube of
    the parts (half a second of CPU for 234 parts of OpenStack's goals)."""
    stacks: list[list[int]] = [[] for _ in range(count)]
    shallowest = [(0.0, number) for number in range(count)]  # already a heap
    for index in order:
        depth, number = shallowest[0]
        stacks[number].append(index)
        heapq.heapreplace(shallowest, (depth + (extents[index][0] + gap), number))
    return [stack for stack in stacks if stack]
