"""Text shown to users on one line: a message, a finding, a validation error."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

_NAMED_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def one_line(text: str) -> str:
    """`text` with control characters and line separators escaped the way
    Python writes them (``\\n``, ``\\x1b``, ``\\u2028``), so that it stays on one line."""
    if text.isprintable():  # the common case: nothing to escape
        return text
    return "".join(_escape_character(c) for c in text)


class Markdown(str):
    """Markdown written already, its user's text escaped (`markdown_escaped`):
    the Markdown outputs put it in as it is, escaping nothing again."""

    __slots__ = ()


@cache
def markdown_parser() -> MarkdownIt:
    """The one parser of the Markdown a message or a rule's documentation is
    written in, for the app and the report alike; one for every line, as
    making one costs ten times parsing a line. HTML in the text is text."""
    from markdown_it import MarkdownIt  # only when a message is shown

    return MarkdownIt("commonmark", {"html": False})


def markdown_html(text: str) -> str:
    """A line of Markdown as HTML: a code span as ``<code>``, emphasis as
    such, anything else shown as written."""
    return markdown_parser().renderInline(text)


MARKDOWN_SPECIALS = str.maketrans({c: "\\" + c for c in "\\`*_[]<>&|~#!"})
"""What Markdown would read as more than the character itself (code,
emphasis, a link, an image, an HTML tag or entity, a table's cell end, a
heading, GitHub's strikethrough), each after a backslash: as written."""


def markdown_escaped(text: str) -> str:
    """User text (a name, an id) that Markdown shows as written, on one line
    and fit for a table cell: ``R\\&D \\*kern\\*``."""
    return one_line(text).translate(MARKDOWN_SPECIALS)


_MARKUP_STARTS = re.compile(r"([\\|]|<(?=[A-Za-z/!?])|&(?=#?\w+;))")
"""What would not read as written in a Markdown table: a backslash, a pipe
(the cell would end), an HTML tag or entity. A message's own Markdown
(`goals` as code) stays Markdown."""


def markdown_prose(text: object) -> str:
    """Text a Markdown document (the minutes, a scenario) shows as written, on
    one line, fit for a table cell: `_MARKUP_STARTS` escaped with a backslash,
    as Markdown escapes; nothing else, so the file reads as plain text too
    ("->", "R&D", never "-&gt;"). `Markdown` (a finding with its names escaped) is so already."""
    if isinstance(text, Markdown):
        return text
    return _MARKUP_STARTS.sub(r"\\\1", one_line(str(text)))


def _escape_character(character: str) -> str:
    if unicodedata.category(character) not in ("Cc", "Zl", "Zp"):
        return character
    if character in _NAMED_ESCAPES:
        return _NAMED_ESCAPES[character]
    code = ord(character)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def aligned(rows: list[list[str]], indent: str = "  ") -> list[str]:
    """Rows of cells as lines in columns: every column but the last padded to
    its widest cell, two spaces between columns."""
    widths = [max(len(row[column]) for row in rows) for column in range(len(rows[0]) - 1)]
    return [(indent + "  ".join([*(cell.ljust(width) for cell, width in zip(row, widths,
                                                                         strict=False)),
                                 row[-1]])).rstrip() for row in rows]


def json_text(document: object, default: Callable[[Any], Any] | None = None) -> str:
    """A JSON document as raci's outputs write it: indented by two spaces,
    UTF-8 (no ``\\u`` escapes), dates in ISO form, a newline at the end.
    orjson writes the same text as the standard library's encoder, several
    times faster (a lint of tens of thousands of findings saves most of a
    second)."""
    return json_bytes(document, default).decode()


def json_bytes(document: object, default: Callable[[Any], Any] | None = None) -> bytes:
    """`json_text` as the bytes written: `raci lint --format json` writes
    them as they are, rather than making them text and then bytes again (a
    tenth of its output's time, on tens of thousands of findings)."""
    import orjson

    return orjson.dumps(document, default=default,
                        option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE)
