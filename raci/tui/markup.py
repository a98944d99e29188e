"""Text a rule or finding writes in Markdown, as the app's markup shows it."""

from __future__ import annotations

from functools import lru_cache

from rich.markup import escape

from raci.lint.findings import Finding
from raci.lint.message import markdown_said
from raci.text import markdown_parser

_MARKDOWN_STYLES = {"code_inline": ("[b $text-warning]", "[/]"), "em_open": ("[i]", ""),
                    "em_close": ("", "[/i]"), "strong_open": ("[b]", ""),
                    "strong_close": ("", "[/b]")}
"""Markup for the inline Markdown a rule's documentation uses (`A`, *word*, **word**)."""


SHOWN_KEPT = 2**15
"""Lines of Markdown whose markup a process keeps (`inline_markdown`): more
than the distinct messages of a large model's findings, which each refresh
of the findings shows again."""


@lru_cache(maxsize=SHOWN_KEPT)
def inline_markdown(text: str) -> str:
    """A line of a rule's documentation (Markdown) as markup: code in the
    theme's warning colour, as Textual's Markdown shows it, emphasis as
    such, a link as its text; no backtick or asterisk shown as written."""
    out = []
    for token in markdown_parser().parseInline(text)[0].children or []:
        before, after = _MARKDOWN_STYLES.get(token.type, ("", ""))
        words = " " if token.type in ("softbreak", "hardbreak") else escape(token.content)
        out.append(before + (words if token.type in ("text", "code_inline", "softbreak",
                                                     "hardbreak") else "") + after)
    return "".join(out)


def finding_message(finding: Finding) -> str:
    """A finding's message in the user's language, as markup: `goals` as a
    code word, as everywhere in the app, not between backticks; a name as
    written ("R&D *kern*" no emphasis, `markdown_said`)."""
    return inline_markdown(markdown_said(finding.message))
