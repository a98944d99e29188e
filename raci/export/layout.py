"""Rows that wrap: crowded ranks of a drawing stacked into columns.

Graphviz's `dot` puts everything of one rank in one row: forty working
groups reporting to one board, the sub-units of a directorate, the people of
a unit who hold no role. Graphviz packs the disconnected parts of a drawing
itself (`pack`, set in `raci.export.dot`), and its `unflatten` staggers the
leaves of a whole graph, but nothing in it wraps a row inside a frame or a
row of frames. This module does, with the means `unflatten` uses: invisible
edges that put one block of a row after another.

A *block* is one node, or one frame with everything in it. In each frame
(and at the top), the blocks hanging from one and the same node (linked to
it and to nothing else outside the block), and in a frame the blocks linked
to nothing, form a *family*; a family of more than a row's worth is laid in
columns, each block after the one a row earlier.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from raci.export.graph import View

MOST_IN_A_ROW = 6
"""Blocks side by side before a family is wrapped (at least this many per row)."""
ACROSS_RANK_DIRECTIONS = frozenset({"LR", "RL"})
"""Where ranks are columns, blocks in one rank stand above each other: a row
(a column on the page) holds more of them before the drawing gets stretched."""
MOST_LINKS_PER_STEP = 64
"""Invisible edges between two blocks; past it only the first start is kept."""

Link = tuple[str, str]


@dataclass
class Block:
    nodes: list[str]
    starts: list[str]
    """Nodes no edge inside the block points to: the first in rank order."""
    ends: list[str]
    """Nodes with no edge to another node of the block: the last in rank order."""


def wrapping_links(view: View, ranked: Iterable[Link]) -> list[Link]:
    """Invisible (tail, head) edges that lay each crowded family in columns.

    `ranked` are the edges that take part in ranking. Frames are handled from
    the innermost out, so a frame already wrapped counts as one block of the
    frame around it. Nodes linked to nothing outside any frame are left to
    Graphviz's own packing.
    """
    links: list[Link] = []
    outgoing: dict[str, list[str]] = defaultdict(list)
    incoming: dict[str, list[str]] = defaultdict(list)
    for tail, head in ranked:
        if tail != head:
            outgoing[tail].append(head)
            incoming[head].append(tail)
    members, children = view.frames()
    inside: dict[str | None, list[str]] = {}
    for frame in [*_innermost_first(view, children), None]:
        inside[frame] = [*members[frame], *(n for c in children[frame] for n in inside[c])]
        blocks = [[n] for n in members[frame]] + [inside[c] for c in children[frame]]
        if len(blocks) <= MOST_IN_A_ROW:
            continue
        for family, before in _families(blocks, outgoing, incoming, frame is None):
            made = _stack(view, family, before, outgoing, incoming)
            for tail, head in made:
                outgoing[tail].append(head)
                incoming[head].append(tail)
            links += made
    return links


def _innermost_first(view: View, children: dict[str | None, list[str]]) -> list[str]:
    """Every frame after the frames inside it."""
    order: list[str] = []
    stack = list(children[None])
    while stack:
        frame = stack.pop()
        order.append(frame)
        stack.extend(children[frame])
    return order[::-1]


def _families(blocks: list[list[str]], outgoing: dict[str, list[str]],
              incoming: dict[str, list[str]],
              at_top: bool) -> list[tuple[list[list[str]], bool]]:
    """Blocks grouped by the one node they hang from (and whether they come
    before it in rank order), and those linked to nothing, unless `at_top`."""
    families: dict[tuple[str, bool] | None, list[list[str]]] = defaultdict(list)
    for block in blocks:
        own = set(block)
        above = {h for n in block for h in outgoing[n] if h not in own}
        below = {t for n in block for t in incoming[n] if t not in own}
        if not above and not below:
            if not at_top:
                families[None].append(block)
        elif len(above | below) == 1:
            families[((above or below).pop(), bool(above))].append(block)
    return [(family, key is not None and key[1]) for key, family in families.items()
            if len(family) > MOST_IN_A_ROW]


def _stack(view: View, family: list[list[str]], before: bool, outgoing: dict[str, list[str]],
           incoming: dict[str, list[str]]) -> list[Link]:
    """Links that put each block of the family one row further from where it hangs.

    A family hanging *before* its node (its edges point to it) grows away
    from it in rank order: each block comes before the one a row earlier.
    """
    per_row = blocks_per_row(len(family), view.direction)
    shaped = [_block(nodes, outgoing, incoming) for nodes in family]
    links: list[Link] = []
    for place in range(per_row, len(shaped)):
        earlier, later = shaped[place - per_row], shaped[place]
        first, then = (later, earlier) if before else (earlier, later)
        starts = then.starts if len(first.ends) * len(then.starts) <= MOST_LINKS_PER_STEP \
            else then.starts[:1]
        links += [(end, start) for end in first.ends for start in starts]
    return links


def blocks_per_row(count: int, direction: str) -> int:
    """How many blocks of a family of `count` stand side by side: enough that
    a large family does not become a thin strip the other way."""
    across = direction in ACROSS_RANK_DIRECTIONS
    return max(MOST_IN_A_ROW, math.ceil(math.sqrt((4 if across else 1.5) * count)))


def _block(nodes: list[str], outgoing: dict[str, list[str]],
           incoming: dict[str, list[str]]) -> Block:
    own = set(nodes)
    starts = [n for n in nodes if not any(t in own for t in incoming[n])]
    ends = [n for n in nodes if not any(h in own for h in outgoing[n])]
    return Block(nodes, starts or nodes[:1], ends or nodes[-1:])
