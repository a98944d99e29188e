"""A view drawn as a table: the raci view as a RACI chart once it is larger than a handful.

Ten items and seven actors joined by one line per letter make a hairball;
the same assignments as a chart (items as rows, actors as columns, the
letters at the crossings) read at a glance. The chart is one node with an
HTML-like label, so Graphviz draws it in every format with the view's
title and key, and findings colour the name of the item or actor they are
about, as they colour a node. A chart of few items and many actors is turned
(actors down, items across) where that suits the page better
(`raci.export.layout.chart_layout`). A long chart of few actors is drawn in
side-by-side blocks, each with the names over its columns, where that fits
the page at a larger size (also `chart_layout`): a part of a split chart filled
half of A3's width, seventeen rows high.
"""

from __future__ import annotations

import math
from collections import defaultdict

from raci.export.graph import Node, View
from raci.export.layout import BETWEEN_BLOCKS
from raci.export.legend import name_colour
from raci.export.look import LEVEL_COLOURS, NAME_WIDTH, NOTE_POINTS, html_lines, merged
from raci.i18n import _
from raci.model.entities import cell_text

COLUMN_WIDTH = 12
"""Characters on a line of an actor's name over its column."""
CELL = 'BORDER="1" COLOR="#aab7b8"'


def table_label(view: View, rows: list[str], turned: bool = False, blocks: int = 1) -> str:
    """The chart as an HTML-like label: `rows` (items) down and the other nodes
    (actors) across, or the other way round when `turned`; the rows in
    `blocks` side by side, in order (down the first, then the next)."""
    per_block = math.ceil(len(rows) / blocks)
    tables = [_table(view, rows[start:start + per_block], set(rows), turned)
              for start in range(0, len(rows), per_block)]
    if len(tables) == 1:
        return f"<{tables[0]}>"
    gap = f'<TD WIDTH="{BETWEEN_BLOCKS}"></TD>'
    cells = gap.join(f'<TD VALIGN="TOP">{table}</TD>' for table in tables)
    return f'<<TABLE BORDER="0" CELLSPACING="0" CELLPADDING="0"><TR>{cells}</TR></TABLE>>'


def _table(view: View, rows: list[str], row_set: set[str], turned: bool) -> str:
    """One block of the chart: `rows` and every actor of the chart's."""
    order = list(view.node_styles)
    actors = sorted((key for key in view.nodes if key not in row_set),
                    key=lambda key: order.index(view.nodes[key].styles[0]))
    letters: dict[tuple[str, str], list[str]] = defaultdict(list)
    for edge in view.edges:
        letters[(edge.head, edge.tail)].append(edge.head_label)
    colours = {key: style.attrs.get("color", "black") for key, style in view.edge_styles.items()}
    down, across = (actors, rows) if turned else (rows, actors)
    head = "".join(_name_cell(view, key, COLUMN_WIDTH, row_set) for key in across)
    corner = _("Actor") if turned else _("Item")
    lines = [f'<TR><TD {CELL} ALIGN="LEFT" VALIGN="BOTTOM"><B>{corner}</B></TD>{head}</TR>']
    for key in down:
        cells = "".join(_letters_cell(letters.get((other, key) if turned else (key, other), []),
                                      colours) for other in across)
        lines.append(f"<TR>{_name_cell(view, key, NAME_WIDTH, row_set, 'LEFT')}{cells}</TR>")
    return f'<TABLE BORDER="0" CELLSPACING="0" CELLPADDING="3">{"".join(lines)}</TABLE>'


def _name_cell(view: View, key: str, width: int, items: set[str], align: str = "CENTER") -> str:
    """An item's or actor's name (an item's kind under it), coloured as its node
    would be (external, findings)."""
    node: Node = view.nodes[key]
    attrs = merged([view.node_styles[style] for style in node.styles])
    mark = view.highlights.get(key)
    fill = f' BGCOLOR="{LEVEL_COLOURS[mark.level][0]}"' if mark else ""
    border = "3" if key == view.focus else "1"
    colour = name_colour(attrs) or "black"
    meaning = _(view.node_styles[node.styles[0]].legend)
    kind = (f'<BR/><FONT POINT-SIZE="{NOTE_POINTS}" COLOR="#566573">'
            f"{html_lines(meaning)}</FONT>" if key in items else "")
    return (f'<TD BORDER="{border}" COLOR="#aab7b8" ALIGN="{align}" BALIGN="{align}" '
            f'VALIGN="BOTTOM"{fill}><FONT POINT-SIZE="{NOTE_POINTS}" COLOR="{colour}">'
            f"{html_lines(node.title, width)}</FONT>{kind}</TD>")


def _letters_cell(letters: list[str], colours: dict[str, str]) -> str:
    text = cell_text(letters)
    if not text:
        return f"<TD {CELL}></TD>"
    colour = colours.get(text[0], "black")
    return f'<TD {CELL}><FONT COLOR="{colour}"><B>{text}</B></FONT></TD>'
