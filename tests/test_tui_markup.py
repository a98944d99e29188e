"""A finding's message as the app's markup shows it: in the language and with
the names of now, though what was shown before is kept; and thousands of
them (a large model's findings, at each refresh) shown without making a
Markdown parser for each line or parsing a line again."""

from __future__ import annotations

from typing import Any

import pytest
from markdown_it import MarkdownIt

from raci.i18n import set_language
from raci.lint.findings import Finding
from raci.lint.message import Named, said
from raci.text import markdown_parser
from raci.tui.markup import finding_message, inline_markdown

UNUSED = "{body} is Accountable for no goal, initiative or decision"
"""BOD002's message, which the Dutch catalogue translates."""


def bod002(name: str) -> Finding:
    """BOD002 on sg-warmte, named `name`: its English text, and so its
    fingerprint, names the body by id alone."""
    return Finding("BOD002", "unused-body", "warning",
                   said(UNUSED, body=Named("sg-warmte", name)), ("sg-warmte",))


def test_a_body_renamed_shows_its_new_name_in_the_language_of_now() -> None:
    before, after = bod002("Stuurgroep *Warmte*"), bod002("Stuurgroep Warmte en Gas")
    assert before.message == after.message  # the same English text
    assert finding_message(before).startswith("Stuurgroep *Warmte* (sg-warmte) is ")
    assert finding_message(after).startswith("Stuurgroep Warmte en Gas (sg-warmte) is ")
    set_language("nl")
    try:
        assert finding_message(before) == (
            "Stuurgroep *Warmte* (sg-warmte) is voor geen enkel doel, initiatief of besluit "
            "eindverantwoordelijk (A)")
    finally:
        set_language("en")


def test_lines_shown_again_are_not_parsed_again_nor_by_a_parser_of_their_own(
        monkeypatch: pytest.MonkeyPatch) -> None:
    made: list[MarkdownIt] = []
    parsed: list[str] = []
    make, parse = MarkdownIt.__init__, MarkdownIt.parseInline

    def counted_make(parser: MarkdownIt, *args: Any, **kwargs: Any) -> None:
        made.append(parser)
        make(parser, *args, **kwargs)

    def counted_parse(parser: MarkdownIt, text: str, *args: Any) -> Any:
        parsed.append(text)
        return parse(parser, text, *args)

    monkeypatch.setattr(MarkdownIt, "__init__", counted_make)
    monkeypatch.setattr(MarkdownIt, "parseInline", counted_parse)
    markdown_parser.cache_clear()
    inline_markdown.cache_clear()
    lines = ["add `goals` to *a*", "R&D \\*kern\\* [team]", "add `goals` to *a*"]
    shown = [inline_markdown(line) for line in lines * 2]
    assert shown[:3] == ["add [b $text-warning]goals[/] to [i]a[/i]",
                         "R&D *kern* \\[team]", "add [b $text-warning]goals[/] to [i]a[/i]"]
    assert shown[3:] == shown[:3]
    assert len(made) == 1 and parsed == lines[:2]
