"""The drawing's heading: its title and a compact key of what the drawing holds.

The heading is a small graph of its own (`heading_graph`): a frameless
cluster with the title (and subtitle) as its label and, for each kind of
node, frame, line and finding colour the drawing holds (and no other), a
sample drawn with the very attributes the drawing gives it (a steering
group's sample is a hexagon, a temporary body's is dashed in orange) beside
its meaning, in rows no wider than the drawing. `raci.export.render` lays
it out apart from the drawing and packs it in the top left corner
(Graphviz's `gvpack`), so that it takes no room among the nodes.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from itertools import pairwise

import graphviz

from raci.export.graph import Highlight, Style, View
from raci.export.look import (
    FONT,
    LEVEL_COLOURS,
    NAME_POINTS,
    NAME_WIDTH,
    NOTE_POINTS,
    TITLE_POINTS,
    drawn_attrs,
    focused,
    html_lines,
    html_text,
    marked,
)
from raci.i18n import N_, _
from raci.vocabulary import Words

KEY_WIDTH = 900.0
"""Points a row of the key takes at most when the drawing's width is not known."""
TITLE_WIDTH = 56
"""Characters on a line of the title before it wraps."""
TITLE_LETTER = 9.9
"""Points an average letter of the title takes."""
TEXT_LETTER = 6.0
"""Points a key's words take per letter, for breaking its rows."""
ENTRY_POINTS = 40
"""Points a key entry takes besides its words: its sample's outline and the spaces."""
SAMPLE_HEIGHT = "0.2"
"""Inches a sample is high at least: a line of the key's words and a little."""
SAMPLE_MARGIN = "0.05,0.01"
"""Inches between a sample's words and its outline (a shape's own margin wins)."""
KEY_CLUSTER = "cluster_key"
"""The heading's frameless cluster: its label is the title, its nodes the key."""
KEY_CLASS = "legend"
"""The SVG class of every sample of the key, besides its style's key."""
LINE_SAMPLE = {"shape": "box", "width": "0.2", "height": "0.2", "style": "invis", "label": ""}
"""The ends of a line's sample: the line runs between their centres."""
PLAIN_SHAPE = Style("", {"shape": "box"})
"""What a look that sets no shape (temporary, external) is shown on."""
LEVEL_FINDINGS = Words({"error": N_("has error findings"), "warning": N_("has warning findings"),
                        "info": N_("has info findings")})
"""What a finding colour means in the key."""


@dataclass
class Entry:
    """One sample of the key and its meaning: nodes drawn left to right, and lines."""

    meaning: str
    nodes: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    lines: list[tuple[str, str, dict[str, str]]] = field(default_factory=list)


def heading_graph(view: View, legend: bool = True, width: float | None = None,
                  direction: str = "TB") -> graphviz.Digraph:
    """The heading as a graph of its own: a frameless cluster holding the title
    (and subtitle) and under it the key unless `legend` is off, each in rows
    aligned left and no wider than `width` points where it can help it (a
    small drawing is not made a wide strip by its heading). In a graph whose
    ranks run in `direction` (the drawing's, where the heading is part of it),
    the rows still read left to right, one under the other."""
    graph = graphviz.Digraph(name=f"{view.name}-heading")
    graph.attr("graph", nodesep="0.12", ranksep="0.06", fontname=FONT)
    graph.attr("node", fontname=FONT, fontsize=str(NOTE_POINTS), margin=SAMPLE_MARGIN,
               height=SAMPLE_HEIGHT)
    graph.attr("edge", fontname=FONT, fontsize=str(NOTE_POINTS))
    with graph.subgraph(name=KEY_CLUSTER) as key:
        key.attr("graph", color="white", margin="4", id=f"{view.name}:key")
        title = Entry(view.title, [("title", {"shape": "plaintext", "margin": "0",
                                              "label": title_label(view, width),
                                              "id": "key:title", "class": KEY_CLASS})])
        above = None
        for row in [[title], *_rows(legend_entries(view) if legend else [], width)]:
            above = _draw_row(key, row, above, view.name, direction)
    return graph


