"""The app's notices read as sentences, in English and Dutch: a suggestion's
summary and a library's reason start in lower case where they go on other
words, and were shown so ("make dg-bw Accountable …")."""

from __future__ import annotations

from pathlib import Path

import pytest
from apphelp import loaded, said, suggestions_tried, until

from raci.tui import make_app
from raci.vocabulary import as_sentence


@pytest.mark.parametrize("language", ["en", "nl"])
async def test_the_notice_of_a_suggestion_made_starts_with_a_capital(
        database: Path, language: str, request: pytest.FixtureRequest) -> None:
    if language == "nl":
        request.getfixturevalue("in_dutch")
    async with make_app(database).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        await suggestions_tried(pilot, app)
        await pilot.press("enter")
        await until(pilot, lambda: said(app), "the notice of the edit")
        notice = said(app)[-1]
        assert notice[0].isupper(), notice


@pytest.mark.parametrize(("text", "sentence"), [
    ("renew the mandate of sg-warmte", "Renew the mandate of sg-warmte"),
    ("één wijziging", "Één wijziging"),
    ("depth -1: give 0 or more", "Depth -1: give 0 or more"),
    ("org.db: the disk is full", "org.db: the disk is full"),  # a file is as it is named
    ("p.jansen is not a member", "p.jansen is not a member"),
])
def test_a_notice_is_a_sentence_unless_it_starts_with_a_name(text: str, sentence: str) -> None:
    assert as_sentence(text) == sentence
