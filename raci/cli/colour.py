"""Colour in the text output, on a terminal: a finding's place dim, its code
bold, its level in the level's colour (error red, warning yellow, info blue).

Whether to colour is decided once, at the program's edge (`colour_choice`):
``--no-color`` or the ``NO_COLOR`` environment variable turn it off,
``FORCE_COLOR`` turns it on (also into a pipe or file); else click colours
only a terminal. The styles are added to the text and click's ``echo``
strips them where there is to be no colour; a file written with ``-o`` gets
none.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Mapping

import click

NO_COLOR_OPTION = "--no-color"
LEVEL_STYLES: Mapping[str, Mapping[str, object]] = {
    "error": {"fg": "red", "bold": True},
    "warning": {"fg": "yellow"},
    "info": {"fg": "blue"},
}
_FINDING = re.compile(r"^(?P<where>\S+:) (?P<code>[A-Z]{3}\d{3}) \[(?P<level>[a-z]+)\]", re.M)


def colour_choice(args: list[str], environ: Mapping[str, str] = os.environ) -> bool | None:
    """False (never), True (always) or None (on a terminal), from ``--no-color``
    among `args` and the ``NO_COLOR``/``FORCE_COLOR`` conventions."""
    if NO_COLOR_OPTION in args or environ.get("NO_COLOR"):
        return False
    if environ.get("FORCE_COLOR"):
        return True
    return None


def colour_shown() -> bool:
    """Whether text written to stdout now keeps its colour (else click's
    ``echo`` strips it): styling 50,000 findings only to have them stripped
    again took longer than linting them."""
    context = click.get_current_context(silent=True)
    chosen = context.color if context is not None else None
    return chosen if chosen is not None else sys.stdout.isatty()


def coloured_findings(text: str) -> str:
    """Text-format findings (``FILE:LINE:COL: CODE [level] message``) styled."""

    def styled(found: re.Match[str]) -> str:
        level = found["level"]
        return (f"{click.style(found['where'], dim=True)} "
                f"{click.style(found['code'], bold=True)} "
                f"{click.style(f'[{level}]', **LEVEL_STYLES.get(level, {}))}")  # type: ignore[arg-type]

    return _FINDING.sub(styled, text)