def title_label(view: View, width: float | None) -> str:
    """The title in bold, the subtitle under it, both left-aligned."""
    title_width = TITLE_WIDTH if width is None else max(
        NAME_WIDTH, min(TITLE_WIDTH, int(width / TITLE_LETTER)))
    rows = [f'<TR><TD ALIGN="LEFT" BALIGN="LEFT"><FONT POINT-SIZE="{TITLE_POINTS}"><B>'
            f"{html_lines(view.title, title_width)}</B></FONT></TD></TR>"]
    if view.subtitle:
        rows.append(f'<TR><TD ALIGN="LEFT" BALIGN="LEFT"><FONT POINT-SIZE="{NAME_POINTS}">'
                    f"{html_lines(view.subtitle, title_width + 12)}</FONT></TD></TR>")
    return f'<<TABLE BORDER="0" CELLSPACING="0" CELLPADDING="2">{"".join(rows)}</TABLE>>'


def legend_entries(view: View) -> list[Entry]:
    """A sample for each node, frame, line and finding look in the view, drawn
    as the drawing draws it."""
    used_nodes = {key for node in view.nodes.values() for key in node.styles}
    used_edges = {edge.style for edge in view.edges}
    used_clusters = {cluster.style for cluster in view.clusters.values()}
    used_levels = {mark.level for mark in view.highlights.values()}
    entries: list[Entry] = []
    if view.table_rows() is not None:
        entries += [_letter(key, _(style.legend).removeprefix(key).strip(), style.attrs)
                    for key, style in view.edge_styles.items() if key in used_edges]
        entries += [_coloured_name(key, _(style.legend), colour)
                    for key, style in view.node_styles.items()
                    if key in used_nodes and (colour := name_colour(style.attrs))]
    else:
        entries += [_shape(f"node:{key}", _(style.legend), drawn_attrs([PLAIN_SHAPE, style]))
                    for key, style in view.node_styles.items() if key in used_nodes]
        entries += [_shape(f"frame:{key}", _("{meaning} (frame)").format(
                        meaning=_(style.legend)), {"shape": "box", **style.attrs})
                    for key, style in view.cluster_styles.items() if key in used_clusters]
        entries += [_line(f"line:{key}", _(style.legend), style.attrs)
                    for key, style in view.edge_styles.items() if key in used_edges]
        if view.focus in view.nodes:
            entries.append(_shape("focus", _("focus (the drawing shows what lies near it)"),
                                  focused({"shape": "box"})))
    entries += [_shape(f"finding:{level}", LEVEL_FINDINGS[level],
                       marked({"shape": "box"}, Highlight(level, [])))
                for level in LEVEL_COLOURS if level in used_levels]
    return entries


def _rows(entries: list[Entry], width: float | None) -> list[list[Entry]]:
    """The key's entries in rows about as long as each other and no wider than
    `width` points (by default `KEY_WIDTH`)."""
    if not entries:
        return []
    limit = max(KEY_WIDTH / 2, width) if width is not None else KEY_WIDTH
    needed = [ENTRY_POINTS + len(entry.meaning) * TEXT_LETTER for entry in entries]
    even = sum(needed) / math.ceil(sum(needed) / limit)  # rows about as long as each other
    rows: list[list[Entry]] = [[]]
    used = 0.0
    for entry, length in zip(entries, needed, strict=True):
        if rows[-1] and used + length / 2 > even:
            rows.append([])
            used = 0.0
        rows[-1].append(entry)
        used += length
    return rows


