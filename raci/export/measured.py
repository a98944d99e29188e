"""SVG text drawn at the width `dot` measured it.

`dot` sizes every shape and places every label by the width it measures
each line of text at (Pango, with the font fontconfig gives it for
Helvetica, its glyph widths hinted to whole pixels). A browser drawing the
SVG picks its own font for the family and measures without hinting, so its
text can run several per cent wider than the shape around it: a bold name
past its box, an edge label over a neighbour. Each `<text>` therefore gets
the width `dot` measured as its `textLength`, read from the `json` output of
the same run, and is drawn at exactly that width in any browser or font.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from typing import Any

BOLD, ITALIC = 1, 2
"""Graphviz's font flags (xdot `t` operation)."""
_TEXT = re.compile(r"<text ([^>]*)>([^<]*)</text>")
_SIZE = re.compile(r'font-size="([0-9.]+)"')

TextKey = tuple[str, float, int]
"""A line of text, its size in points and its font flags."""


def drawn_as_measured(svg: bytes, layout: bytes) -> bytes:
    """The SVG with each text line's `textLength` set to its width in `layout`
    (`dot -Tjson` of the same run); a line not found there is left as it is."""
    widths = dict(_measured(json.loads(layout)))

    def fitted(match: re.Match[str]) -> str:
        attributes, content = match.groups()
        width = widths.get(_key(attributes, content))
        if width is None or "textLength" in attributes:
            return match.group(0)
        return (f'<text {attributes} textLength="{width:g}" lengthAdjust="spacingAndGlyphs">'
                f"{content}</text>")

    return _TEXT.sub(fitted, svg.decode("utf-8")).encode("utf-8")


def _key(attributes: str, content: str) -> TextKey:
    size = _SIZE.search(attributes)
    flags = (BOLD if 'font-weight="bold"' in attributes else 0) | (
        ITALIC if 'font-style="italic"' in attributes else 0)
    return html.unescape(content), float(size.group(1)) if size else 14.0, flags


def _measured(layout: dict[str, Any]) -> Iterator[tuple[TextKey, float]]:
    """Every text line drawn in the layout with the width `dot` gave it."""
    for drawn in (layout, *layout.get("objects", ()), *layout.get("edges", ())):
        for name, operations in drawn.items():
            if name.startswith("_") and name.endswith("draw_") and isinstance(operations, list):
                size, flags = 14.0, 0
                for operation in operations:
                    if operation["op"] == "F":
                        size = float(operation["size"])
                    elif operation["op"] == "t":
                        flags = int(operation["fontchar"]) & (BOLD | ITALIC)
                    elif operation["op"] == "T":
                        yield (operation["text"], size, flags), float(operation["width"])
