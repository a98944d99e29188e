"""A view drawn as a table: the raci view as a RACI chart once it is larger than a handful.

Ten items and seven actors joined by one line per letter make a hairball;
the same assignments as a chart (items as rows, actors as columns, the
letters at the crossings) read at a glance. The chart is one node with an
HTML-like label, so Graphviz draws it in every format with the view's
title and key, and findings colour the name of the item or actor they are
about, as they colour a node.
"""

from __future__ import annotations

from collections import defaultdict

from raci.export.graph import Node, View
from raci.export.look import LEVEL_COLOURS, NAME_WIDTH, NOTE_POINTS, html_lines, merged
from raci.model.entities import cell_text

COLUMN_WIDTH = 12
"""Characters on a line of an actor's name over its column."""
CELL = 'BORDER="1" COLOR="#aab7b8"'


def table_label(view: View, rows: list[str]) -> str:
    """The chart as an HTML-like label: `rows` (items) down, the other nodes across."""
    row_set = set(rows)
    order = list(view.node_styles)
    columns = sorted((key for key in view.nodes if key not in row_set),
                     key=lambda key: order.index(view.nodes[key].styles[0]))
    letters: dict[tuple[str, str], list[str]] = defaultdict(list)
    for edge in view.edges:
        letters[(edge.head, edge.tail)].append(edge.head_label)
    colours = {key: style.attrs.get("color", "black") for key, style in view.edge_styles.items()}
    head = "".join(_name_cell(view, key, COLUMN_WIDTH) for key in columns)
    lines = [f'<TR><TD {CELL} ALIGN="LEFT"><B>Item</B></TD><TD {CELL}><B>Kind</B></TD>{head}</TR>']
    for row in rows:
        kind = view.node_styles[view.nodes[row].styles[0]].legend
        cells = "".join(_letters_cell(letters.get((row, key), []), colours) for key in columns)
        lines.append(f'<TR>{_name_cell(view, row, NAME_WIDTH, "LEFT")}'
                     f'<TD {CELL}><FONT POINT-SIZE="{NOTE_POINTS}">{html_lines(kind)}</FONT></TD>'
                     f"{cells}</TR>")
    return f'<<TABLE BORDER="0" CELLSPACING="0" CELLPADDING="3">{"".join(lines)}</TABLE>>'


def _name_cell(view: View, key: str, width: int, align: str = "CENTER") -> str:
    """An item's or actor's name, coloured as its node would be (external, findings)."""
    node: Node = view.nodes[key]
    attrs = merged([view.node_styles[style] for style in node.styles])
    mark = view.highlights.get(key)
    fill = f' BGCOLOR="{LEVEL_COLOURS[mark.level][0]}"' if mark else ""
    border = "3" if key == view.focus else "1"
    colour = attrs.get("fontcolor", attrs.get("color", "black"))
    return (f'<TD BORDER="{border}" COLOR="#aab7b8" ALIGN="{align}" BALIGN="{align}" '
            f'VALIGN="BOTTOM"{fill}>'
            f'<FONT POINT-SIZE="{NOTE_POINTS}" COLOR="{colour}">'
            f"{html_lines(node.title, width)}</FONT></TD>")


def _letters_cell(letters: list[str], colours: dict[str, str]) -> str:
    text = cell_text(letters)
    if not text:
        return f"<TD {CELL}></TD>"
    colour = colours.get(text[0], "black")
    return f'<TD {CELL}><FONT COLOR="{colour}"><B>{text}</B></FONT></TD>'