def _draw_row(key: graphviz.Digraph, row: list[Entry], above: str | None, view: str,
              direction: str) -> str:
    """One row of samples, left to right, under the row whose start is `above`;
    its own start: an invisible point that the rows' starts stand straight
    under each other at, so that the rows are aligned left. Ids start with the
    `view`'s name. Where ranks are columns (`direction` LR or RL), a row is a
    run of ranks and the rows' starts share one; invisible edges point the
    way that keeps the rows in reading order."""
    across = direction in ("LR", "RL")
    start = f"row {0 if above is None else int(above.split()[1]) + 1}"
    key.node(start, shape="point", style="invis", width="0", height="0", label="")
    names: list[str] = [start]
    lines: set[tuple[str, str]] = set()
    for entry in row:
        for name, attrs in entry.nodes:
            key.node(name, **_named(attrs, view))
            names.append(name)
        for tail, head, attrs in entry.lines:
            if direction == "RL":  # drawn right to left: the sample line turned back
                key.edge(head, tail, **_named(attrs, view), dir="back")
            else:
                key.edge(tail, head, **_named(attrs, view))
            lines.add((tail, head))
    if not across:
        key.body.append("{rank=same; " + " ".join(f'"{name}"' for name in names) + "}\n")
    for tail, head in pairwise(names):
        if (tail, head) not in lines:  # a second edge would bend the line
            key.edge(*((head, tail) if direction == "RL" else (tail, head)), style="invis")
    if above is not None:
        if across:
            key.body.append(f'{{rank=same; "{above}" "{start}"}}\n')
        # a rank's first node is drawn lowest where ranks are columns, and the
        # first rank lowest in BT: the edge is turned for the title to stay on top
        turned = across or direction == "BT"
        key.edge(*((start, above) if turned else (above, start)), style="invis")
    return start


def _named(attrs: dict[str, str], view: str) -> dict[str, str]:
    return {**attrs, "id": f"{view}:{attrs['id']}"} if "id" in attrs else attrs


def _shape(sample: str, meaning: str, attrs: dict[str, str]) -> Entry:
    """A node drawn as the drawing draws this kind, its meaning inside it."""
    return Entry(meaning, [(_name(sample), {**attrs, "label": html_text(meaning).join("<>"),
                                            "id": f"key:{sample}", "class": KEY_CLASS})])


def _name(sample: str) -> str:
    """A sample's node name: no colon, which DOT would read as a port."""
    return sample.replace(":", " ")


def _line(sample: str, meaning: str, attrs: dict[str, str]) -> Entry:
    """A short line as the drawing draws this kind, its meaning after it."""
    name = _name(sample)
    ends = (f"{name} from", f"{name} to")
    line = {**{k: v for k, v in attrs.items() if k != "constraint"}, "id": f"key:{sample}",
            "class": KEY_CLASS, "tailclip": "false", "headclip": "false"}
    return Entry(meaning, [(end, LINE_SAMPLE) for end in ends] + [
        (name, {"shape": "plaintext", "label": html_text(meaning).join("<>"),
                "class": KEY_CLASS})], [(*ends, line)])


def name_colour(attrs: dict[str, str]) -> str:
    """The colour a chart writes a name of this look in (`raci.export.table`):
    its text colour, else its outline's; "" for black."""
    return attrs.get("fontcolor", attrs.get("color", ""))


def _coloured_name(key: str, meaning: str, colour: str) -> Entry:
    """A look of the chart's names (external, temporary, vacant, done or
    proposed): its meaning written in the colour the chart writes such a name in."""
    return Entry(meaning, [(_name(f"name:{key}"), {
        "shape": "plaintext", "id": f"key:name:{key}", "class": KEY_CLASS, "fontcolor": colour,
        "label": f'<<FONT COLOR="{colour}">{html_text(meaning)}</FONT>>'})])


def _letter(letter: str, meaning: str, attrs: dict[str, str]) -> Entry:
    """A letter of the chart as the chart prints it, its meaning after it."""
    colour = attrs.get("color", "black")
    return Entry(meaning, [(f"letter {letter}", {
        "shape": "plaintext", "id": f"key:letter:{letter}", "class": KEY_CLASS,
        "label": f'<<FONT COLOR="{colour}"><B>{html_text(letter)}</B></FONT>'
                 f"  {html_text(meaning)}>"})])
