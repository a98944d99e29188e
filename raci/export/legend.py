"""The drawing's heading: its title and a compact key of what the drawing holds.

The key sits under the title in the top left corner, as one HTML-like
table, so it takes no room among the nodes: for each kind of node, frame,
line and finding colour the drawing holds (and no other), a small sample of
its outline, fill or line beside its meaning. Shapes that a table cell
cannot draw (a hexagon, a note) are named in words.
"""

from __future__ import annotations

import math

from raci.export.graph import Highlight, View
from raci.export.look import (
    LEVEL_COLOURS,
    NAME_POINTS,
    NAME_WIDTH,
    NOTE_POINTS,
    TITLE_POINTS,
    html_lines,
    html_text,
    marked,
)
from raci.i18n import N_, _
from raci.vocabulary import Words

KEY_WIDTH = 900.0
"""Points a line of the key takes at most when the drawing's width is not known."""
TITLE_WIDTH = 56
"""Characters on a line of the title before it wraps."""
TITLE_LETTER = 9.9
"""Points an average letter of the title takes."""
TEXT_LETTER = 6.0
"""Points a key's text cell gives each letter: its cell has a fixed width (a
wider one would be stretched across the line), enough for the widest letters."""
ENTRY_POINTS = 36
"""Points a key entry takes besides its words: its sample and the spaces."""
SHAPE_WORDS = Words({
    "ellipse": N_("oval"), "hexagon": N_("hexagon"), "box3d": N_("3-D box"),
    "folder": N_("folder"), "parallelogram": N_("slanted box"), "octagon": N_("octagon"),
    "house": N_("house"), "tab": N_("tab"), "egg": N_("egg"), "component": N_("box with pins"),
    "note": N_("folded corner"),
})
"""Node shapes in words; a box (plain, rounded or bold) is drawn in the sample."""
LINE_STYLES = ("dashed", "dotted")
LEVEL_FINDINGS = Words({"error": N_("has error findings"), "warning": N_("has warning findings"),
                        "info": N_("has info findings")})
"""What a finding colour means in the key."""


def heading(view: View, legend: bool = True, width: float | None = None) -> str:
    """The graph label: the title (and subtitle), and under it the key unless
    `legend` is off; no wider than `width` points where it can help it (a
    small drawing is not made a wide strip by its heading)."""
    title_width = TITLE_WIDTH if width is None else max(
        NAME_WIDTH, min(TITLE_WIDTH, int(width / TITLE_LETTER)))
    rows = [f'<TR><TD ALIGN="LEFT" BALIGN="LEFT"><FONT POINT-SIZE="{TITLE_POINTS}"><B>'
            f"{html_lines(view.title, title_width)}</B></FONT></TD></TR>"]
    if view.subtitle:
        rows.append(f'<TR><TD ALIGN="LEFT" BALIGN="LEFT"><FONT POINT-SIZE="{NAME_POINTS}">'
                    f"{html_lines(view.subtitle, title_width + 12)}</FONT></TD></TR>")
    entries = legend_entries(view) if legend else []
    if entries:
        rows.append(f'<TR><TD ALIGN="LEFT">{_table(entries, width)}</TD></TR>')
    return f'<<TABLE BORDER="0" CELLSPACING="0" CELLPADDING="2">{"".join(rows)}</TABLE>>'


def legend_entries(view: View) -> list[tuple[str, str]]:
    """(sample cell, meaning) for each node, frame, line and finding look in the view."""
    used_nodes = {key for node in view.nodes.values() for key in node.styles}
    used_edges = {edge.style for edge in view.edges}
    used_clusters = {cluster.style for cluster in view.clusters.values()}
    used_levels = {mark.level for mark in view.highlights.values()}
    if view.table_rows() is not None:
        return [(_letter(key, style.attrs), _(style.legend).removeprefix(key).strip())
                for key, style in view.edge_styles.items() if key in used_edges] + [
            (_outline(marked({}, Highlight(level, []))), LEVEL_FINDINGS[level])
            for level in LEVEL_COLOURS if level in used_levels]
    entries = [(_outline(style.attrs), _with_shape(_(style.legend), style.attrs))
               for key, style in view.node_styles.items() if key in used_nodes]
    entries += [(_outline(style.attrs, frame=True), _("{meaning} (frame)").format(
                    meaning=_(style.legend)))
                for key, style in view.cluster_styles.items() if key in used_clusters]
    entries += [(_line(style.attrs), _(style.legend))
                for key, style in view.edge_styles.items() if key in used_edges]
    entries += [(_outline(marked({}, Highlight(level, []))), LEVEL_FINDINGS[level])
                for level in LEVEL_COLOURS if level in used_levels]
    return entries


