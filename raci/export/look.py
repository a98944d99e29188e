"""How a drawing looks: fonts, finding colours, and names as HTML-like label text.

Names go into Graphviz's HTML-like labels, escaped for HTML (`&`, `<`, `>`,
quotes) and for Graphviz's own backslash sequences (`\\N` would otherwise
print the node's name). Long names wrap at spaces, so a node is not one long
line; a name's own line breaks are kept.
"""

from __future__ import annotations

import html
import textwrap

from raci.export.graph import Highlight, Style
from raci.export.page import SMALLEST_DRAWN_POINTS

FONT = "Helvetica"
TITLE_POINTS = 16
NAME_POINTS = 12
NOTE_POINTS = SMALLEST_DRAWN_POINTS
"""Notes under a name, edge labels, frame notes and the legend: the smallest text drawn."""
NODE_MARGIN = "0.06,0.04"
"""Inches between a node's text and its outline, across and down."""
INSET_MARGINS = {"box3d": "0.12,0.09", "cds": "0.23,0.12", "component": "0.16,0.04"}
"""Margins of the shapes Graphviz draws inside the node's box (a 3-D box's
front face 4 points in at the top and right; the body of a `cds` arrow 6
points in at the top and bottom, and its tip the last 12 points across; an
initiative's `component` tabs on its left side): the text stays inside the
outline drawn, clear of its decoration. An indicator's `note` keeps
Graphviz's margin (a wider one split a sample's goals view, nationaal-archief,
into more parts than the handout takes): its name's first line ends in
`FOLD_ROOM` instead."""
FOLD_ROOM = "\u00a0"
"""A no-break space (3.3 points of a bold name) after the first line of an
indicator's name, drawn as a text of its own: a line as wide as the `note`
ran into its folded corner (6 points at the top right); a wider margin
widens every line."""
DIAGONALS_MARGIN = "0.17,0.06"
"""Margins of a box with `diagonals` (a decision): the corner marks cut 12
points into each corner, where a bold name set the plain margin in crossed them."""
ROUNDED_MARGIN = "0.12,0.04"
"""Margins of a rounded box: its corners curve in by up to 12 points, past a
first line of text set the plain margin in from the side."""
NAME_WIDTH = 26
NOTE_WIDTH = 34
"""Characters on a line of a name or a note before it wraps at a space."""
FOCUS_PENWIDTH = "5"
"""The focus's one thick outline (`neato -n2` would widen a second one past
the room `dot` gave it)."""
FOCUS_ROOM = 0.05
"""Inches more between the focus's text and its thick outline."""
LEVEL_COLOURS = {  # fill, outline
    "error": ("#f5b7b1", "#922b21"),
    "warning": ("#fae5b0", "#9a7d0a"),
    "info": ("#d6eaf8", "#1f618d"),
}


def wrapped(text: str, width: int) -> list[str]:
    """The text's lines, each longer than `width` wrapped at its spaces."""
    lines: list[str] = []
    for line in text.splitlines() or [""]:
        lines += (textwrap.wrap(line, width, break_long_words=False, break_on_hyphens=False)
                  if len(line) > width else []) or [line]
    return lines


def html_text(line: str) -> str:
    """One line as HTML-label content, shown as written."""
    return html.escape(_visible_controls(line), quote=True).replace("\\", "\\\\")


def html_lines(text: str, width: int | None = None) -> str:
    """Text as HTML-label content, each line break a `<BR/>`, wrapped at `width`."""
    lines = wrapped(text, width) if width else (text.splitlines() or [""])
    return "<BR/>".join(html_text(line) for line in lines)


def _visible_controls(text: str) -> str:
    """Control characters as their visible pictures (␀…␟); XML cannot carry them."""
    return "".join(chr(0x2400 + ord(c)) if ord(c) < 32 and c != "\t" else c for c in text)


def node_label(title: str, lines: list[str], folded: bool = False) -> str:
    """A name in bold, wrapped, with its notes in smaller type under it; the
    name's first line clear of a `folded` corner (`FOLD_ROOM`)."""
    notes = "".join(f'<BR/><FONT POINT-SIZE="{NOTE_POINTS}">{html_lines(line, NOTE_WIDTH)}'
                    "</FONT>" for line in lines)
    name = html_lines(title, NAME_WIDTH)
    if folded:  # a text of its own: the name's lines are drawn as written
        first, _, rest = name.partition("<BR/>")
        return (f"<<B>{first}</B><B>{html_text(FOLD_ROOM)}</B>"
                + (f"<B><BR/>{rest}</B>" if rest else "") + f"{notes}>")
    return f"<<B>{name}</B>{notes}>"


def plain_label(text: str) -> str:
    return f"<{html_lines(text)}>"


def merged(styles: list[Style]) -> dict[str, str]:
    """Attributes of several styles; the `style` flags of each are kept together."""
    attrs: dict[str, str] = {}
    flags: list[str] = []
    for style in styles:
        for key, value in style.attrs.items():
            if key == "style":
                flags += [flag for flag in value.split(",") if flag not in flags]
            else:
                attrs[key] = value
    if flags:
        attrs["style"] = ",".join(flags)
    return attrs


def drawn_attrs(styles: list[Style]) -> dict[str, str]:
    """How a node of these styles is drawn, in the drawing and in its key alike:
    the styles' attributes, with the margin its shape needs (`INSET_MARGINS`,
    `ROUNDED_MARGIN`, `DIAGONALS_MARGIN`)."""
    attrs = merged(styles)
    if attrs.get("shape") in INSET_MARGINS:
        attrs["margin"] = INSET_MARGINS[attrs["shape"]]
    elif "rounded" in attrs.get("style", "").split(","):
        attrs["margin"] = ROUNDED_MARGIN
    elif "diagonals" in attrs.get("style", "").split(","):
        attrs["margin"] = DIAGONALS_MARGIN
    return attrs


def marked(attrs: dict[str, str], mark: Highlight | None) -> dict[str, str]:
    """Filled in the colour of the highest level of an entity's findings; the
    outline keeps the colour of a mark the key explains (temporary, external,
    vacant), else takes the level's."""
    if mark is None:
        return attrs
    fill, outline = LEVEL_COLOURS[mark.level]
    flags = [f for f in attrs.get("style", "").split(",") if f]
    return {**attrs, "style": ",".join([*flags, "filled"]), "fillcolor": fill,
            "color": attrs.get("color", outline), "penwidth": "2"}


def focused(attrs: dict[str, str]) -> dict[str, str]:
    """The focus of `--focus`: a thick outline, with room for it inside."""
    across, down = map(float, attrs.get("margin", NODE_MARGIN).split(","))
    return {**attrs, "penwidth": FOCUS_PENWIDTH,
            "margin": f"{across + FOCUS_ROOM:g},{down + FOCUS_ROOM:g}"}
