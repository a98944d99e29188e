"""The minutes the app writes read as plain text and as Markdown alike: a
level as a word, as the review screen shows it, no HTML escape ("->", not
"-&gt;"), and in Dutch the file is a "bespreking", as its title says."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from apphelp import edited_in_a_pause, loaded, until
from textual.pilot import Pilot

from raci.tui import make_app
from raci.tui.app import RaciApp
from raci.tui.screens.answers import AnswerForm
from raci.tui.screens.review import ReviewScreen

EDIT = "A van i.isolatie -> sg-bzk (R&D <team>)"


async def review_begun(pilot: Pilot[None], app: RaciApp) -> None:
    """`R`, the login name taken as the minutes' author: the first finding on the table."""
    await pilot.press("R")
    await until(pilot, lambda: isinstance(app.screen, AnswerForm), "who takes the minutes")
    await pilot.press("enter")
    await until(pilot, lambda: isinstance(app.screen, ReviewScreen)
                and not app.screen.busy, "the first finding")


@pytest.mark.usefixtures("in_dutch")
async def test_dutch_minutes_are_a_bespreking_with_levels_as_words(database: Path) -> None:
    async with make_app(database).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        await review_begun(pilot, app)
        await edited_in_a_pause(pilot, app, EDIT)
        await pilot.press("R")
        await until(pilot, lambda: isinstance(app.screen, ReviewScreen)
                    and not app.screen.busy, "the review again")
        await pilot.press("q")
        await until(pilot, lambda: app.reviewing is None, "the review ended")
    minutes = (database.parent / f"org-bespreking-{dt.date.today().isoformat()}.md").read_text()
    assert minutes.startswith("# Bespreking van ")
    assert f"1. {EDIT.replace('<', chr(92) + '<')}" in minutes.splitlines()  # a tag escaped
    assert "&gt;" not in minutes and "&amp;" not in minutes and "&lt;" not in minutes
    assert "[fout]" not in minutes and "STR005 waarschuwing: " in minutes


async def test_an_action_is_for_someone_by_name_and_id(database: Path) -> None:
    """As the app says people elsewhere ("Petra Jansen (p.jansen)"), not the bare id typed."""
    async with make_app(database).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        await review_begun(pilot, app)
        await pilot.press("n")
        await until(pilot, lambda: isinstance(app.screen, AnswerForm), "the action's questions")
        await pilot.press(*"p.jansen", "tab", *"bellen", "ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, ReviewScreen), "the review again")
        await pilot.press("q")
        await until(pilot, lambda: app.reviewing is None, "the review ended")
    minutes = (database.parent / f"org-review-{dt.date.today().isoformat()}.md").read_text()
    assert "Action for Petra Jansen (p.jansen): bellen" in minutes, minutes
    assert "| Petra Jansen (p.jansen) | bellen |" in minutes, minutes