def _table(entries: list[tuple[str, str]], width: float | None) -> str:
    """The key's entries in lines about as long as each other and no wider than
    `width` points (by default `KEY_WIDTH`), each line its own table so that a
    long entry widens no other. Graphviz stretches a line narrower than the
    heading over its width: its cells have a fixed size, so the stretch goes
    between the entries."""
    limit = max(KEY_WIDTH / 2, width) if width is not None else KEY_WIDTH
    needed = [ENTRY_POINTS + len(meaning) * TEXT_LETTER for _, meaning in entries]
    even = sum(needed) / math.ceil(sum(needed) / limit)  # lines about as long as each other
    lines: list[list[tuple[str, str]]] = [[]]
    used = 0.0
    for entry, length in zip(entries, needed, strict=True):
        if lines[-1] and used + length / 2 > even:
            lines.append([])
            used = 0.0
        lines[-1].append(entry)
        used += length
    rows = "".join(
        '<TR><TD ALIGN="LEFT"><TABLE ALIGN="LEFT" BORDER="0" CELLSPACING="3" CELLPADDING="0"><TR>'
        + "".join(f'{sample}<TD ALIGN="LEFT" FIXEDSIZE="TRUE" HEIGHT="12" '
                  f'WIDTH="{round(len(meaning) * TEXT_LETTER) + 4}">'
                  f'<FONT POINT-SIZE="{NOTE_POINTS}">{html_text(meaning)}</FONT></TD>'
                  for sample, meaning in line)
        + "</TR></TABLE></TD></TR>" for line in lines)
    return f'<TABLE BORDER="0" CELLSPACING="0" CELLPADDING="0">{rows}</TABLE>'


def _with_shape(meaning: str, attrs: dict[str, str]) -> str:
    shape = attrs.get("shape", "box")
    if "diagonals" in attrs.get("style", ""):
        return _("{meaning} (box, cut corners)").format(meaning=meaning)
    return f"{meaning} ({SHAPE_WORDS[shape]})" if shape in SHAPE_WORDS else meaning


def _outline(attrs: dict[str, str], frame: bool = False) -> str:
    """A cell drawn with the node's (or frame's) outline, line style and fill."""
    flags = attrs.get("style", "").split(",")
    style = next((f for f in LINE_STYLES if f in flags), "rounded" if "rounded" in flags else "")
    border = 2 if "bold" in flags or float(attrs.get("penwidth", "1")) >= 2 else 1
    fill = attrs.get("fillcolor", "white") if "filled" in flags else ""
    return ('<TD WIDTH="{}" HEIGHT="12" FIXEDSIZE="TRUE" BORDER="{}" COLOR="{}"{}{}></TD>'.format(
        30 if frame else 20, border, attrs.get("color", "black"),
        f' STYLE="{style}"' if style else "", f' BGCOLOR="{fill}"' if fill else ""))


def _line(attrs: dict[str, str]) -> str:
    """A cell whose bottom edge is drawn as the line: its colour, width and dashes."""
    flags = attrs.get("style", "").split(",")
    style = next((f for f in LINE_STYLES if f in flags), "")
    width = max(1, round(float(attrs.get("penwidth", "2" if "bold" in flags else "1"))))
    return ('<TD WIDTH="26" HEIGHT="8" FIXEDSIZE="TRUE" SIDES="B" BORDER="{}" COLOR="{}"{}>'
            '</TD>'.format(
        width, attrs.get("color", "black"), f' STYLE="{style}"' if style else ""))


def _letter(letter: str, attrs: dict[str, str]) -> str:
    """A letter of the chart as the chart prints it."""
    return (f'<TD><FONT COLOR="{attrs.get("color", "black")}"><B>{html_text(letter)}</B>'
            "</FONT></TD>")
