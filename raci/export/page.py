"""The pages a drawing is made for, and whether a drawn picture reads on one.

A drawing is laid out at its own size and scaled down by Graphviz (`size`)
to fit the printable part of the page. It *reads* on the page when its
shape is no longer than `MOST_STRETCHED` to one either way and no text ends
up smaller than `SMALLEST_READABLE_POINTS` once scaled; `measure_svg` reads
both from the SVG that `dot` wrote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from raci.i18n import _, format_decimal

MOST_STRETCHED = 3.0
"""A drawing longer than this many times its width (or wider) reads as a strip."""
SMALLEST_READABLE_POINTS = 8.0
MARGIN_INCHES = 0.4
"""White border kept free on every side of the page."""
POINTS_PER_INCH = 72
SMALLEST_DRAWN_POINTS = 10.0
"""The smallest text raci draws (`raci.export.look.NOTE_POINTS`)."""


@dataclass(frozen=True)
class Page:
    name: str
    width: float
    """Inches, landscape or portrait as the page is named."""
    height: float
    words: str
    """How the page is described to the user."""
    margin: float = MARGIN_INCHES
    """Inches kept free on every side; 0 for the room a drawing has inside a
    page that something else lays out (the review handout's diagram pages)."""

    @property
    def printable(self) -> tuple[float, float]:
        """Width and height in inches inside the margins."""
        return self.width - 2 * self.margin, self.height - 2 * self.margin

    @property
    def room(self) -> tuple[float, float]:
        """Width and height in points a drawing may have at its own size and still
        read once scaled down to the printable part of the page."""
        width, height = self.printable
        shrink = SMALLEST_READABLE_POINTS / SMALLEST_DRAWN_POINTS
        return width * POINTS_PER_INCH / shrink, height * POINTS_PER_INCH / shrink

    @property
    def size_attribute(self) -> str:
        """Graphviz's `size`: the largest the drawing may be, in inches."""
        width, height = self.printable
        return f"{width:.2f},{height:.2f}"


PAGES = {
    page.name: page
    for page in (
        Page("slide", 13.333, 7.5, "a 16:9 slide (33.9 × 19.1 cm)"),
        Page("a4", 11.693, 8.268, "A4 landscape (29.7 × 21 cm)"),
        Page("a3", 16.535, 11.693, "A3 landscape (42 × 29.7 cm)"),
        Page("a4-portrait", 8.268, 11.693, "A4 portrait (21 × 29.7 cm)"),
        Page("a3-portrait", 11.693, 16.535, "A3 portrait (29.7 × 42 cm)"),
    )
}
TURNED = {"a4": "a4-portrait", "a3": "a3-portrait", "a4-portrait": "a4", "a3-portrait": "a3"}
"""Each page turned a quarter: landscape to portrait and back."""
DEFAULT_PAGE = "a3"
"""The steering group's print: a landscape A3 holds a whole sample view readably."""
ON_SCREEN = frozenset({"png"})
"""Formats looked at on a screen at 100 %, pixel for pixel."""


def saved_page(fmt: str) -> Page | None:
    """The page a drawing saved from the app is made for: the default page,
    but none for a picture looked at on a screen, which is drawn at its own
    size (its smallest text 10 pt, 13 pixels at Graphviz's 96 dpi): shrunk to
    an A3 at 96 dpi, a directorate's forty roles had text 5 pixels high."""
    return None if fmt in ON_SCREEN else PAGES[DEFAULT_PAGE]


@dataclass(frozen=True)
class Fit:
    """How a drawing came out on its page."""

    width: float
    """Points, as printed (after any scaling down)."""
    height: float
    scale: float
    """How much Graphviz shrank the drawing to fit the page (1 for not at all)."""
    smallest_text: float
    """Points, as printed: the smallest font size times the scale."""

    @property
    def stretch(self) -> float:
        """Its longer side over its shorter one (1 for a square)."""
        return max(self.width, self.height) / max(min(self.width, self.height), 1.0)

    @property
    def reads(self) -> bool:
        return self.stretch <= MOST_STRETCHED and self.smallest_text >= SMALLEST_READABLE_POINTS

    def problem(self) -> str:
        """Why it does not read on its page, in the user's words ("" when it does)."""
        problems = []
        if self.smallest_text < SMALLEST_READABLE_POINTS:
            problems.append(_("its text would be {size} pt (at least {least} pt reads)").format(
                size=format_decimal(self.smallest_text), least=format_decimal(
                    SMALLEST_READABLE_POINTS, "0.#")))
        if self.stretch > MOST_STRETCHED:
            problems.append((_("it is {times} times as long as it is wide")
                             if self.height > self.width else
                             _("it is {times} times as wide as it is high")).format(
                                 times=format_decimal(self.stretch)))
        return _(" and ").join(problems)


_SIZE = re.compile(r'<svg width="([\d.]+)pt" height="([\d.]+)pt"')
_BACKGROUND = re.compile(r'class="graph" transform="scale\(([\d.]+) [^>]*>\s*<title>[^<]*</title>'
                         r'\s*<polygon [^>]*points="([^"]+)"')
_FONT = re.compile(r'font-size="([\d.]+)"')


def measure_svg(svg: bytes) -> Fit:
    """The printed size, scale and smallest text of an SVG drawn by `dot`.

    The scale is the printed width over the width of the drawing's
    background as laid out (the `scale()` Graphviz writes is rounded).
    """
    text = " ".join(svg.decode("utf-8").split())
    size, background = _SIZE.search(text), _BACKGROUND.search(text)
    if size is None or background is None:
        raise ValueError("not an SVG drawn by Graphviz's dot")
    width, height = float(size.group(1)), float(size.group(2))
    xs = [float(point.split(",")[0]) for point in background.group(2).split()]
    factor = min(1.0, width / (max(xs) - min(xs))) if max(xs) > min(xs) else 1.0
    fonts = [float(points) for points in _FONT.findall(text)]
    smallest = min(fonts) * factor if fonts else SMALLEST_READABLE_POINTS
    return Fit(width, height, factor, smallest)
